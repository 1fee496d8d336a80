namespace ReportExtract.Tables;

/// <summary>
/// Restores a two-row header whose merged cells an exporter flattened away: the first row written without the empty
/// cells its spans covered (<c>序号|单位名称|行政处罚实施数量(宗)|罚没金额(万元)|备注</c>), the second holding only the
/// cells under the one spanning header (<c>警告|罚款|…|合计(宗)</c>). Neither row is as wide as the data rows; the first
/// row's cells with one of them spread over the second row's are. The spanning cell is the first under which every data
/// row holds figures only; the other cells of the first row span both rows. A header that cannot be laid out so is
/// left as written (its rows then do not line up, and the header interpreter says so).
/// </summary>
internal static class FlattenedHeader
{
    public static List<RawRow> Restore(List<RawRow> rows, int headers, CellShapes shapes)
    {
        if (headers != 2 || rows.Count <= headers)
        {
            return rows;
        }

        var (top, sub) = (rows[0], rows[1]);
        var (n1, n2) = (Used(top), Used(sub));
        var data = rows.Skip(headers).Where(r => r.Cells.Any(c => CellShapes.IsFigure(shapes.Of(c.Text)))).ToList();
        if (n1 < 2 || n2 < 2 || data.Count == 0 || !Dense(top, n1) || !Dense(sub, n2))
        {
            return rows;
        }

        var width = data.Max(Used);
        var total = n1 - 1 + n2;
        if (n1 >= width || n2 >= width || total < width)
        {
            return rows;
        }

        for (var j = 0; j < n1; j++)
        {
            // Columns right of the spanning cell may stay empty in the data (备注), never more of them than there are.
            if (total - width > n1 - 1 - j || !data.All(r => FiguresOnly(r, j, j + n2, shapes)))
            {
                continue;
            }

            var group = top.Cells[j];
            var upper = top.Cells.Take(j).Append(group).Concat(Enumerable.Repeat(group with { Copy = true }, n2 - 1)).Concat(top.Cells.Skip(j + 1).Take(n1 - j - 1));
            var lower = Enumerable.Repeat(Empty(sub), j).Concat(sub.Cells.Take(n2)).Concat(Enumerable.Repeat(Empty(sub), n1 - j - 1));
            return [top with { Cells = [.. upper] }, sub with { Cells = [.. lower] }, .. rows.Skip(headers)];
        }

        return rows;
    }

    private static GridCell Empty(RawRow row) => new(string.Empty, row.End, row.End);

    /// <summary>Cells up to the row's last non-empty one.</summary>
    private static int Used(RawRow row)
    {
        var used = row.Cells.Length;
        while (used > 0 && row.Cells[used - 1].IsEmpty)
        {
            used--;
        }

        return used;
    }

    /// <summary>No empty cell before the row's last: its merged cells were written once, not as bar runs.</summary>
    private static bool Dense(RawRow row, int used) => row.Cells.Take(used).All(c => !c.IsEmpty);

    private static bool FiguresOnly(RawRow row, int from, int to, CellShapes shapes)
    {
        var any = false;
        for (var c = from; c < to; c++)
        {
            var shape = c < row.Cells.Length ? shapes.Of(row.Cells[c].Text) : CellShape.Empty;
            if (shape is CellShape.Text or CellShape.Year)
            {
                return false;
            }

            any |= CellShapes.IsFigure(shape);
        }

        return any;
    }
}
