namespace ReportExtract.Normalization;

/// <summary>
/// Text derived from an original, where every UTF-16 unit remembers the original range it came from.
/// This is the provenance of every span: stages read <see cref="Text"/>, records point into <see cref="Original"/>.
/// </summary>
public sealed class MappedText
{
    // Null for identity text: clean input, the common case, then costs no per-unit tables.
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    /// <summary>Wraps text whose unit i came from original range [starts[i], ends[i]).</summary>
    public MappedText(string original, string text, int[] starts, int[] ends)
    {
        if (starts.Length != text.Length || ends.Length != text.Length)
        {
            throw new ArgumentException("one original range per UTF-16 unit of the text is required");
        }

        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>Takes range tables that may be longer than the text (a builder's buffers) without copying them.</summary>
    internal MappedText(string original, string text, int[] starts, int[] ends, bool _)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    private MappedText(string original)
    {
        Original = original;
        Text = original;
    }

    /// <summary>The decoded original input.</summary>
    public string Original { get; }

    /// <summary>The derived text later stages read.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> is the original itself and every unit maps to itself.</summary>
    public bool IsIdentity => _starts is null;

    /// <summary>Text identical to its original: every unit maps to itself.</summary>
    public static MappedText Identity(string original) => new(original);

    /// <summary>Original UTF-16 start of text unit <paramref name="index"/> (the original's end for the text's end).</summary>
    public int OriginalStart(int index)
    {
        if (_starts is null)
        {
            return Math.Min(index, Original.Length);
        }

        return index < Text.Length ? _starts[index] : Original.Length;
    }

    /// <summary>Original UTF-16 end of text unit <paramref name="index"/>.</summary>
    public int OriginalEnd(int index)
    {
        if (_ends is null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Text.Length);
            return index + 1;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Text.Length);
        return _ends[index];
    }

    /// <summary>Maps text range [start, end) to the original UTF-16 range it was made from.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (_starts is null || _ends is null)
        {
            return (start, end);
        }

        if (start == end)
        {
            var at = OriginalStart(start);
            return (at, at);
        }

        return (_starts[start], Math.Max(_starts[start], _ends[end - 1]));
    }

    /// <summary>
    /// Composes a further derivation: <paramref name="next"/> was made from this <see cref="Text"/>, and the result
    /// maps straight back to <see cref="Original"/>.
    /// </summary>
    public MappedText Then(MappedText next)
    {
        if (!ReferenceEquals(next.Original, Text) && !string.Equals(next.Original, Text, StringComparison.Ordinal))
        {
            throw new ArgumentException("the next derivation must be made from this text", nameof(next));
        }

        if (next.IsIdentity)
        {
            return this;
        }

        if (IsIdentity)
        {
            return new MappedText(Original, next.Text, next._starts!, next._ends!, true);
        }

        var starts = new int[next.Text.Length];
        var ends = new int[next.Text.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            var (s, e) = ToOriginal(next._starts![i], next._ends![i]);
            starts[i] = s;
            ends[i] = e;
        }

        return new MappedText(Original, next.Text, starts, ends);
    }

    /// <summary>Copies the original ranges of text units [start, start + count) into the destinations.</summary>
    internal void CopyRanges(int start, int count, Span<int> starts, Span<int> ends)
    {
        if (_starts is null || _ends is null)
        {
            for (var i = 0; i < count; i++)
            {
                starts[i] = start + i;
                ends[i] = start + i + 1;
            }

            return;
        }

        _starts.AsSpan(start, count).CopyTo(starts);
        _ends.AsSpan(start, count).CopyTo(ends);
    }
}
