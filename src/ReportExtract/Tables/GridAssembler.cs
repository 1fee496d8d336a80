using System.Collections.Immutable;
using System.Globalization;

namespace ReportExtract.Tables;

/// <summary>
/// Turns the rows a layout reader found into grids. A row none of whose cells is a number (years aside, at the top) is
/// a header; a header after data rows starts a new table, unless it repeats the table's first header (a table
/// continuing on the next page), which is dropped. Short rows are padded to the grid's width; an empty header cell
/// right of a header over deeper headers (<c>行政复议||</c> over <c>结果维持|结果纠正|…</c>) is a copy of it, and so is
/// an empty label cell under a label when the row has a deeper label (a label over several rows).
/// </summary>
internal sealed class GridAssembler(CellShapes shapes)
{
    public void Assemble(List<RawRow> rows, TableLayout layout, List<TableGrid> grids)
    {
        var current = new List<RawRow>();
        var headers = 0;
        RawRow? firstHeader = null;
        foreach (var row in rows)
        {
            if (IsSeparator(row))
            {
                continue; // |---|---|
            }

            var kind = KindOf(row, current.Count == 0 || current.Count == headers);
            if (kind == RowKind.Header)
            {
                if (current.Count > headers)
                {
                    if (firstHeader is not null && SameText(firstHeader, row))
                    {
                        continue; // the header repeated on the next page
                    }

                    Emit(current, headers, layout, grids);
                    current = [];
                    headers = 0;
                    firstHeader = null;
                }

                firstHeader ??= row;
                current.Add(row);
                headers++;
                continue;
            }

            current.Add(row);
        }

        Emit(current, headers, layout, grids);
    }

    private enum RowKind { Header, Data }

    private RowKind KindOf(RawRow row, bool atTop)
    {
        int texts = 0, numbers = 0, years = 0;
        var bare = new List<int>();
        foreach (var cell in row.Cells)
        {
            switch (shapes.Of(cell.Text))
            {
                case CellShape.Text:
                    texts++;
                    break;
                case CellShape.Number:
                    numbers++;
                    break;
                case CellShape.Year:
                    years++;
                    break;
                case CellShape.BareYear:
                    bare.Add(int.Parse(cell.Text.AsSpan(0, 4), CultureInfo.InvariantCulture));
                    break;
                default:
                    break;
            }
        }

        // Bare years head columns only two or more at a time, in order (指标|2022|2023); else they are numbers.
        if (bare.Count >= 2 && bare.Zip(bare.Skip(1)).All(p => p.Second > p.First))
        {
            years += bare.Count;
        }
        else
        {
            numbers += bare.Count;
        }

        var firstIsText = row.Cells.Length > 0 && shapes.Of(row.Cells[0].Text) == CellShape.Text;
        var header = numbers == 0 && texts + years >= 2 && (years == 0 || atTop) && (texts >= 2 || years >= 2 || (years == 1 && firstIsText));
        return header ? RowKind.Header : RowKind.Data;
    }

    private void Emit(List<RawRow> rows, int headers, TableLayout layout, List<TableGrid> grids)
    {
        if (rows.Count == 0 || rows.Count == headers)
        {
            return; // a header with no rows under it holds no figure
        }

        rows = FlattenedHeader.Restore(rows, headers, shapes);
        var width = rows.Max(r => r.Cells.Length);
        var grid = new GridCell[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Cells;
            grid[r] = new GridCell[width];
            for (var c = 0; c < width; c++)
            {
                grid[r][c] = c < cells.Length ? cells[c] : new GridCell(string.Empty, rows[r].End, rows[r].End);
            }
        }

        var labels = LabelColumns(grid, headers, width);
        CopyMergedHeaders(grid, headers, labels, width);
        CopyMergedLabels(grid, headers, labels);
        grids.Add(new TableGrid(
            [.. grid.Select(r => r.ToImmutableArray())],
            rows[0].Start,
            rows[^1].End,
            headers,
            labels,
            null,
            layout,
            [.. rows.Select(r => r.Cells.Length)]));
    }

    /// <summary>The leading columns in which no data row holds a figure.</summary>
    private int LabelColumns(GridCell[][] grid, int headers, int width)
    {
        var labels = 0;
        while (labels < width - 1 && grid.Skip(headers).All(row => !CellShapes.IsFigure(shapes.Of(row[labels].Text))))
        {
            labels++;
        }

        return labels;
    }

    private static void CopyMergedHeaders(GridCell[][] grid, int headers, int labels, int width)
    {
        for (var r = 0; r < headers - 1; r++)
        {
            for (var c = Math.Max(1, labels); c < width; c++)
            {
                var left = grid[r][c - 1];
                if (grid[r][c].IsEmpty && !left.IsEmpty && c - 1 >= labels && Enumerable.Range(r + 1, headers - r - 1).Any(k => !grid[k][c].IsEmpty))
                {
                    grid[r][c] = left with { Copy = true };
                }
            }
        }
    }

    private static void CopyMergedLabels(GridCell[][] grid, int headers, int labels)
    {
        for (var r = headers + 1; r < grid.Length; r++)
        {
            for (var c = 0; c < labels - 1; c++)
            {
                var above = grid[r - 1][c];
                if (grid[r][c].IsEmpty && !above.IsEmpty && Enumerable.Range(c + 1, labels - c - 1).Any(k => !grid[r][k].IsEmpty))
                {
                    grid[r][c] = above with { Copy = true };
                }
            }
        }
    }

    private static bool IsSeparator(RawRow row) =>
        row.Cells.Length > 0 && row.Cells.All(c => c.Text.AsSpan().Trim("-:= ").IsEmpty) && row.Cells.Any(c => c.Text.Contains('-', StringComparison.Ordinal));

    private static bool SameText(RawRow a, RawRow b) =>
        a.Cells.Length == b.Cells.Length && a.Cells.Zip(b.Cells).All(p => p.First.Text == p.Second.Text);
}
