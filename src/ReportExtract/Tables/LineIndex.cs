namespace ReportExtract.Tables;

/// <summary>The lines of a text as [Start, End) ranges without their breaks, built once per text for every reader.</summary>
internal sealed class LineIndex
{
    private readonly List<(int Start, int End)> _lines;

    public LineIndex(string text)
    {
        _lines = new List<(int Start, int End)>(text.AsSpan().Count('\n') + 1);
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            _lines.Add((start, end));
            start = end + 1;
        }
    }

    public int Count => _lines.Count;

    public (int Start, int End) this[int index] => _lines[index];
}

/// <summary>One row as a layout reader found it: its cells and the line range it covers.</summary>
internal sealed record RawRow(System.Collections.Immutable.ImmutableArray<GridCell> Cells, int Start, int End);
