using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The summary's ranks, read with one search of the words before a figure for every cue, are the ranks a search per
/// cue list gives (the reference below, from summary-cues.tsv), on seeded random sentences, rows and columns made of
/// the cue words.
/// </summary>
public sealed class SummaryCuesTests
{
    private const int Reach = 40;

    private static readonly List<string[]> Rows = [.. EmbeddedData.ReadRows("Metrics/summary-cues.tsv")];

    private static bool Has(string? text, string role) => Rows.Any(r => r[0] == role && (text ?? string.Empty).Contains(r[1], StringComparison.Ordinal));

    private static int Reference(ImmutableArray<Metric> metrics, int index)
    {
        var metric = metrics[index];
        if (metric.Table == true)
        {
            if (Has(metric.Column, "change") || Has(metric.Row, "change"))
            {
                return SummaryCues.Change;
            }

            return Has(metric.Row ?? metric.Subject, "table-total") || Has(metric.Column, "table-total") ? SummaryCues.Whole : SummaryCues.Plain;
        }

        // The figure's text is the n-th occurrence in its sentence, n counting the earlier figures of the sentence with the same text.
        var occurrence = Enumerable.Range(0, index).Reverse().TakeWhile(k => ReferenceEquals(metrics[k].Sentence, metric.Sentence)).Count(k => metrics[k].Text == metric.Text);
        var at = -1;
        for (var n = 0; n <= occurrence; n++)
        {
            var next = metric.Sentence.IndexOf(metric.Text, at + 1, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            at = next;
        }

        var before = at < 0 ? string.Empty : metric.Sentence[Math.Max(0, at - Reach)..at];
        var clause = before[(before.LastIndexOfAny(['，', ',', '；', ';']) + 1)..];
        return Has(clause, "compare") ? SummaryCues.Comparison
            : Has(clause, "whole") && !Has(clause, "not-whole") ? SummaryCues.Whole
            : Has(before, "part") ? SummaryCues.Part
            : SummaryCues.Plain;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(2026)]
    public void Ranks_figures_as_a_search_per_cue_list_does(int seed)
    {
        var random = new Random(seed);
        string[] words = [.. Rows.Select(r => r[1]).Distinct(), "，", "；", "受理", "案件", "12件", "3件", "行政"];
        string Text(int maxWords) => WordText.Of(random, words, maxWords);

        var cues = new SummaryCues();
        var ranks = new int[5];
        for (var round = 0; round < 1500; round++)
        {
            var sentence = Text(16);
            var builder = ImmutableArray.CreateBuilder<Metric>();
            for (var m = random.Next(1, 5); m > 0; m--)
            {
                var table = random.Next(3) == 0;
                string? row = table && random.Next(3) > 0 ? Text(3) : null;
                builder.Add(new Metric(MetricKind.Case, 1, "件", null, null, Text(3), "x", 2021, null, random.Next(2) == 0 ? "12件" : "3件",
                    new TextSpan(0, 1), sentence, table ? true : null, row, table ? Text(3) : null));
            }

            var metrics = builder.ToImmutable();
            for (var i = 0; i < metrics.Length; i++)
            {
                var expected = Reference(metrics, i);
                cues.Rank(metrics, i).Should().Be(expected, "figure {0} of {1}", i, sentence);
                ranks[expected == SummaryCues.Change ? 4 : expected]++;
            }
        }

        ranks.Should().OnlyContain(n => n > 20, "every rank occurs");
    }
}
