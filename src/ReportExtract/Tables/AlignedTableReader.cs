using System.Buffers;

namespace ReportExtract.Tables;

/// <summary>
/// Finds tables whose columns are aligned by runs of two or more spaces or by full-width spaces (U+3000), as .txt
/// exports write them. Two such lines in a row make a table when one of them holds a figure and no cell reads as prose
/// (a sentence mark, or a cell longer than a label); the rows go to the <see cref="GridAssembler"/>. Full-width spaces
/// reach this stage as single spaces, so a run of lines split by single spaces into the same count of short cells,
/// each line with a Han character, is a table too.
/// </summary>
internal sealed class AlignedTableReader(CellShapes shapes)
{
    /// <summary>Longest cell of an aligned table; longer text is a paragraph with a wide gap.</summary>
    private const int MaxCell = 40;

    /// <summary>Longest cell set off by single spaces.</summary>
    private const int MaxSpacedCell = 20;

    private static bool HasHan(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> Prose = SearchValues.Create("。，,；;！？!?|\t");

    public void Read(string text, LineIndex lines, GridAssembler assembler, List<TableGrid> grids)
    {
        var i = 0;
        while (i < lines.Count)
        {
            // A table needs two rows in a row; most lines (prose, headings, blank lines) can be none, so a line is
            // split only when it and the next one may be rows (a line that may be none is passed over, as a start too).
            if (!MayBeRow(text, lines.TextOf(i)))
            {
                i++;
                continue;
            }

            if (i + 1 == lines.Count || !MayBeRow(text, lines.TextOf(i + 1)))
            {
                i += 2;
                continue;
            }

            var rows = new List<RawRow>();
            var j = i;
            while (j < lines.Count && Split(text, lines[j]) is { } row)
            {
                rows.Add(row);
                j++;
            }

            if (rows.Count >= 2 && rows.Any(HasFigure))
            {
                assembler.Assemble(rows, TableLayout.Aligned, grids);
                i = j;
                continue;
            }

            // Full-width spaces are single spaces once normalized: cells set off by single spaces make a table only
            // when every line of the run has the same count of short cells and a Han character.
            rows.Clear();
            j = i;
            while (j < lines.Count && Split(text, lines[j], singleSpaces: true) is { } row && (rows.Count == 0 || row.Cells.Length == rows[0].Cells.Length))
            {
                rows.Add(row);
                j++;
            }

            if (rows.Count >= 2 && rows.Any(HasFigure))
            {
                assembler.Assemble(rows, TableLayout.Aligned, grids);
            }

            i = Math.Max(j, i + 1);
        }
    }

    /// <summary>
    /// False for a line <see cref="Split"/> reads as no row, either way, told by its text (<see cref="LineIndex.TextOf"/>):
    /// one with a mark of prose, or one with no blank (space, full-width space, carriage return) inside its text to set
    /// off a second cell. (A tab around the text is prose to <see cref="Split"/> too; passing that line on costs nothing.)
    /// </summary>
    internal static bool MayBeRow(string text, (int Start, int End) lineText)
    {
        var span = text.AsSpan(lineText.Start, lineText.End - lineText.Start);
        // Prose first: most lines are long sentences with a mark near their start and no blank in them at all.
        return !span.ContainsAny(Prose) && span.IndexOfAny(Gaps) >= 0;
    }

    private static readonly SearchValues<char> Gaps = SearchValues.Create(" \u3000\r");

    /// <summary>True when a cell of the row holds a figure.</summary>
    private bool HasFigure(RawRow row) => row.Cells.Any(c => CellShapes.IsFigure(shapes.Of(c.Text)));

    /// <summary>The cells of an aligned row, or null when the line is not one (fewer than two cells, or prose).</summary>
    internal static RawRow? Split(string text, (int Start, int End) line, bool singleSpaces = false)
    {
        var span = text.AsSpan(line.Start, line.End - line.Start);
        if (span.ContainsAny(Prose) || (singleSpaces && !HasHan(span)))
        {
            return null;
        }

        var cells = new List<GridCell>();
        var p = 0;
        var gapped = false;
        while (p < span.Length)
        {
            while (p < span.Length && span[p] is ' ' or '\u3000' or '\r')
            {
                p++;
            }

            if (p >= span.Length)
            {
                break;
            }

            // A cell runs to the next gap: two spaces, or one full-width space.
            var start = p;
            var max = singleSpaces ? MaxSpacedCell : MaxCell;
            while (p - start <= max && p < span.Length && !(span[p] == '\u3000' || (span[p] == ' ' && (singleSpaces || (p + 1 < span.Length && span[p + 1] is ' ' or '\u3000')))) && span[p] != '\r')
            {
                p++;
            }

            var cell = span[start..p].TrimEnd(' ');
            if (cell.Length > max)
            {
                return null;
            }

            gapped |= cells.Count > 0;
            cells.Add(new GridCell(cell.ToString(), line.Start + start, line.Start + start + cell.Length));
        }

        return cells.Count >= 2 && gapped ? new RawRow([.. cells], line.Start, line.End) : null;
    }
}
