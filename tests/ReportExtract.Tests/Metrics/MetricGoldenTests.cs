using System.Globalization;
using System.Text;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The metrics of the five samples against reviewed golden files (Golden/metrics/*.metrics.tsv). Set
/// REPORTX_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class MetricGoldenTests
{
    private static readonly MetricRecognizer Recognizer = new();

    public static TheoryData<string, int> Samples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, year) in MetricTestFiles.Samples)
        {
            data.Add(name, year);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_metrics_match_the_golden_file(string name, int year)
    {
        var text = MetricTestFiles.SampleText(name);
        var sections = MetricTestFiles.TopLevelSections(text);
        var recognition = Recognizer.Recognize(text, sections, year);
        var actual = Render(recognition, Recognizer.Catalog.Summarize(recognition.Metrics, sections, year));

        var path = Path.Combine(MetricTestFiles.GoldenDirectory, name + ".metrics.tsv");
        GoldenFile.Check(path, actual, name);
    }

    /// <summary>One line per metric, then one per indicator: readable in review and in diffs.</summary>
    internal static string Render(MetricRecognition recognition, IndicatorValues indicators)
    {
        var builder = new StringBuilder();
        builder.Append("# start end | text | value unit | kind | approx | delta | year | section | subject | indicator\n");
        foreach (var m in recognition.Metrics)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"{m.Span.Start} {m.Span.End} | {m.Text} | {m.Value.ToString("R", CultureInfo.InvariantCulture)} {m.Unit} | {m.Kind} | {m.Approx} | {m.Delta} | {m.Year} | {m.Section} | {m.Subject} | {m.Indicator}{(m.Table == true ? " | table" : string.Empty)}\n");
        }

        foreach (var w in recognition.Warnings)
        {
            builder.Append("# warning: ").Append(w).Append('\n');
        }

        builder.Append("# indicators\n");
        foreach (var (id, value) in indicators)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{id} = {value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return builder.ToString();
    }
}
