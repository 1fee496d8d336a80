using System.Globalization;
using System.Text.Json;
using ReportExtract.Metadata;
using ReportExtract.Sections;
using ReportExtract.Tests.Sections;

namespace ReportExtract.Tests.Metadata;

/// <summary>
/// Runs the metadata spec files (<c>Specs/metadata/*.json</c>): normalized input text, split into sections
/// as the pipeline does, and the fields expected from it. Only the fields a case names are checked; a
/// field given as null must come out null.
/// </summary>
public sealed class MetadataSpecTests
{
    private static readonly SectionSplitter Splitter = new();
    private static readonly MetadataExtractor Extractor = new();

    public static TheoryData<string, string> Cases()
    {
        return Repository.SpecCaseNames(TestFiles.PathOf("Specs", "metadata"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec(string file, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestFiles.PathOf("Specs", "metadata", file)));
        var spec = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var text = SpecText.Read(spec.GetProperty("text"));
        var metadata = Extractor.Extract(text, Splitter.Split(text));

        var expect = spec.GetProperty("expect");
        foreach (var field in expect.EnumerateObject())
        {
            var expected = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.ToString();
            Actual(metadata, field.Name).Should().Be(expected, $"{field.Name} of spec '{name}' in {file}");
        }

        if (spec.TryGetProperty("warnings_contain", out var warning))
        {
            metadata.Warnings.Should().Contain(w => w.Contains(warning.GetString()!, StringComparison.Ordinal));
        }
        else
        {
            metadata.Warnings.Should().BeEmpty($"spec '{name}' expects no warning");
        }
    }

    [Fact]
    public void Spec_files_hold_at_least_thirty_cases() => Cases().Count.Should().BeGreaterThanOrEqualTo(30);

    private static string? Actual(ReportMetadata m, string field) => field switch
    {
        "title" => m.Title,
        "organization" => m.Organization,
        "report_year" => m.ReportYear?.ToString(CultureInfo.InvariantCulture),
        "document_date" => m.DocumentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "published_date" => m.PublishedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "document_number" => m.DocumentNumber,
        "index_number" => m.IndexNumber,
        _ => throw new InvalidOperationException($"Unknown metadata field '{field}' in a spec."),
    };
}
