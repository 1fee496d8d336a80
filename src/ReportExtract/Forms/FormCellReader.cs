using System.Collections.Immutable;
using ReportExtract.Tables;

namespace ReportExtract.Forms;

/// <summary>One cell read from a report: its form cell, value (null for a blank cell) and span in the normalized text.</summary>
internal readonly record struct ReadCell(FormCell Cell, double? Value, int Start, int End);

/// <summary>What one form's reading of a text found: the cells, how many headings and version words it saw.</summary>
internal sealed record FormReading(FormDefinition Form, ImmutableArray<ReadCell> Cells, int Cues, int Signals, int RowsRead);

/// <summary>
/// Reads the cells of one standard form from a report's text, whatever the table layout. It anchors on what every
/// publisher keeps, the form's row labels (matched tolerantly, in catalog order, each only where numbers follow it),
/// and reads the numbers after each label in column order, as many as the form has columns. Headings and article
/// lines (第二十条第（五）项) bound where a table's or part's rows are looked for.
/// </summary>
internal sealed class FormCellReader(FormLexicon lexicon, TableWords tableWords)
{
    /// <summary>How far (in cell tokens) a one-row table's numbers may stand after its last header word.</summary>
    private const int SingleRowReach = 160;

    /// <summary>Reads <paramref name="form"/> from <paramref name="text"/> (its folded copy: <paramref name="folded"/>).</summary>
    public FormReading Read(string text, FoldedText folded, FormDefinition form)
    {
        var f = folded.Folded;
        var cells = ImmutableArray.CreateBuilder<ReadCell>();
        var cues = 0;
        var rowsRead = 0;
        var cursor = 0;
        for (var t = 0; t < form.Tables.Length; t++)
        {
            var table = form.Tables[t];
            var heading = LabelFolding.Core(table.Heading);
            var h = heading.Length > 0 ? f.IndexOf(heading, cursor, StringComparison.Ordinal) : -1;
            if (h >= 0)
            {
                cues++;
                cursor = h + heading.Length;
            }

            var end = f.Length;
            for (var u = t + 1; u < form.Tables.Length; u++)
            {
                var next = LabelFolding.Core(form.Tables[u].Heading);
                var n = next.Length > 0 ? f.IndexOf(next, cursor, StringComparison.Ordinal) : -1;
                if (n >= 0)
                {
                    end = n;
                    break;
                }
            }

            for (var p = 0; p < table.Parts.Length; p++)
            {
                var part = table.Parts[p];
                var partEnd = end;
                if (part.Article is { } article)
                {
                    var a = f.IndexOf(LabelFolding.Fold(article), cursor, StringComparison.Ordinal);
                    if (a >= 0 && a < end)
                    {
                        cues++;
                        cursor = a + LabelFolding.Fold(article).Length;
                    }

                    if (p + 1 < table.Parts.Length && table.Parts[p + 1].Article is { } nextArticle)
                    {
                        var b = f.IndexOf(LabelFolding.Fold(nextArticle), cursor, StringComparison.Ordinal);
                        partEnd = b >= 0 && b < end ? b : end;
                    }
                }

                var money = MoneyScale(text, folded, cursor, partEnd, part);
                if (part.SingleRow)
                {
                    if (ReadSingleRow(text, folded, cursor, end, part, money, cells) is { } rowEnd)
                    {
                        rowsRead++;
                        cursor = rowEnd;
                    }

                    continue;
                }

                foreach (var row in part.Rows)
                {
                    if (FindRow(text, folded, cursor, partEnd, part, row) is { } found)
                    {
                        rowsRead++;
                        cells.AddRange(Cells(part, row, found.Values, money));
                        cursor = folded.FoldedAt(found.End);
                    }
                }
            }
        }

        var signals = lexicon.Signals(form.Id).Count(w => f.Contains(w, StringComparison.Ordinal));
        return new FormReading(form, cells.ToImmutable(), cues, signals, rowsRead);
    }

    /// <summary>The earliest place from <paramref name="from"/> where a key of <paramref name="row"/> stands with the row's numbers after it.</summary>
    private (List<CellToken> Values, int End)? FindRow(string text, FoldedText folded, int from, int to, FormPart part, FormLabel row)
    {
        var f = folded.Folded;
        (List<CellToken> Values, int End)? best = null;
        var bestAt = int.MaxValue;
        foreach (var (key, whole) in Keys(part, row))
        {
            for (var k = f.IndexOf(key, from, StringComparison.Ordinal); k >= 0 && k < to && k < bestAt; k = f.IndexOf(key, k + 1, StringComparison.Ordinal))
            {
                // The label itself must end its cell (其他 is no label inside 其他处理); a short form may stand inside one.
                var position = folded.End(k + key.Length);
                if (whole && position < text.Length && !EndsLabel(text[position]))
                {
                    continue;
                }

                if (ReadValues(text, position, folded.Start(to, text.Length), part.Columns.Length, skipLabel: true) is { } values)
                {
                    best = values;
                    bestAt = k;
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>The label's core (whole: it must end its cell) and the data's short forms of it.</summary>
    private IEnumerable<(string Key, bool Whole)> Keys(FormPart part, FormLabel row) =>
        new[] { (LabelFolding.Core(row.Leaf), true) }.Concat(lexicon.Aliases(part.Table, row.Key).Select(a => (LabelFolding.Fold(a), false)))
            .Where(k => k.Item1.Length > 0).DistinctBy(k => k.Item1);

    private static bool EndsLabel(char c) => char.IsWhiteSpace(c) || c is '|' or '｜' or '\t' or '(' or '（' or '[' or '【';

    /// <summary>
    /// The cells after a row label at <paramref name="position"/>: the rest of the label's own token and a bracketed
    /// note are skipped, then up to <paramref name="count"/> numbers or blanks are read until text stands in the way.
    /// Null when no number or blank follows (the label was prose, a header, or a group label).
    /// </summary>
    private (List<CellToken> Values, int End)? ReadValues(string text, int position, int limit, int count, bool skipLabel)
    {
        var afterBar = false;
        var cells = new List<CellToken>();
        var end = position;
        var inNote = false;

        // The key may be a short form in the middle of the label cell: the cell's rest is label too.
        if (skipLabel)
        {
            var labelEnd = Math.Min(limit, position + CellTokens.MaxToken);
            while (position < labelEnd && !char.IsWhiteSpace(text[position]) && text[position] is not ('|' or '｜' or '\t'))
            {
                position++;
            }
        }

        while (cells.Count(c => c.Kind != CellTokenKind.Empty) < count && CellTokens.Next(text, ref position, limit, ref afterBar, tableWords) is { } token)
        {
            if (token.Kind == CellTokenKind.Text)
            {
                var s = text.AsSpan(token.Start, token.End - token.Start);
                if (cells.Count == 0 && (inNote || s[0] is '(' or '（'))
                {
                    inNote = !(s[^1] is ')' or '）');
                    continue;
                }

                break;
            }

            cells.Add(token);
            end = token.Kind == CellTokenKind.Empty ? end : token.End;
        }

        // Trailing bars are blank cells of the row where they close it on its own line (行政规范性文件 | 0 | 0 | |); a bar
        // on a later line opens the next row.
        var kept = cells.Count;
        while (kept > 0 && cells[kept - 1].Kind == CellTokenKind.Empty)
        {
            kept--;
        }

        var lineEnd = kept == 0 ? -1 : text.IndexOf('\n', cells[kept - 1].End);
        while (kept < cells.Count && kept < count && (lineEnd < 0 || cells[kept].Start < lineEnd))
        {
            kept++;
        }

        cells.RemoveRange(kept, cells.Count - kept);
        if (kept > 0 && kept < count && ClosingBar(text, cells[^1].End) is { } bar)
        {
            cells.Add(new CellToken(CellTokenKind.Empty, bar, bar));
        }
        while (cells.Count > 0 && cells[^1].Kind == CellTokenKind.Empty && cells.Count(c => c.Kind != CellTokenKind.Empty) >= count)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        if (cells.Count == 0)
        {
            return null;
        }

        // Bars with nothing between them are blank cells only where the row needs them to reach its column count;
        // elsewhere they are the traces of merged cells (||| after a one-column row).
        var filled = cells.Count(c => c.Kind != CellTokenKind.Empty);
        if (filled == 0)
        {
            return null;
        }

        if (filled >= count || cells.Count > count)
        {
            cells.RemoveAll(c => c.Kind == CellTokenKind.Empty);
        }

        return (cells, end);
    }

    /// <summary>
    /// The bar ending the line after <paramref name="end"/> when the line opens with no bar (行政规范性文件|0|0|): a row
    /// written cell|cell| closes on an empty cell; a Markdown row (| a | b |) only closes its frame. Null otherwise.
    /// </summary>
    private static int? ClosingBar(string text, int end)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        var lineEnd = text.IndexOf('\n', end);
        var rest = text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end).Trim();
        var opening = text.AsSpan(lineStart, end - lineStart).TrimStart();
        return rest is "|" && opening.Length > 0 && opening[0] != '|' ? text.IndexOf('|', end) : null;
    }

    /// <summary>
    /// A table of one data row (四、行政复议、行政诉讼): its numbers follow the last of its column headers, which PDF
    /// text may stack character by character; the first run of numbers after a header word is the row.
    /// </summary>
    private int? ReadSingleRow(string text, FoldedText folded, int from, int to, FormPart part, double money, ImmutableArray<ReadCell>.Builder cells)
    {
        var f = folded.Folded;
        var words = part.Columns.SelectMany(c => c.Label.Split(" / ")).Select(LabelFolding.Core).Where(w => w.Length >= 4).Distinct().ToList();
        var first = words.Select(w => f.IndexOf(w, from, StringComparison.Ordinal)).Where(k => k >= 0 && k < to).DefaultIfEmpty(-1).Min();
        if (first < 0)
        {
            return null;
        }

        var position = folded.Start(first, text.Length);
        var limit = folded.Start(to, text.Length);
        var afterBar = false;
        var minimum = Math.Min(3, part.Columns.Length);
        for (var seen = 0; seen < SingleRowReach && position < limit; seen++)
        {
            var start = position;
            if (CellTokens.Next(text, ref position, limit, ref afterBar, tableWords) is not { } token)
            {
                break;
            }

            if (token.Kind is CellTokenKind.Number or CellTokenKind.Blank
                && ReadValues(text, start, limit, part.Columns.Length, skipLabel: false) is { } run
                && run.Values.Count >= minimum)
            {
                cells.AddRange(Cells(part, part.Rows[0], run.Values, money));
                return folded.FoldedAt(run.End);
            }
        }

        return null;
    }

    private static IEnumerable<ReadCell> Cells(FormPart part, FormLabel row, List<CellToken> values, double money)
    {
        for (var k = 0; k < values.Count && k < part.Columns.Length; k++)
        {
            var column = part.Columns[k];
            var unit = part.Units[k];
            var cell = new FormCell($"{part.Table}.{row.Key}.{column.Key}", part, row, column, IsMoney(unit) ? "元" : unit);
            var token = values[k];
            if (token.Kind != CellTokenKind.Number)
            {
                yield return new ReadCell(cell, null, token.Start, token.End);
                continue;
            }

            // A unit in the cell (240万元) wins; else the header's or the catalog's 万元 scales a money column.
            var scale = token.Scale != 1 || token.Money ? token.Scale : IsMoney(unit) ? money : 1;
            yield return new ReadCell(cell, Math.Round(token.Value * scale, 6), token.Start, token.End);
        }
    }

    private static bool IsMoney(string unit) => unit is "元" or "万元";

    /// <summary>The scale of a part's money columns: 10,000 when its headers say 万元 (or, saying nothing, the catalog does).</summary>
    private static double MoneyScale(string text, FoldedText folded, int from, int to, FormPart part)
    {
        if (!part.Units.Any(IsMoney))
        {
            return 1;
        }

        // The headers stand between the article line and the first row label: a short window is enough.
        var window = LabelFolding.Fold(text[folded.Start(from, text.Length)..folded.Start(Math.Min(to, from + 120), text.Length)]);
        return window.Contains("万元", StringComparison.Ordinal) ? 1e4
            : window.Contains("(元)", StringComparison.Ordinal) || window.Contains("单位:元", StringComparison.Ordinal) ? 1
            : part.Units.Contains("万元") ? 1e4 : 1;
    }
}
