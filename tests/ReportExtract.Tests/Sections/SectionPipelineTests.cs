using System.Text;
using ReportExtract.Model;

namespace ReportExtract.Tests.Sections;

/// <summary>
/// The section and metadata stages inside the whole pipeline on the raw samples: spans come back as code
/// points of the original text and still start at their heading's marker there.
/// </summary>
public sealed class SectionPipelineTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(TestFiles.PathOf("..", "..", "samples"), "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Section_spans_point_at_their_markers_in_the_original(string sample)
    {
        var bytes = File.ReadAllBytes(TestFiles.PathOf("..", "..", "samples", sample));
        var result = Pipeline.Extract(sample, bytes);

        result.Error.Should().BeNull();
        var record = result.Record!;
        var original = Encoding.UTF8.GetString(bytes).EnumerateRunes().ToArray();
        record.Sections.Should().NotBeEmpty();
        foreach (var section in SectionOutline.Flatten(record.Sections))
        {
            section.Span.End.Should().BeLessThanOrEqualTo(original.Length);
            var surface = string.Concat(original[section.Span.Start..section.Span.End].Select(r => r.ToString()));
            surface.Should().StartWith(section.Marker, $"section {section.Path} of {sample}");
        }

        record.ReportYear.Should().NotBeNull();
        ReportJson.Serialize(record).Should().Contain("\"sections\"");
    }
}
