using System.Buffers;
using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>
/// How well a figure answers an indicator for the record's summary, from the words before it in its sentence
/// (Resources/Metrics/summary-cues.tsv): 0 a whole (共受理, 合计, a table's 合计/总计 cell), 1 a plain figure, 2 a part
/// (其中), 3 a comparison (较上年的). Lower answers first.
/// </summary>
internal sealed class SummaryCues
{
    public const int Whole = 0;
    public const int Plain = 1;
    public const int Part = 2;
    public const int Comparison = 3;

    /// <summary>A table cell that states a change (本年增/减): like a prose change, it never answers an indicator.</summary>
    public const int Change = int.MaxValue;

    /// <summary>How much of the sentence before a figure speaks for it; far clauses speak of other figures.</summary>
    private const int Reach = 40;

    private readonly WordSearchValues _whole;
    private readonly WordSearchValues _notWhole;
    private readonly WordSearchValues _part;
    private readonly WordSearchValues _compare;
    private readonly WordSearchValues _change;
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create("，,；;");
    private readonly WordSearchValues _tableTotals;

    internal SummaryCues()
    {
        var rows = EmbeddedData.ReadRows("Metrics/summary-cues.tsv").ToList();
        WordSearchValues Of(string role) => new(rows.Where(r => r[0] == role).Select(r => r[1]));
        _whole = Of("whole");
        _notWhole = Of("not-whole");
        _part = Of("part");
        _compare = Of("compare");
        _change = Of("change");
        _tableTotals = Of("table-total");
    }

    /// <summary>The rank of <paramref name="metrics"/>[<paramref name="index"/>] (see the type's summary).</summary>
    public int Rank(ImmutableArray<Metric> metrics, int index)
    {
        var metric = metrics[index];
        if (metric.Table == true)
        {
            if (metric.Column.AsSpan().ContainsAny(_change) || metric.Row.AsSpan().ContainsAny(_change))
            {
                return Change;
            }

            return (metric.Row ?? metric.Subject).AsSpan().ContainsAny(_tableTotals) || metric.Column.AsSpan().ContainsAny(_tableTotals) ? Whole : Plain;
        }

        var before = Before(metrics, index);
        // The comma clause of the figure decides; a 其中 earlier in the sentence still makes a part of what follows it.
        var clauseStart = before.LastIndexOfAny(ClauseBreaks) + 1;
        var clause = before[clauseStart..];
        if (clause.ContainsAny(_compare))
        {
            return Comparison;
        }

        if (clause.ContainsAny(_whole) && !clause.ContainsAny(_notWhole))
        {
            return Whole;
        }

        return before.ContainsAny(_part) ? Part : Plain;
    }

    /// <summary>
    /// The words before the figure in its sentence, up to <see cref="Reach"/> characters. The metric knows its sentence
    /// text but not its place in it: figures of one sentence share the string, so the figure is its n-th occurrence
    /// where n counts the earlier figures of the sentence with the same text.
    /// </summary>
    private static ReadOnlySpan<char> Before(ImmutableArray<Metric> metrics, int index)
    {
        var metric = metrics[index];
        var sentence = metric.Sentence;
        var occurrence = 0;
        for (var k = index - 1; k >= 0 && ReferenceEquals(metrics[k].Sentence, sentence); k--)
        {
            if (metrics[k].Text == metric.Text)
            {
                occurrence++;
            }
        }

        var at = -1;
        for (var n = 0; n <= occurrence; n++)
        {
            var next = sentence.IndexOf(metric.Text, at + 1, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            at = next;
        }

        if (at < 0)
        {
            return [];
        }

        var from = Math.Max(0, at - Reach);
        return sentence.AsSpan(from, at - from);
    }
}
