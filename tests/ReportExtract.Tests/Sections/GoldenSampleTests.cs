using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportExtract.Metadata;
using ReportExtract.Model;
using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>
/// The section tree and metadata of each real sample (normalized copies under <c>Golden/sections/inputs/</c>)
/// compared with <c>Golden/sections/*.json</c>. Spans are shown with the text they start and end with.
/// </summary>
public sealed class GoldenSampleTests
{
    private static readonly SectionSplitter Splitter = new();
    private static readonly MetadataExtractor Metadata = new();

    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(TestFiles.PathOf("Golden", "sections", "inputs"), "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_matches_its_golden_record(string sample)
    {
        var text = File.ReadAllText(TestFiles.PathOf("Golden", "sections", "inputs", sample + ".txt"));
        var sections = Splitter.Split(text);
        var metadata = Metadata.Extract(text, sections);
        SectionInvariants.Check(text, sections);
        var actual = Render(text, sections, metadata);

        var goldenPath = TestFiles.PathOf("Golden", "sections", sample + ".json");
        GoldenFile.Check(goldenPath, actual, sample);
    }

    [Fact]
    public void Every_sample_has_a_golden_input() => Samples().Count.Should().Be(5);

    internal static string Render(string text, ImmutableArray<Section> sections, ReportMetadata metadata)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("title", metadata.Title);
            w.WriteString("organization", metadata.Organization);
            if (metadata.ReportYear is { } year)
            {
                w.WriteNumber("report_year", year);
            }
            else
            {
                w.WriteNull("report_year");
            }

            w.WriteString("document_date", metadata.DocumentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("published_date", metadata.PublishedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("document_number", metadata.DocumentNumber);
            w.WriteString("index_number", metadata.IndexNumber);
            w.WriteStartArray("warnings");
            foreach (var warning in metadata.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            WriteSections(w, text, sections);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteSections(Utf8JsonWriter w, string text, ImmutableArray<Section> sections)
    {
        w.WriteStartArray("sections");
        foreach (var s in sections)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteNumber("level", s.Level);
            w.WriteString("marker", s.Marker);
            w.WriteString("title", s.Title);
            w.WriteString("kind", SectionOutline.KindName(s.Kind));
            w.WriteStartArray("span");
            w.WriteNumberValue(s.Span.Start);
            w.WriteNumberValue(s.Span.End);
            w.WriteEndArray();
            w.WriteString("ends_with", text[Math.Max(s.Span.Start, s.Span.End - 16)..s.Span.End]);
            if (s.Sections.Length > 0)
            {
                WriteSections(w, text, s.Sections);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
