namespace ReportExtract.Tables;

/// <summary>
/// Rows written one cell per line, each cell closed by a bar, as some exporters flatten HTML tables: <c>规章 |</c>,
/// <c>0 |</c>, a lone <c>|</c>, and <c>0 | ||</c> for a cell followed by merged empty ones. A run of lone bars ends the
/// row (its last bar) after empty cells (the bars before it); while a row is still narrower than the row before it and
/// a cell follows, the lone bars are all empty cells.
/// </summary>
internal static class BarPerLine
{
    /// <summary>True when most lines of [from, to) hold at most one cell and end in a bar, and some are lone bars.</summary>
    public static bool Applies(string text, LineIndex lines, int from, int to)
    {
        if (to - from < 4)
        {
            return false;
        }

        int single = 0, bare = 0;
        for (var k = from; k < to; k++)
        {
            var line = Trimmed(text, lines[k]);
            if (line is "|")
            {
                bare++;
            }
            else if (line.EndsWith('|') && line[..line.IndexOf('|')].Trim().Length > 0 && line[line.IndexOf('|')..].Trim().Trim('|').Trim().IsEmpty)
            {
                single++;
            }
        }

        return bare > 0 && (single + bare) * 10 >= (to - from) * 9;
    }

    public static List<RawRow> Rows(string text, LineIndex lines, int from, int to)
    {
        var rows = new List<RawRow>();
        var current = new List<GridCell>();
        var rowStart = lines[from].Start;
        var width = 0;
        var k = from;
        while (k < to)
        {
            if (Trimmed(text, lines[k]) is not "|")
            {
                // The cell, then an empty cell for each further bar (merged cells).
                var cells = DelimitedTableReader.Split(text, lines[k], '|').Cells;
                current.Add(cells[0]);
                current.AddRange(cells.Skip(1).Take(Math.Max(0, cells.Length - 2)).Select(c => c with { Text = string.Empty }));
                k++;
                continue;
            }

            var run = k;
            while (run < to && Trimmed(text, lines[run]) is "|")
            {
                run++;
            }

            var bars = run - k;
            var empty = new GridCell(string.Empty, lines[k].Start, lines[k].Start);
            if (width > 0 && current.Count + bars < width && run < to)
            {
                current.AddRange(Enumerable.Repeat(empty, bars)); // empty cells inside a row
            }
            else
            {
                current.AddRange(Enumerable.Repeat(empty, bars - 1));
                if (current.Count > 0)
                {
                    rows.Add(new RawRow([.. current], rowStart, lines[run - 1].End));
                    width = current.Count;
                }

                current.Clear();
                rowStart = run < to ? lines[run].Start : lines[run - 1].End;
            }

            k = run;
        }

        if (current.Count > 0)
        {
            rows.Add(new RawRow([.. current], rowStart, lines[to - 1].End));
        }

        return rows;
    }

    private static ReadOnlySpan<char> Trimmed(string text, (int Start, int End) line) =>
        text.AsSpan(line.Start, line.End - line.Start).Trim(" \t\r\u3000");
}
