using System.Text.Json;
using ReportExtract.Model;

namespace ReportExtract.Tests.Region;

/// <summary>The region spec cases in Specs/region/*.json: organization, title and text in, division and warnings out.</summary>
public sealed class RegionResolverSpecTests
{
    public static TheoryData<string, string> Cases()
    {
        return Repository.SpecCaseNames(RegionSpecs.SpecDirectory);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_spec_case(string file, string name)
    {
        var c = RegionSpecs.Load(file, name);

        var result = BuiltIn.Regions.Resolve(c.Organization, c.Title, c.Text);

        result.Region.Should().Be(c.Expected, "case '{0}' in {1}", name, file);
        if (c.Warnings is { } warnings)
        {
            result.Warnings.Should().Equal(warnings, "case '{0}' in {1}", name, file);
        }
    }

    [Fact]
    public void Spec_files_hold_enough_cases()
    {
        Cases().Count.Should().BeGreaterThanOrEqualTo(40);
    }
}

/// <summary>Reads the JSON spec cases; a case's text may be inline or a file under the repository's samples/.</summary>
internal static class RegionSpecs
{
    public static string SpecDirectory { get; } = Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Specs", "region");

    public static string RepositoryRoot => Repository.Root;

    public static RegionSpecCase Load(string file, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecDirectory, file)));
        var c = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var text = c.TryGetProperty("sample", out var sample)
            ? File.ReadAllText(Path.Combine(RepositoryRoot, "samples", sample.GetString()!))
            : c.TryGetProperty("text", out var t) ? t.GetString()! : string.Empty;
        if (c.TryGetProperty("simplify", out var simplify))
        {
            // The traditional sample is fed as the pipeline would: after conversion of its place names.
            foreach (var pair in simplify.EnumerateObject())
            {
                text = text.Replace(pair.Name, pair.Value.GetString(), StringComparison.Ordinal);
            }
        }

        RegionInfo? expected = null;
        if (c.GetProperty("expected") is { ValueKind: JsonValueKind.Object } e)
        {
            expected = new RegionInfo(e.GetProperty("code").GetString()!, Str(e, "province"), Str(e, "city"), Str(e, "county"));
        }

        string[]? warnings = c.TryGetProperty("warnings", out var w) ? [.. w.EnumerateArray().Select(x => x.GetString()!)] : null;
        return new RegionSpecCase(Str(c, "organization"), Str(c, "title"), text, expected, warnings);

        static string? Str(JsonElement e, string property) =>
            e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}

internal sealed record RegionSpecCase(string? Organization, string? Title, string Text, RegionInfo? Expected, string[]? Warnings);
