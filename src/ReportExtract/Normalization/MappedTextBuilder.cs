namespace ReportExtract.Normalization;

/// <summary>
/// Builds the next derivation of a <see cref="MappedText"/>: a stage appends kept runs, replaced characters and
/// inserted characters by their positions in the source text, and the result maps straight to the original,
/// so stages compose without an intermediate map per stage.
/// </summary>
public sealed class MappedTextBuilder
{
    private readonly MappedText _source;
    private char[] _chars;
    private OffsetRuns _runs = new();
    private int _length;

    /// <summary>Starts a derivation of <paramref name="source"/>'s text.</summary>
    public MappedTextBuilder(MappedText source, int capacity = 0)
    {
        _source = source;
        capacity = Math.Max(16, capacity == 0 ? source.Text.Length : capacity);
        _chars = CharBuffers.Rent(capacity);
    }

    /// <summary>Units appended so far.</summary>
    public int Length => _length;

    /// <summary>The last appended unit, or NUL when nothing is appended.</summary>
    public char Last => _length == 0 ? '\0' : _chars[_length - 1];

    /// <summary>The appended unit at <paramref name="index"/>.</summary>
    public char this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _length);
            return _chars[index];
        }
    }

    /// <summary>Appends source text units [start, start + count) unchanged.</summary>
    public void AppendRun(int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        Reserve(count);
        _source.Text.AsSpan(start, count).CopyTo(_chars.AsSpan(_length));
        _source.AppendRuns(start, count, _runs);
        _length += count;
    }

    /// <summary>Appends <paramref name="c"/> made from source text units [sourceStart, sourceEnd).</summary>
    public void Append(char c, int sourceStart, int sourceEnd)
    {
        var (start, end) = _source.ToOriginal(sourceStart, sourceEnd);
        AppendOriginal(c, start, end);
    }

    /// <summary>Appends <paramref name="c"/> that stands for nothing in the source, anchored at source unit <paramref name="sourceAt"/>.</summary>
    public void AppendInserted(char c, int sourceAt)
    {
        var at = _source.OriginalStart(sourceAt);
        AppendOriginal(c, at, at);
    }

    /// <summary>Appends <paramref name="c"/> made from original range [originalStart, originalEnd).</summary>
    public void AppendOriginal(char c, int originalStart, int originalEnd)
    {
        Reserve(1);
        _chars[_length] = c;
        _runs.AddConstant(originalStart, originalEnd, 1);
        _length++;
    }

    /// <summary>Removes appended units from <paramref name="length"/> on (e.g. trailing spaces).</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        _runs.Truncate(length);
    }

    /// <summary>The derived text, mapped to the source's original; the builder is empty afterwards.</summary>
    public MappedText Build()
    {
        var chars = _chars.AsSpan(0, _length);
        var straight = _runs.Count == 1 && _runs.Ends[0] < 0 && _runs.Starts[0] == 0;
        var mapped = straight && chars.SequenceEqual(_source.Original)
            ? MappedText.Identity(_source.Original)
            : new MappedText(_source.Original, new string(chars), _runs);

        // The builder starts empty again, so nothing can change a built map; the buffer goes back to the pool.
        CharBuffers.Return(_chars);
        _chars = [];
        _runs = new OffsetRuns();
        _length = 0;
        return mapped;
    }

    private void Reserve(int count)
    {
        if (_length + count <= _chars.Length)
        {
            return;
        }

        var size = Math.Max(Math.Max(16, _chars.Length * 2), _length + count);
        var bigger = CharBuffers.Rent(size);
        _chars.AsSpan(0, _length).CopyTo(bigger);
        CharBuffers.Return(_chars);
        _chars = bigger;
    }
}
