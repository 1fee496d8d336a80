using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReportExtract.Tables;

namespace ReportExtract.Normalization;

/// <summary>Data tables: written as rectangular rows of <c>|</c>-separated cells with their spans expanded.</summary>
public sealed partial class HtmlTextExtractor
{
    /// <summary>Longest cell whose inner breaks (&lt;br&gt;, &lt;p&gt;) still leave it a cell of a data row.</summary>
    private const int MaxBrokenCell = 60;

    private sealed partial class Walk
    {
        // The characters a cell emitted, with their source ranges, while it is being visited: a spanned cell's copies
        // replay them, so a copy's text maps to the cell it copies.
        private List<(char C, int Start, int End)>? _recording;

        /// <summary>A table is data when none of its rows is layout (see <see cref="IsLayoutRow"/>).</summary>
        private static bool IsDataTable(IHtmlTableElement table) =>
            table.Rows.Length > 0 && !table.Rows.Any(IsLayoutRow);

        /// <summary>
        /// Writes a data table as one line per row and one cell per column of its expanded grid: a label spanning rows
        /// or columns is repeated into every slot it covers (its copies map to the label's own source characters),
        /// a figure spanning several slots is written once and leaves the others empty (one figure, one metric), and
        /// slots no cell reaches are empty. Text outside the rows (a caption) keeps its own line.
        /// </summary>
        private void VisitDataTable(IHtmlTableElement table, int anchor)
        {
            Break(anchor);
            if (table.Caption is { } caption)
            {
                Visit(caption);
                Break(Math.Min(_cursor, _source.Length));
            }

            var slots = HtmlTableSlots.Of(table);
            var written = new Dictionary<IElement, List<(char C, int Start, int End)>>();
            for (var r = 0; r < slots.Rows.Count; r++)
            {
                var row = slots.Rows[r];
                var rowAt = Math.Max(0, Math.Min(row.SourceReference?.Position.Index ?? _cursor, _source.Length));
                if (rowAt > _cursor)
                {
                    _cursor = rowAt;
                }

                for (var c = 0; c < slots.Width; c++)
                {
                    var (cell, origin) = slots.Slots[r][c];
                    var at = Math.Max(0, Math.Min(cell?.SourceReference?.Position.Index ?? _cursor, _source.Length));
                    if (c > 0)
                    {
                        _spaceStart = -1;
                        _builder.AppendInserted('|', origin ? at : Math.Min(_cursor, _source.Length));
                    }

                    if (cell is null)
                    {
                        continue;
                    }

                    if (origin)
                    {
                        written[cell] = WriteCell(cell, at);
                    }
                    else if (written.TryGetValue(cell, out var chars) && !IsFigure(chars))
                    {
                        foreach (var (ch, start, end) in chars)
                        {
                            _builder.Append(ch, start, end);
                        }
                    }
                }

                _spaceStart = -1;
                _builder.AppendInserted('\n', Math.Min(_cursor, _source.Length));
                _lineStart = true;
            }

            // Past the table's end tag, so its text does not resync into rows already written.
            Break(Math.Min(_cursor, _source.Length));
        }

        private List<(char C, int Start, int End)> WriteCell(IElement cell, int at)
        {
            if (at > _cursor)
            {
                _cursor = at;
            }

            var outer = _recording;
            _recording = [];
            _lineStart = true;
            _cell++;
            foreach (var child in cell.ChildNodes)
            {
                Visit(child);
            }

            _cell--;
            _spaceStart = -1;
            var chars = _recording;
            _recording = outer;
            outer?.AddRange(chars);
            return chars;
        }

        private bool IsFigure(List<(char C, int Start, int End)> chars)
        {
            var text = new string([.. chars.Select(x => x.C)]);
            return CellShapes.IsFigure(shapes.Of(text));
        }
    }
}
