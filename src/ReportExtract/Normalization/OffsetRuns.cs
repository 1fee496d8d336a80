namespace ReportExtract.Normalization;

/// <summary>
/// The map of a <see cref="MappedText"/> as runs: unit i of run k (<c>Text[k] ≤ i &lt; Text[k+1]</c>) comes from
/// original range <c>[Start[k] + (i − Text[k]), +1)</c> when <c>End[k] &lt; 0</c> (a straight run), else from
/// <c>[Start[k], End[k])</c> (every unit of the run stands for the same original range, as a replaced phrase does).
/// Normalization keeps long stretches as they are, so a 30 MB report needs a few thousand runs, not two integers per character.
/// </summary>
internal sealed class OffsetRuns
{
    private int[] _text = new int[16];
    private int[] _start = new int[16];
    private int[] _end = new int[16];

    /// <summary>Runs so far.</summary>
    public int Count { get; private set; }

    /// <summary>Units mapped so far.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<int> TextStarts => _text.AsSpan(0, Count);

    public ReadOnlySpan<int> Starts => _start.AsSpan(0, Count);

    public ReadOnlySpan<int> Ends => _end.AsSpan(0, Count);

    /// <summary>Maps the next <paramref name="count"/> units to original units <paramref name="start"/> onwards, one each.</summary>
    public void AddStraight(int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var last = Count - 1;
        if (last < 0 || _end[last] >= 0 || _start[last] + (Length - _text[last]) != start)
        {
            Push(start, -1);
        }

        Length += count;
    }

    /// <summary>Maps the next <paramref name="count"/> units each to original range [start, end).</summary>
    public void AddConstant(int start, int end, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (end == start + 1 && count == 1)
        {
            AddStraight(start, 1);
            return;
        }

        var last = Count - 1;
        if (last < 0 || _start[last] != start || _end[last] != end)
        {
            Push(start, end);
        }

        Length += count;
    }

    /// <summary>Forgets the mapping of units from <paramref name="length"/> on.</summary>
    public void Truncate(int length)
    {
        while (Count > 0 && _text[Count - 1] >= length)
        {
            Count--;
        }

        Length = length;
    }

    private void Push(int start, int end)
    {
        if (Count == _text.Length)
        {
            Array.Resize(ref _text, Count * 2);
            Array.Resize(ref _start, Count * 2);
            Array.Resize(ref _end, Count * 2);
        }

        _text[Count] = Length;
        _start[Count] = start;
        _end[Count] = end;
        Count++;
    }
}
