using System.Buffers;
using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>
/// Whether a prose figure may answer a catalog indicator at all, from the words around it (Resources/Metrics/indicator-cues.tsv):
/// a residual category (其他…) does not, nor do the parts of a breakdown by shares (以市政府为被申请人的60件,占1%;…421件,
/// 占6.8%), unless a part names a stage of the cases (其中,依法受理4955件,占79.9%). Also reads the lead-in of a table.
/// </summary>
internal sealed class IndicatorCues
{
    /// <summary>How far before a table its lead-in (caption, the sentence before) is read.</summary>
    private const int LeadInReach = 160;

    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create("。！？!?\n，,；;：:");

    private readonly string[] _residual;
    private readonly string[] _share;
    private readonly SearchValues<string> _stage;
    private readonly SearchValues<string> _notStage;

    /// <summary>The cues of the embedded data file.</summary>
    public IndicatorCues()
    {
        var rows = EmbeddedData.ReadRows("Metrics/indicator-cues.tsv").ToList();
        string[] Of(string role) => [.. rows.Where(r => r[0] == role).Select(r => r[1])];
        _residual = Of("residual");
        _share = Of("share");
        _stage = SearchValues.Create(Of("stage"), StringComparison.Ordinal);
        _notStage = SearchValues.Create(Of("not-stage"), StringComparison.Ordinal);
    }

    /// <summary>True when the figure's own clause (up to the figure) opens with a residual word (其他).</summary>
    public bool IsResidual(ReadOnlySpan<char> clause)
    {
        clause = clause.TrimStart(' ');
        foreach (var word in _residual)
        {
            if (clause.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Drops the indicator of every prose figure that is a part of a breakdown by shares: two or more figures of one
    /// unit in a sentence, each followed by a clause opening with a share word, less the parts naming a stage.
    /// </summary>
    public void DropBreakdownParts(string text, ImmutableArray<Metric>.Builder metrics)
    {
        var shared = new List<int>();
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            if (metric.Table != true && metric.Indicator is not null && metric.Kind != MetricKind.Rate && IsFollowedByShare(text, metric.Span.End))
            {
                shared.Add(i);
            }
        }

        // Figures arrive in text order: the shared figures of one sentence stand together, and are counted per unit.
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var run = 0; run < shared.Count;)
        {
            var sentence = metrics[shared[run]].Sentence;
            var end = run;
            units.Clear();
            while (end < shared.Count && ReferenceEquals(metrics[shared[end]].Sentence, sentence))
            {
                units[metrics[shared[end]].Unit] = units.GetValueOrDefault(metrics[shared[end]].Unit) + 1;
                end++;
            }

            for (var k = run; k < end; k++)
            {
                var metric = metrics[shared[k]];
                if (units[metric.Unit] > 1 && !NamesStage(OwnClause(text, metric.Span.Start)))
                {
                    metrics[shared[k]] = metric with { Indicator = null };
                }
            }

            run = end;
        }
    }

    /// <summary>
    /// The lead-in of a table starting at <paramref name="tableStart"/>: its last two non-empty lines before it, not before
    /// <paramref name="floor"/> (the end of the table before it).
    /// </summary>
    public static ReadOnlySpan<char> LeadIn(string text, int tableStart, int floor)
    {
        floor = Math.Min(tableStart, Math.Max(floor, tableStart - LeadInReach));
        var before = text.AsSpan(floor, tableStart - floor).TrimEnd();
        var lines = 0;
        for (var k = before.Length - 1; k >= 0; k--)
        {
            if (before[k] == '\n' && k + 1 < before.Length && before[k + 1] != '\n' && ++lines == 2)
            {
                return before[(k + 1)..];
            }
        }

        return before;
    }

    private bool IsFollowedByShare(string text, int end)
    {
        var k = end;
        while (k < text.Length && text[k] is ' ' or '）' or ')')
        {
            k++;
        }

        if (k >= text.Length || text[k] is not ('，' or ',' or '；' or ';'))
        {
            return false;
        }

        var next = text.AsSpan(k + 1).TrimStart(' ');
        foreach (var word in _share)
        {
            if (next.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool NamesStage(ReadOnlySpan<char> clause)
    {
        var at = clause.IndexOfAny(_stage);
        return at >= 0 && !clause.ContainsAny(_notStage);
    }

    private static ReadOnlySpan<char> OwnClause(string text, int position)
    {
        var floor = Math.Max(0, position - LeadInReach);
        var k = text.AsSpan(floor, position - floor).LastIndexOfAny(ClauseBreaks);
        return text.AsSpan(k < 0 ? floor : floor + k + 1, position - (k < 0 ? floor : floor + k + 1));
    }
}
