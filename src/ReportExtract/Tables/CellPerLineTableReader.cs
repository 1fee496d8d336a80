using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>
/// Finds tables written one cell per line, blank lines between cells or not (as CMS exports write HTML tables): a header
/// of K short text lines, then rows of K lines that repeat one pattern of label and number lines (序号 first or not).
/// K is not guessed: it is the period of that pattern over at least two rows, or, for a single row of figures, the
/// count of header lines right before it when they are known header words (Resources/Tables/header-words.txt) and no
/// further number follows. A short line just above the header that ends in a bracketed unit (<c>行政许可实施数量(宗)</c>)
/// heads every column. The table ends at the first line that breaks the pattern; a row there that starts like one but
/// does not fit is named in a warning.
/// </summary>
internal sealed class CellPerLineTableReader
{
    /// <summary>Longest line that may be a table's caption (its title ending in a unit).</summary>
    private const int MaxCaption = 40;

    /// <summary>Widest table looked for.</summary>
    private const int MaxColumns = 16;

    private readonly UnitLexicon _units;
    private readonly string[] _headerWords;
    private readonly CellLineSequence _lines;
    private readonly CellShapes _shapes;

    public CellPerLineTableReader(UnitLexicon units, CellShapes shapes)
    {
        _units = units;
        _shapes = shapes;
        _headerWords = [.. EmbeddedData.ReadLines("Tables/header-words.txt")];
        _lines = new CellLineSequence(units, _headerWords, shapes);
    }

    public void Read(string text, LineIndex lines, List<TableGrid> grids, List<string> warnings)
    {
        var seq = _lines.Read(text, lines);

        var i = 0;
        while (i < seq.Count)
        {
            if (seq[i].Shape != CellLineShape.Number || i == 0 || seq[i - 1].Shape != CellLineShape.Text || Best(text, seq, i) is not { } found)
            {
                i++;
                continue;
            }

            grids.Add(Build(text, seq, found));
            var after = found.RowStart + found.Rows * found.Width;
            if (after < seq.Count && (seq[after].Shape == CellLineShape.Number || (seq[after].Shape == CellLineShape.Text && after + 1 < seq.Count && seq[after + 1].Shape == CellLineShape.Number)))
            {
                warnings.Add($"table at offset {seq[found.HeaderStart].Start}: row at offset {seq[after].Start} ('{text[seq[after].Start..seq[after].End]}') does not line up with its header of {found.Width} cells; read up to it");
            }

            i = after;
        }
    }

    /// <summary>Where a table was found: its header lines, its first row, its width and row count.</summary>
    private readonly record struct Found(int HeaderStart, int HeaderCount, int RowStart, int Width, int Rows, bool Caption);

    /// <summary>The table whose first number line is <paramref name="d"/> that covers the most cells, or null.</summary>
    private Found? Best(string text, List<CellLine> seq, int d)
    {
        // A header as wide as the rows (corner included) first; one naming only the figure columns when none is.
        return Best(text, seq, d, corner: true) ?? Best(text, seq, d, corner: false);
    }

    private Found? Best(string text, List<CellLine> seq, int d, bool corner)
    {
        Found? best = null;
        for (var width = 1; width <= MaxColumns; width++)
        {
            for (var s = d; s > d - width && s >= 0; s--)
            {
                // A row's label is no header word (申请数量 before the figures heads their column, it labels no row).
                if (s < d && (seq[s].Shape != CellLineShape.Text || KnownHeader(text, seq, s, s + 1)))
                {
                    break;
                }

                var rows = CountRows(seq, s, width);
                if (rows == 0)
                {
                    continue;
                }

                var labels = d - s;
                // The header names every column (corner included), or only the columns right of the labels.
                var headerCount = corner ? width : width - labels;
                var h = s - headerCount;
                if (headerCount < 1 || h < 0 || !AllText(seq, h, s) || (!corner && labels == 0))
                {
                    continue;
                }

                var single = rows == 1;
                // One row is a table when its header words are known, or when a label leads two or more figures.
                if (single && (width < 2 || (s + width < seq.Count && seq[s + width].Shape == CellLineShape.Number)
                    || !(KnownHeader(text, seq, h, s) || (labels > 0 && width - labels >= 2))))
                {
                    continue;
                }

                if ((!single && width == 1) || (single && labels > 1))
                {
                    continue; // a column of numbers under one word is a list, not a table
                }

                // A caption may be a figure's title (图1 2014年复议案件审结情况(件)), not only a short cell.
                var caption = h > 0 && seq[h - 1].Shape != CellLineShape.Number && seq[h - 1].End - seq[h - 1].Start <= MaxCaption && EndsInUnit(text, seq[h - 1]);
                var candidate = new Found(h, headerCount, s, width, rows, caption);
                var cells = rows * width;
                var bestCells = best is { } b ? b.Rows * b.Width : 0;
                // As many cells either way (three rows of three, or one row of nine): the reading whose header takes
                // every text line above the figures is right; the other leaves header lines over nothing.
                if (best is null || cells > bestCells || (cells == bestCells && Dangling(text, seq, candidate) < Dangling(text, seq, best.Value)))
                {
                    best = candidate;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Text lines left above a reading's header (and caption): header cells that head no column of it. None when the
    /// lines above repeat the header: a stacked header (结果维持…总计 under 行政复议, then under 行政诉讼) whose leaves
    /// the reading has right.
    /// </summary>
    private static int Dangling(string text, List<CellLine> seq, Found found)
    {
        var h = found.HeaderStart;
        if (h >= found.HeaderCount && Enumerable.Range(0, found.HeaderCount).All(i => CellLineSequence.SameText(text, seq[h - found.HeaderCount + i], seq[h + i])))
        {
            return 0;
        }

        var k = found.HeaderStart - (found.Caption ? 1 : 0) - 1;
        var dangling = 0;
        while (k >= 0 && seq[k].Shape == CellLineShape.Text)
        {
            dangling++;
            k--;
        }

        return dangling;
    }

    /// <summary>How many rows of <paramref name="width"/> lines from <paramref name="s"/> repeat the first row's pattern.</summary>
    private static int CountRows(List<CellLine> seq, int s, int width)
    {
        if (s + width > seq.Count)
        {
            return 0;
        }

        var hasNumber = false;
        for (var k = s; k < s + width; k++)
        {
            if (seq[k].Shape == CellLineShape.Other)
            {
                return 0;
            }

            hasNumber |= seq[k].Shape == CellLineShape.Number;
        }

        // Labels lead a row, after a 序号 or not: the row is [number] text… number…, ending in a figure.
        var k0 = seq[s].Shape == CellLineShape.Number && width > 2 && seq[s + 1].Shape == CellLineShape.Text ? s + 1 : s;
        while (k0 < s + width && seq[k0].Shape == CellLineShape.Text)
        {
            k0++;
        }

        for (var k = k0; k < s + width; k++)
        {
            if (seq[k].Shape != CellLineShape.Number)
            {
                return 0;
            }
        }

        if (!hasNumber)
        {
            return 0;
        }

        var rows = 1;
        while (s + ((rows + 1) * width) <= seq.Count && SameShapes(seq, s, s + (rows * width), width))
        {
            rows++;
        }

        return rows;
    }

    private static bool SameShapes(List<CellLine> seq, int first, int other, int width)
    {
        for (var k = 0; k < width; k++)
        {
            if (seq[other + k].Shape != seq[first + k].Shape)
            {
                return false;
            }
        }

        return true;
    }

    private TableGrid Build(string text, List<CellLine> seq, Found found)
    {
        var rows = new List<ImmutableArray<GridCell>>();
        if (found.Caption)
        {
            var caption = Cell(text, seq[found.HeaderStart - 1]);
            rows.Add([.. Enumerable.Range(0, found.Width).Select(k => k == 0 ? caption : caption with { Copy = true })]);
        }

        var pad = found.Width - found.HeaderCount;
        var corner = new GridCell(string.Empty, seq[found.HeaderStart].Start, seq[found.HeaderStart].Start);
        rows.Add([.. Enumerable.Repeat(corner, pad), .. Enumerable.Range(found.HeaderStart, found.HeaderCount).Select(k => Cell(text, seq[k]))]);
        for (var r = 0; r < found.Rows; r++)
        {
            var first = found.RowStart + (r * found.Width);
            rows.Add([.. Enumerable.Range(first, found.Width).Select(k => Cell(text, seq[k]))]);
        }

        var labels = 0;
        while (labels < found.Width - 1 && seq[found.RowStart + labels].Shape == CellLineShape.Text)
        {
            labels++;
        }

        var start = seq[found.Caption ? found.HeaderStart - 1 : found.HeaderStart].Start;
        var end = seq[found.RowStart + (found.Rows * found.Width) - 1].End;
        return new TableGrid([.. rows], start, end, rows.Count - found.Rows, labels, null, TableLayout.CellPerLine, [.. rows.Select(r => r.Length)]);
    }

    private static GridCell Cell(string text, CellLine line) => new(line.Joined ?? text[line.Start..line.End], line.Start, line.End);

    private static bool AllText(List<CellLine> seq, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (seq[k].Shape != CellLineShape.Text)
            {
                return false;
            }
        }

        return true;
    }

    private bool KnownHeader(string text, List<CellLine> seq, int from, int to)
    {
        var known = 0;
        for (var k = from; k < to; k++)
        {
            var line = text.AsSpan(seq[k].Start, seq[k].End - seq[k].Start);
            foreach (var word in _headerWords)
            {
                if (line.Contains(word, StringComparison.Ordinal))
                {
                    known++;
                    break;
                }
            }
        }

        return known * 2 >= to - from;
    }

    private bool EndsInUnit(string text, CellLine line)
    {
        var s = text.AsSpan(line.Start, line.End - line.Start);
        var open = s.LastIndexOfAny('(', '（');
        if (open <= 0 || s[^1] is not (')' or '）'))
        {
            return false;
        }

        var inner = text[(line.Start + open + 1)..(line.End - 1)];
        var p = _shapes.Words.UnitLabelLength(inner);
        while (p < inner.Length && inner[p] is ':' or '：' or ' ' or '万' or '亿')
        {
            p++;
        }

        return p < inner.Length && _units.Match(inner, p, arabic: true) is { } unit && p + unit.Surface.Length == inner.Length;
    }
}
