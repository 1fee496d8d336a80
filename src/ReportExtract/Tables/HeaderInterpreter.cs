using System.Collections.Immutable;

namespace ReportExtract.Tables;

/// <summary>One data row of a table as its headers name it.</summary>
/// <param name="Index">The row's index in the grid.</param>
/// <param name="Labels">Its label cells, outer to inner (三、本年度办理结果, （三）不予公开, 1.属于国家秘密), merged copies once.</param>
/// <param name="Aligned">False when the row does not line up with the header (another count of cells): not read.</param>
/// <param name="Total">For a row that does not line up, the 总计/合计 header at the right edge of a header row: the
/// row's last cell still lines up with it (the right edges of a full header row and a full data row agree however
/// the cells between were merged).</param>
internal readonly record struct HeadedRow(int Index, ImmutableArray<GridCell> Labels, bool Aligned, GridCell? Total = null);

/// <summary>What the headers of a table say: a path of header cells per column, the label columns, the rows.</summary>
/// <param name="Columns">Per column, its header cells top to bottom (行政诉讼, 复议后起诉, 结果维持), merged copies once.</param>
/// <param name="IsLabel">Per column, true when it labels the rows rather than holding figures.</param>
/// <param name="Rows">The data rows under the header.</param>
internal sealed record HeadedTable(
    TableGrid Grid,
    ImmutableArray<ImmutableArray<GridCell>> Columns,
    ImmutableArray<bool> IsLabel,
    ImmutableArray<HeadedRow> Rows);

/// <summary>
/// Reads the headers of a grid: stacked header rows become a path per column, label cells over several columns a path
/// per row. The header rows a table's columns are named by are those as wide as its deepest header row; a data row of
/// another width (merged cells flattened away, a cell lost) is not guessed at: it is marked unaligned and a warning
/// names the table and the row. Label columns are those left of the first column holding a figure (a 序号 column of
/// numbers before the label aside).
/// </summary>
internal sealed class HeaderInterpreter
{
    private readonly Func<string, bool> _isLabelWord;
    private readonly CellShapes _shapes;

    /// <param name="isLabelWord">True for a header naming codes, not figures (序号, 电话).</param>
    /// <param name="shapes">Tells the shape of a cell.</param>
    public HeaderInterpreter(Func<string, bool> isLabelWord, CellShapes shapes)
    {
        _isLabelWord = isLabelWord;
        _shapes = shapes;
    }

    public HeadedTable Read(TableGrid grid, List<string> warnings)
    {
        var width = grid.ColumnCount;
        var headers = grid.HeaderRows;
        var reference = headers > 0 ? headers - 1 : -1;
        var columns = new ImmutableArray<GridCell>[width];
        for (var c = 0; c < width; c++)
        {
            var path = ImmutableArray.CreateBuilder<GridCell>();
            for (var r = 0; r < headers; r++)
            {
                var cell = grid[r, c];
                if (!cell.IsEmpty && LinesUp(grid, r, reference) && (path.Count == 0 || path[^1].Text != cell.Text))
                {
                    path.Add(cell);
                }
            }

            columns[c] = path.ToImmutable();
        }

        var isLabel = LabelColumns(grid, columns);
        var total = TotalAtRightEdge(grid);
        var rows = ImmutableArray.CreateBuilder<HeadedRow>();
        var unaligned = new List<int>();
        for (var r = headers; r < grid.Rows.Length; r++)
        {
            var labels = ImmutableArray.CreateBuilder<GridCell>();
            for (var c = 0; c < width; c++)
            {
                var cell = grid[r, c];
                if (isLabel[c] && !cell.IsEmpty && _shapes.Of(cell.Text) != CellShape.Empty && (labels.Count == 0 || labels[^1].Text != cell.Text))
                {
                    labels.Add(cell);
                }
            }

            // Under a header, every figure needs a column header of its own: one past the named columns means the
            // row's cells have shifted (a rowspan flattened away).
            var aligned = reference < 0 || !HasFigure(grid, r)
                || (LinesUp(grid, r, reference) && Enumerable.Range(0, width).All(c => isLabel[c] || !columns[c].IsEmpty || !CellShapes.IsFigure(_shapes.Of(grid[r, c].Text))));
            if (!aligned)
            {
                unaligned.Add(r);
            }

            rows.Add(new HeadedRow(r, labels.ToImmutable(), aligned, aligned ? null : total));
        }

        if (unaligned.Count > 0)
        {
            var first = grid.Rows[unaligned[0]];
            var label = first.FirstOrDefault(c => !c.IsEmpty).Text;
            var name = string.Join('|', grid.Rows[0].Where(c => !c.IsEmpty && !c.Copy).Select(c => c.Text).Take(3));
            warnings.Add($"table at offset {grid.Start} ('{name}'): {unaligned.Count} row(s) do not line up with its header of {grid.RowWidths[reference]} cells, "
                + $"the first at offset {first[0].Start} ('{label}', {grid.RowWidths[unaligned[0]]} cells); "
                + (total is null ? "left unread" : "only their last cell, under the total column, is read"));
        }

        return new HeadedTable(grid, [.. columns], isLabel, rows.ToImmutable());
    }

    /// <summary>
    /// Row <paramref name="r"/> has the cells of row <paramref name="reference"/>: their widths agree once trailing
    /// empty cells (a closing bar) are allowed for.
    /// </summary>
    private static bool LinesUp(TableGrid grid, int r, int reference)
    {
        if (reference < 0 || r == reference)
        {
            return true;
        }

        var used = Math.Max(Used(grid, r), Used(grid, reference));
        return used <= Math.Min(grid.RowWidths[r], grid.RowWidths[reference]);
    }

    /// <summary>Cells of row <paramref name="r"/> up to its last non-empty one.</summary>
    public static int Used(TableGrid grid, int r)
    {
        var row = grid.Rows[r];
        var used = grid.RowWidths[r];
        while (used > 0 && row[used - 1].IsEmpty)
        {
            used--;
        }

        return used;
    }

    private GridCell? TotalAtRightEdge(TableGrid grid)
    {
        for (var r = 0; r < grid.HeaderRows; r++)
        {
            var used = Used(grid, r);
            if (used > 0 && _shapes.Words.IsTotal(grid[r, used - 1].Text))
            {
                return grid[r, used - 1];
            }
        }

        return null;
    }

    private bool HasFigure(TableGrid grid, int r) => grid.Rows[r].Any(c => CellShapes.IsFigure(_shapes.Of(c.Text)));

    private ImmutableArray<bool> LabelColumns(TableGrid grid, ImmutableArray<GridCell>[] columns)
    {
        var width = grid.ColumnCount;
        var first = width;
        for (var c = 0; c < width && first == width; c++)
        {
            if (columns[c].Any(h => _isLabelWord(h.Text)))
            {
                continue; // 序号: numbers that label, not figures
            }

            for (var r = grid.HeaderRows; r < grid.Rows.Length; r++)
            {
                // Years down the first column label their rows (年份|案件数 over 2021|12); further right they are counts.
                var shape = _shapes.Of(grid[r, c].Text);
                if (shape == CellShape.Number || (shape == CellShape.BareYear && c > 0))
                {
                    first = c;
                    break;
                }
            }
        }

        return [.. Enumerable.Range(0, width).Select(c => c < first && !columns[c].Any(h => _isLabelWord(h.Text)))];
    }
}
