using System.Collections.Immutable;

namespace ReportExtract.Metrics;

/// <summary>One numeric cell of a flattened table, before it becomes a metric.</summary>
/// <param name="Start">Offset of the cell's number.</param>
/// <param name="End">End of the cell's number and unit as written in the cell.</param>
/// <param name="Value">The value, scaled by the unit (万元 → 元).</param>
/// <param name="Unit">The unit entry from the cell or, failing that, from the column header.</param>
/// <param name="Subject">Row header and column header (without its unit) joined.</param>
/// <param name="Year">A year named by the row or column header, if any.</param>
internal readonly record struct TableCell(int Start, int End, double Value, UnitEntry? Unit, string? Subject, int? Year);

/// <summary>What <see cref="TableReader"/> found: cells, the ranges the prose recognizer must skip, and warnings.</summary>
internal sealed record TableReading(ImmutableArray<TableCell> Cells, RangeSet Blocks, ImmutableArray<string> Warnings);

/// <summary>
/// Reads tables flattened to rows with | between cells (Markdown tables, and HTML tables as the normalizer writes them:
/// one row per line, cells after the first set off by |), two or more such lines in a row: the first row is the
/// header; a header's trailing (宗) or （万元） gives its column's unit; the first cell of a row is its header. Cells
/// holding several numbers with no separator between them are run together: they are left alone with a warning.
/// </summary>
internal static class TableReader
{
    /// <summary>Bars a line needs to be a row: the normalizer writes a row as "cell|cell", one bar between two cells.</summary>
    private const int MinBars = 1;

    public static TableReading Read(string text, UnitLexicon units, IReadOnlySet<string> generic)
    {
        var cells = ImmutableArray.CreateBuilder<TableCell>();
        var blocks = ImmutableArray.CreateBuilder<(int, int)>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var position = 0;
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        while (bar >= 0)
        {
            // Gather the run of lines that each hold a bar; a table has a header and at least one row.
            var lineStart = bar == 0 ? 0 : text.LastIndexOf('\n', bar - 1) + 1;
            if (lineStart < position)
            {
                lineStart = position;
            }

            var rows = new List<(int Start, int End)>();
            var cursor = lineStart;
            while (cursor < text.Length)
            {
                var lineEnd = text.IndexOf('\n', cursor);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                if (text.AsSpan(cursor, lineEnd - cursor).Count('|') < MinBars)
                {
                    break;
                }

                rows.Add((cursor, lineEnd));
                cursor = lineEnd + 1;
            }

            if (rows.Count >= 2)
            {
                blocks.Add((rows[0].Start, rows[^1].End));
                ReadBlock(text, rows, units, generic, cells, warnings);
            }

            position = Math.Max(cursor, bar + 1);
            if (position >= text.Length)
            {
                break;
            }

            var next = text.AsSpan(position).IndexOf('|');
            bar = next < 0 ? -1 : position + next;
        }

        return new TableReading(cells.ToImmutable(), new RangeSet(blocks.ToImmutable()), warnings.ToImmutable());
    }

    private static void ReadBlock(string text, List<(int Start, int End)> rows, UnitLexicon units, IReadOnlySet<string> generic, ImmutableArray<TableCell>.Builder cells, ImmutableArray<string>.Builder warnings)
    {
        var header = SplitCells(text, rows[0].Start, rows[0].End);
        var columns = header.Select(c => HeaderColumn(text, c.Start, c.End, units)).ToList();
        foreach (var (rowStart, rowEnd) in rows.Skip(1))
        {
            var row = SplitCells(text, rowStart, rowEnd);
            if (row.All(c => text.AsSpan(c.Start, c.End - c.Start).Trim("-:= ").IsEmpty))
            {
                continue; // |---|---| separator
            }

            // A row header may carry the unit (行政复议案件(件)) or the year (2021年) of its cells.
            var rowColumn = row.Count > 0 ? HeaderColumn(text, row[0].Start, row[0].End, units) : new Column(null, null, 1, null);
            var rowHeader = rowColumn.Name;
            var rowYear = rowColumn.Year;
            for (var k = 1; k < row.Count; k++)
            {
                var (cellStart, cellEnd) = row[k];
                if (cellEnd == cellStart || !ChineseNumberParser.IsArabicDigit(text[cellStart]) && ChineseNumberParser.DigitValue(text[cellStart]) < 0)
                {
                    continue;
                }

                if (!ChineseNumberParser.TryParse(text, cellStart, out var number) || number.BareMultiplier)
                {
                    continue;
                }

                var end = number.End;
                var unit = units.Match(text, end, number.Arabic);
                if (unit is not null)
                {
                    end += unit.Surface.Length;
                }

                if (end < cellEnd)
                {
                    // More after the number: two numbers with only spaces between are cells run together.
                    var rest = text.AsSpan(end, cellEnd - end).TrimStart(' ');
                    if (!rest.IsEmpty && (ChineseNumberParser.IsArabicDigit(rest[0]) || rest[0] == '.'))
                    {
                        warnings.Add($"table cell at offset {cellStart} holds numbers run together ('{text[cellStart..cellEnd]}'); left unread");
                    }

                    continue;
                }

                var column = k < columns.Count ? columns[k] : new Column(null, null, 1, null);
                if (column.Unit is null && rowColumn.Unit is not null)
                {
                    column = column with { Unit = rowColumn.Unit, Scale = rowColumn.Scale };
                }
                // A unit in the cell wins; else the header's, with its 万/亿.
                var value = unit is not null ? number.Value * unit.Scale : number.Value * column.Scale * (column.Unit?.Scale ?? 1);

                var columnName = column.Year is not null || (column.Name is not null && generic.Contains(column.Name)) ? null : column.Name;
                var subject = Join(rowYear is null ? rowHeader : null, columnName);
                cells.Add(new TableCell(cellStart, end, value, unit ?? column.Unit, subject, rowYear ?? column.Year));
            }
        }
    }

    private static string? Join(string? row, string? column) =>
        string.IsNullOrEmpty(row) ? column : string.IsNullOrEmpty(column) ? row : row + column;

    private static List<(int Start, int End)> SplitCells(string text, int start, int end)
    {
        var cells = new List<(int, int)>();
        var line = text.AsSpan(start, end - start);
        var offset = 0;
        var trimmedLead = line.TrimStart(' ');
        if (!trimmedLead.IsEmpty && trimmedLead[0] == '|')
        {
            offset = line.Length - trimmedLead.Length + 1; // a leading bar opens the row
        }

        while (offset <= line.Length)
        {
            var next = line[offset..].IndexOf('|');
            var cellEnd = next < 0 ? line.Length : offset + next;
            var cell = line[offset..cellEnd];
            var lead = cell.Length - cell.TrimStart(" \t").Length;
            var trail = cell.Length - cell.TrimEnd(" \t\r").Length;
            if (next >= 0 || cell.Trim(" \t\r").Length > 0)
            {
                cells.Add((start + offset + lead, start + cellEnd - (cell.Length == lead ? 0 : trail)));
            }

            if (next < 0)
            {
                break;
            }

            offset = cellEnd + 1;
        }

        return cells;
    }

    private readonly record struct Column(string? Name, UnitEntry? Unit, double Scale, int? Year);

    /// <summary>A header like 罚没金额(万元): name 罚没金额, unit 元, scale 10,000.</summary>
    private static Column HeaderColumn(string text, int start, int end, UnitLexicon units)
    {
        var cell = text[start..end];
        var open = cell.LastIndexOfAny(['(', '（']);
        if (open > 0 && cell[^1] is ')' or '）')
        {
            var label = cell[(open + 1)..^1];
            var scale = 1.0;
            var s = 0;
            while (s < label.Length && ChineseNumberParser.MultiplierValue(label[s]) is var m && m >= 1e4)
            {
                scale *= m;
                s++;
            }

            var unit = units.Match(label, s, arabic: true);
            if (unit is not null && s + unit.Surface.Length == label.Length)
            {
                var name = cell[..open].Trim();
                return new Column(name, unit, scale, TryYear(name, out var headerYear) ? headerYear : null);
            }
        }

        return new Column(cell.Length == 0 ? null : cell, null, 1, TryYear(cell, out var year) ? year : null);
    }

    private static bool TryYear(string cell, out int year)
    {
        year = 0;
        var s = cell.AsSpan().Trim();
        if (s.EndsWith("年度"))
        {
            s = s[..^2];
        }
        else if (s.EndsWith('年'))
        {
            s = s[..^1];
        }

        return s.Length == 4 && int.TryParse(s, out year) && year is >= 1949 and <= 2100;
    }
}
