using System.Collections.Immutable;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Forms;

/// <summary>
/// Ties form cells to metrics: the metric standing on a cell's number gets the cell id (and the form's row and column
/// where it has none); a cell no metric covers becomes a table metric of its own, so every form cell is a metric.
/// </summary>
internal sealed class FormMetricMerger(string text, ImmutableArray<Section> sections, ImmutableArray<Metric> metrics, int? reportYear, IndicatorCatalog indicators, UnitLexicon units)
{
    private readonly List<Metric> _metrics = [.. metrics];
    private readonly List<Metric> _added = [];
    private SentenceSplitter? _sentences;

    /// <summary>Ties one read cell (with a value) to its metric, or adds one.</summary>
    public void Tie(FormDefinition form, ReadCell cell)
    {
        var id = $"{form.Id}:{cell.Cell.Id}";
        var row = cell.Cell.Part.SingleRow ? null : cell.Cell.Row.Label;
        var column = cell.Cell.Column.Label;
        var value = cell.Value!.Value;
        var k = _metrics.FindIndex(m => m.Span.Start < cell.End && cell.Start < m.Span.End);
        if (k >= 0)
        {
            // The form knows the cell's unit and scale (a 万元 header, an amount column): its reading is the one kept.
            // A metric that came without row and column had its headers guessed from the text (merged header cells
            // shift them): the form's labels name it instead.
            var m = _metrics[k];
            var guessed = m.Row is null && m.Column is null;
            _metrics[k] = m with
            {
                Value = value,
                Unit = cell.Cell.Unit,
                Kind = cell.Cell.Unit == "元" ? MetricKind.Amount : m.Kind == MetricKind.Amount ? MetricKind.Count : m.Kind,
                Subject = guessed ? Subject(cell.Cell) : m.Subject,
                Table = true,
                Row = m.Row ?? row,
                Column = m.Column ?? column,
                Cell = id,
            };
            return;
        }

        var subject = Subject(cell.Cell);
        var kind = cell.Cell.Unit == "元" ? MetricKind.Amount : units.HasCaseCue(subject) ? MetricKind.Case : MetricKind.Count;
        _sentences ??= new SentenceSplitter(text);
        _added.Add(new Metric(
            kind,
            value,
            cell.Cell.Unit,
            null,
            null,
            subject,
            IsBreakdown(cell.Cell) ? null : indicators.Classify(kind, cell.Cell.Unit, null, subject, subject),
            reportYear,
            SectionTree.PathAt(sections, cell.Start),
            text[cell.Start..cell.End],
            new TextSpan(cell.Start, cell.End),
            _sentences.SentenceText(cell.Start, cell.End),
            Table: true,
            Row: row,
            Column: column,
            Cell: id));
    }

    /// <summary>A cell that splits a total of its row (自然人 beside 总计): the total, not its parts, is the indicator.</summary>
    private static bool IsBreakdown(FormCell cell) =>
        cell.Column.Key != "total" && cell.Part.Columns.Any(c => c.Key == "total");

    /// <summary>The metrics with cells tied, sorted by position.</summary>
    public ImmutableArray<Metric> Result() =>
        _added.Count == 0 ? [.. _metrics] : [.. _metrics.Concat(_added).OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)];

    /// <summary>A subject a person reads: the row's label and the column's (本年新收政府信息公开申请数量自然人), ordinals dropped.</summary>
    private static string Subject(FormCell cell)
    {
        var column = string.Concat(cell.Column.Label.Split(" / ").Select(Plain));
        return cell.Part.SingleRow ? column : Plain(cell.Row.Leaf) + column;
    }

    private static string Plain(string label) => LabelFolding.Core(label);
}
