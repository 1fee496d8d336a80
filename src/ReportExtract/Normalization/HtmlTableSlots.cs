using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ReportExtract.Normalization;

/// <summary>
/// The rectangular grid of an HTML table with its <c>rowspan</c>/<c>colspan</c> expanded: every slot holds the cell
/// element covering it and whether it is that cell's own (top-left) slot or a copy. Rows the spans of earlier rows
/// reach are widened the way browsers lay them out: a cell takes the first slot its row leaves free.
/// </summary>
internal sealed class HtmlTableSlots
{
    /// <summary>Spans past this are markup errors (colspan="1000"): clamped.</summary>
    private const int MaxSpan = 64;

    private HtmlTableSlots(List<IHtmlTableRowElement> rows, List<List<(IElement? Cell, bool Origin)>> slots, int width)
    {
        Rows = rows;
        Slots = slots;
        Width = width;
    }

    /// <summary>The table's own rows (thead, tbody, tfoot, in document order).</summary>
    public List<IHtmlTableRowElement> Rows { get; }

    /// <summary>Per row, per column: the covering cell (null: no cell reaches there) and whether the slot is its own.</summary>
    public List<List<(IElement? Cell, bool Origin)>> Slots { get; }

    /// <summary>The widest row's width.</summary>
    public int Width { get; }

    public static HtmlTableSlots Of(IHtmlTableElement table)
    {
        var rows = table.Rows.ToList();
        var slots = rows.Select(_ => new List<(IElement? Cell, bool Origin)>()).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < slots[r].Count && slots[r][c].Cell is not null)
                {
                    c++;
                }

                var rowSpan = cell.RowSpan <= 0 ? rows.Count - r : Math.Min(cell.RowSpan, rows.Count - r);
                var columnSpan = Math.Clamp(cell.ColumnSpan, 1, MaxSpan);
                for (var dr = 0; dr < Math.Min(rowSpan, MaxSpan); dr++)
                {
                    var row = slots[r + dr];
                    for (var dc = 0; dc < columnSpan; dc++)
                    {
                        while (row.Count <= c + dc)
                        {
                            row.Add((null, false));
                        }

                        row[c + dc] = (cell, dr == 0 && dc == 0);
                    }
                }

                c += columnSpan;
            }
        }

        var width = slots.Count == 0 ? 0 : slots.Max(s => s.Count);
        foreach (var row in slots)
        {
            while (row.Count < width)
            {
                row.Add((null, false));
            }
        }

        return new HtmlTableSlots(rows, slots, width);
    }
}
