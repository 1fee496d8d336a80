using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>The tables of a text and what the readers want the reader to know (rows that do not line up).</summary>
/// <param name="Tables">Every table, in reading order.</param>
/// <param name="Warnings">Rows a reader could not line up with their header.</param>
public sealed record TableLocation(ImmutableArray<TableGrid> Tables, ImmutableArray<string> Warnings);

/// <summary>
/// Finds every table of a normalized text, whatever its layout, as a <see cref="TableGrid"/>: delimited rows first
/// (| and tab), then rows of a label and its figure, aligned columns and one cell per line in the lines no earlier
/// reader took. A table broken by one short line that is no row (a page number, a page-chrome line left in the text)
/// continues when the rows after it have its width or open with its header again. A unit line just above a table (<c>单位：万元</c>) becomes its caption.
/// This is the one way the later stages (metrics, forms) see tables; offsets are into the normalized text.
/// </summary>
public sealed partial class TableLocator
{
    /// <summary>Longest line between two parts of one table (a page number, a chrome line).</summary>
    private const int MaxBreakLine = 30;

    private readonly CellShapes _shapes;
    private readonly DelimitedTableReader _delimited;
    private readonly AlignedTableReader _aligned;
    private readonly LabelValueListReader _labelValue;
    private readonly CellPerLineTableReader _cellPerLine;

    /// <summary>A locator with the built-in unit and table words.</summary>
    public TableLocator()
        : this(UnitLexicon.LoadEmbedded(), TableWords.LoadEmbedded())
    {
    }

    /// <summary>A locator that reads the units of cell-per-line tables with <paramref name="units"/> and tells cells by <paramref name="words"/>.</summary>
    internal TableLocator(UnitLexicon units, TableWords words)
    {
        _shapes = new CellShapes(words);
        _delimited = new(_shapes);
        _aligned = new(_shapes);
        _labelValue = new(units, _shapes);
        _cellPerLine = new(units, _shapes);
    }

    /// <summary>The cell shapes the locator's readers tell cells by; the cell reader shares them.</summary>
    internal CellShapes Shapes => _shapes;

    /// <summary>The tables of <paramref name="text"/> (normalized) in reading order, by a locator built for this call.</summary>
    internal static ImmutableArray<TableGrid> Find(string text) => new TableLocator().Locate(text).Tables;

    /// <summary>The tables of <paramref name="text"/> (normalized) in reading order, with the readers' warnings.</summary>
    public TableLocation Locate(string text)
    {
        var lines = new LineIndex(text);
        var assembler = new GridAssembler(_shapes);
        var warnings = new List<string>();
        var grids = new List<TableGrid>();
        _delimited.Read(text, lines, assembler, grids);

        var more = new List<TableGrid>();
        _labelValue.Read(text, lines, more);
        AddUntaken(grids, more);

        _aligned.Read(text, lines, assembler, more);
        AddUntaken(grids, more);

        var layoutWarnings = new List<string>();
        _cellPerLine.Read(text, lines, more, layoutWarnings);
        AddUntaken(grids, more);
        warnings.AddRange(layoutWarnings);

        grids.Sort((a, b) => a.Start.CompareTo(b.Start));
        var joined = JoinContinued(text, grids);
        return new TableLocation([.. joined.Select(g => g with { Caption = CaptionAbove(text, g.Start) })], [.. warnings]);
    }

    /// <summary>Moves the grids of <paramref name="more"/> that overlap none of <paramref name="grids"/> to them: an earlier
    /// reader's table stands.</summary>
    private static void AddUntaken(List<TableGrid> grids, List<TableGrid> more)
    {
        if (more.Count == 0)
        {
            return; // most texts: nothing to weigh
        }

        var taken = new RangeSet([.. grids.Select(g => (g.Start, g.End)).OrderBy(r => r.Start)]);
        grids.AddRange(more.Where(g => !Overlaps(taken, g)));
        more.Clear();
    }

    private static bool Overlaps(RangeSet taken, TableGrid grid) =>
        taken.Find(grid.Start) is not null || taken.Find(Math.Max(grid.Start, grid.End - 1)) is not null
        || taken.Ranges.Any(r => r.Start >= grid.Start && r.Start < grid.End);

    /// <summary>Joins a table to the one before it when only a short non-row line lies between and it continues it.</summary>
    private static List<TableGrid> JoinContinued(string text, List<TableGrid> grids)
    {
        var joined = new List<TableGrid>();
        foreach (var grid in grids)
        {
            if (joined.Count > 0 && joined[^1] is var last && last.Layout == grid.Layout && last.ColumnCount == grid.ColumnCount
                && IsBreak(text, last.End, grid.Start) && (grid.HeaderRows == 0 || RepeatsHeader(last, grid)))
            {
                var rows = grid.Rows.Skip(grid.HeaderRows);
                joined[^1] = last with
                {
                    Rows = [.. last.Rows, .. rows],
                    End = grid.End,
                    RowWidths = [.. last.RowWidths, .. grid.RowWidths.Skip(grid.HeaderRows)],
                };
                continue;
            }

            joined.Add(grid);
        }

        return joined;
    }

    private static bool RepeatsHeader(TableGrid last, TableGrid next) =>
        last.HeaderRows > 0 && Enumerable.Range(0, last.ColumnCount).All(c => last[0, c].Text == next[0, c].Text);

    /// <summary>Between two tables: at most two lines, blank or one short line that is no sentence.</summary>
    private static bool IsBreak(string text, int end, int start)
    {
        if (start < end)
        {
            return false;
        }

        var between = text.AsSpan(end, start - end).Trim("\r\n \t\u3000");
        return between.Count('\n') <= 1 && between.Length <= MaxBreakLine && between.IndexOfAny('。', '，', '；') < 0;
    }

    /// <summary>A unit line (单位：万元, （单位：件）) ending just above the table, or null.</summary>
    private static GridCell? CaptionAbove(string text, int start)
    {
        var end = start - 1;
        while (end > 0 && text[end - 1] is ' ' or '\r' or '\u3000')
        {
            end--;
        }

        if (end <= 0)
        {
            return null;
        }

        var lineStart = text.LastIndexOf('\n', end - 1) + 1;
        var match = UnitLine().Match(text, lineStart, end - lineStart);
        return match.Success ? new GridCell(match.Groups["unit"].Value, match.Groups["unit"].Index, match.Groups["unit"].Index + match.Groups["unit"].Length) : null;
    }

    [GeneratedRegex(@"[(（]?\s*(?:计量)?单位\s*[:：]\s*(?<unit>[^\s)）|]{1,6})\s*[)）]?\s*$")]
    private static partial Regex UnitLine();
}
