namespace ReportExtract.Tables;

/// <summary>
/// Finds rows whose cells are set off by <c>|</c> (Markdown rows with or without outer bars, HTML rows as the
/// normalizer writes them: <c>cell|cell</c>, an empty first cell as a leading bar, merged cells as <c>||</c> runs) or
/// by tabs, and hands each run of such lines to the <see cref="GridAssembler"/>. A run written one cell per line,
/// each cell closed by a bar (<c>规章 |</c>, <c>0 |</c>, a lone <c>|</c> closing the row), is read by
/// <see cref="BarPerLine"/> first. One line alone is a table only in the
/// <c>label|value</c> shape, since prose sometimes holds a bar.
/// </summary>
internal sealed class DelimitedTableReader(CellShapes shapes)
{
    private const string Blank = " \t\r\u3000";

    public void Read(string text, LineIndex lines, GridAssembler assembler, List<TableGrid> grids)
    {
        // Most texts hold neither separator: one vectorized look over the text spares asking every line.
        if (!text.AsSpan().ContainsAny('|', '\t'))
        {
            return;
        }

        var i = 0;
        while (i < lines.Count)
        {
            var separator = SeparatorOf(text, lines[i]);
            if (separator == '\0')
            {
                i++;
                continue;
            }

            var j = i;
            while (j < lines.Count && SeparatorOf(text, lines[j]) == separator)
            {
                j++;
            }

            // Markdown rows open and close with a bar; the normalizer's rows do so only when their first and last
            // cells are empty. The block decides: most rows framed by bars are Markdown.
            var framed = 0;
            for (var k = i; k < j; k++)
            {
                framed += IsFramed(text, lines[k]) ? 1 : 0;
            }

            var rows = new List<RawRow>();
            for (var k = i; k < j; k++)
            {
                rows.Add(Split(text, lines[k], separator, markdown: framed * 2 > j - i));
            }

            if (separator == '|' && BarPerLine.Applies(text, lines, i, j))
            {
                rows = BarPerLine.Rows(text, lines, i, j);
            }

            if (rows.Count >= 2 || IsLabelValue(rows[0]))
            {
                assembler.Assemble(rows, TableLayout.Delimited, grids);
            }

            i = j;
        }
    }

    /// <summary>'|' or '\t' when the line is a row of that kind (a tab row needs two cells with text), else '\0'.</summary>
    private static char SeparatorOf(string text, (int Start, int End) line)
    {
        var span = text.AsSpan(line.Start, line.End - line.Start);
        if (span.Contains('|'))
        {
            return '|';
        }

        var tab = span.Trim(Blank).IndexOf('\t');
        return tab > 0 ? '\t' : '\0';
    }

    private bool IsLabelValue(RawRow row) =>
        row.Cells.Length == 2 && shapes.Of(row.Cells[0].Text) == CellShape.Text && shapes.Of(row.Cells[1].Text) == CellShape.Number;

    /// <summary>
    /// The cells of a row, trimmed, empty ones kept: the normalizer writes an HTML row as cell|cell, so |x|y has an
    /// empty first cell and x|y| an empty last one; a Markdown row (| x | y |) opens and closes with a bar.
    /// </summary>
    private static bool IsFramed(string text, (int Start, int End) line)
    {
        var span = text.AsSpan(line.Start, line.End - line.Start).Trim(Blank);
        return span.Length >= 2 && span[0] == '|' && span[^1] == '|';
    }

    internal static RawRow Split(string text, (int Start, int End) line, char separator, bool markdown = false)
    {
        var cells = new List<GridCell>();
        var span = text.AsSpan(line.Start, line.End - line.Start);
        var blank = separator == '\t' ? " \r\u3000" : Blank;
        var a = span.Length - span.TrimStart(Blank).Length;
        var b = span.TrimEnd(Blank).Length;
        if (markdown && separator == '|' && b - a >= 2 && span[a] == '|' && span[b - 1] == '|')
        {
            a++;
            b--;
        }

        while (a <= b)
        {
            var next = span[a..b].IndexOf(separator);
            var cellEnd = next < 0 ? b : a + next;
            var cell = span[a..cellEnd];
            var lead = cell.Length - cell.TrimStart(blank).Length;
            var trimmed = cell.Trim(blank);
            var start = line.Start + a + lead;
            cells.Add(new GridCell(trimmed.ToString(), start, start + trimmed.Length));
            a = cellEnd + 1;
        }

        return new RawRow([.. cells], line.Start, line.End);
    }
}
