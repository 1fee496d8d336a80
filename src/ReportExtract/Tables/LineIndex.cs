namespace ReportExtract.Tables;

/// <summary>
/// The lines of a text as [Start, End) ranges without their breaks, built once per text for every reader, each with the
/// range of its text: without the blanks before it (space, tab, U+3000) and after it (those and a carriage return).
/// The label-value and cell-per-line readers read a line's text and skip blank lines; the aligned reader passes over a
/// line whose text cannot be split.
/// </summary>
internal sealed class LineIndex
{
    private const string LeadingBlanks = " \t\u3000";
    private const string TrailingBlanks = " \t\r\u3000";

    private readonly List<Line> _lines;

    public LineIndex(string text)
    {
        _lines = new List<Line>(text.AsSpan().Count('\n') + 1);
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start);
            var textStart = start + line.Length - line.TrimStart(LeadingBlanks).Length;
            var textEnd = start + line.TrimEnd(TrailingBlanks).Length;
            _lines.Add(textStart < textEnd ? new Line(start, end, textStart, textEnd) : new Line(start, end, start, start));
            start = end + 1;
        }
    }

    public int Count => _lines.Count;

    public (int Start, int End) this[int index] => (_lines[index].Start, _lines[index].End);

    /// <summary>The range of line <paramref name="index"/>'s text, blanks around it left out; empty for a blank line.</summary>
    public (int Start, int End) TextOf(int index) => (_lines[index].TextStart, _lines[index].TextEnd);

    private readonly record struct Line(int Start, int End, int TextStart, int TextEnd);
}

/// <summary>One row as a layout reader found it: its cells and the line range it covers.</summary>
internal sealed record RawRow(System.Collections.Immutable.ImmutableArray<GridCell> Cells, int Start, int End);
