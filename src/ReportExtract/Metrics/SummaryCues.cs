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

    // Every cue word numbered in one table: the words before a figure are read once for all roles.
    private readonly NumberedWords _words;
    private readonly WordMask _whole;
    private readonly WordMask _notWhole;
    private readonly WordMask _part;
    private readonly WordMask _compare;
    private readonly WordMask _change;
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create("，,；;");
    private readonly WordMask _tableTotals;

    internal SummaryCues()
    {
        var rows = EmbeddedData.ReadRows("Metrics/summary-cues.tsv").ToList();
        _words = new NumberedWords(rows.Select(r => r[1]));
        WordMask Of(string role) => _words.MaskOf(rows.Where(r => r[0] == role).Select(r => r[1]));
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
        var words = _words;
        if (metric.Table == true)
        {
            Span<ulong> inColumn = stackalloc ulong[words.SetLength];
            Span<ulong> inRow = stackalloc ulong[words.SetLength];
            words.Find(metric.Column, inColumn);
            words.Find(metric.Row, inRow);
            if (_change.Meets(inColumn) || _change.Meets(inRow))
            {
                return Change;
            }

            if (metric.Row is null)
            {
                words.Find(metric.Subject, inRow);
            }

            return _tableTotals.Meets(inRow) || _tableTotals.Meets(inColumn) ? Whole : Plain;
        }

        var before = Before(metrics, index);
        // The comma clause of the figure decides; a 其中 earlier in the sentence still makes a part of what follows it.
        var clauseStart = before.LastIndexOfAny(ClauseBreaks) + 1;
        Span<ulong> inBefore = stackalloc ulong[words.SetLength];
        Span<ulong> inClause = stackalloc ulong[words.SetLength];
        words.Find(before, inBefore, clauseStart, inClause, int.MaxValue, default);
        if (_compare.Meets(inClause))
        {
            return Comparison;
        }

        if (_whole.Meets(inClause) && !_notWhole.Meets(inClause))
        {
            return Whole;
        }

        return _part.Meets(inBefore) ? Part : Plain;
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
