using System.Text.Json;
using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>
/// Runs the section spec files (<c>Specs/sections/*.json</c>): each case is normalized input text and the
/// tree expected from it as outline lines, optionally with the exact text some sections' spans cover.
/// </summary>
public sealed class SectionSpecTests
{
    private static readonly SectionSplitter Splitter = new();

    public static TheoryData<string, string> Cases()
    {
        return Repository.SpecCaseNames(TestFiles.PathOf("Specs", "sections"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec(string file, string name)
    {
        var spec = SpecCase.Load(TestFiles.PathOf("Specs", "sections", file), name);
        var sections = Splitter.Split(spec.Text);

        SectionOutline.Of(sections).Should().Equal(spec.Outline, $"spec '{name}' in {file}");
        SectionInvariants.Check(spec.Text, sections);
        foreach (var (path, expected) in spec.Spans)
        {
            var section = SectionOutline.Flatten(sections).Single(s => s.Path == path);
            spec.Text[section.Span.Start..section.Span.End].Should().Be(expected, $"span of section {path} in spec '{name}'");
        }
    }

    [Fact]
    public void Spec_files_hold_at_least_twenty_cases() => Cases().Count.Should().BeGreaterThanOrEqualTo(20);

    private sealed record SpecCase(string Text, List<string> Outline, Dictionary<string, string> Spans)
    {
        public static SpecCase Load(string file, string name)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var c = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
            var spans = new Dictionary<string, string>();
            if (c.TryGetProperty("spans", out var s))
            {
                foreach (var p in s.EnumerateObject())
                {
                    spans[p.Name] = SpecText.Read(p.Value);
                }
            }

            return new SpecCase(SpecText.Read(c.GetProperty("text")), [.. c.GetProperty("outline").EnumerateArray().Select(e => e.GetString()!)], spans);
        }
    }
}

/// <summary>Spec text is a string or an array of lines joined with LF (easier to read and write).</summary>
internal static class SpecText
{
    public static string Read(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? string.Join('\n', value.EnumerateArray().Select(e => e.GetString()))
        : value.GetString()!;
}
