namespace ReportExtract.Normalization;

/// <summary>
/// Text derived from an original, where every UTF-16 unit remembers the original range it came from.
/// This is the provenance of every span: stages read <see cref="Text"/>, records point into <see cref="Original"/>.
/// </summary>
/// <remarks>
/// The map is kept as runs (<see cref="OffsetRuns"/>), not as two integers per unit: normalization keeps long
/// stretches of the original as they are, so the map of a large report stays small and cheap to build.
/// </remarks>
public sealed class MappedText
{
    // Null for identity text: clean input, the common case, needs no map at all.
    private readonly int[]? _runText;
    private readonly int[]? _runStart;
    private readonly int[]? _runEnd;

    /// <summary>Wraps text whose unit i came from original range [starts[i], ends[i]).</summary>
    public MappedText(string original, string text, int[] starts, int[] ends)
    {
        if (starts.Length != text.Length || ends.Length != text.Length)
        {
            throw new ArgumentException("one original range per UTF-16 unit of the text is required");
        }

        var runs = new OffsetRuns();
        for (var i = 0; i < text.Length; i++)
        {
            runs.AddConstant(starts[i], ends[i], 1);
        }

        Original = original;
        Text = text;
        (_runText, _runStart, _runEnd) = (runs.TextStarts.ToArray(), runs.Starts.ToArray(), runs.Ends.ToArray());
    }

    /// <summary>Wraps text mapped by <paramref name="runs"/>, which covers every unit of it.</summary>
    internal MappedText(string original, string text, OffsetRuns runs)
    {
        Original = original;
        Text = text;
        (_runText, _runStart, _runEnd) = (runs.TextStarts.ToArray(), runs.Starts.ToArray(), runs.Ends.ToArray());
    }

    // Shares the (never written) run arrays of a map with another text of the same length.
    private MappedText(string original, string text, int[]? runText, int[]? runStart, int[]? runEnd)
    {
        Original = original;
        Text = text;
        (_runText, _runStart, _runEnd) = (runText, runStart, runEnd);
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
    public bool IsIdentity => _runText is null;

    /// <summary>Text identical to its original: every unit maps to itself.</summary>
    public static MappedText Identity(string original) => new(original);

    /// <summary>Original UTF-16 start of text unit <paramref name="index"/> (the original's end for the text's end).</summary>
    public int OriginalStart(int index)
    {
        if (_runText is null)
        {
            return Math.Min(index, Original.Length);
        }

        if (index >= Text.Length)
        {
            return Original.Length;
        }

        var k = RunOf(index);
        return _runEnd![k] < 0 ? _runStart![k] + (index - _runText[k]) : _runStart![k];
    }

    /// <summary>Original UTF-16 end of text unit <paramref name="index"/>.</summary>
    public int OriginalEnd(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Text.Length);
        if (_runText is null)
        {
            return index + 1;
        }

        var k = RunOf(index);
        return _runEnd![k] < 0 ? _runStart![k] + (index - _runText[k]) + 1 : _runEnd[k];
    }

    /// <summary>Maps text range [start, end) to the original UTF-16 range it was made from.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (_runText is null)
        {
            return (start, end);
        }

        var at = OriginalStart(start);
        return start == end ? (at, at) : (at, Math.Max(at, OriginalEnd(end - 1)));
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

        // A derivation that kept every unit in place (a conversion of one-for-one replacements, the usual case) maps
        // unit i to unit i: the composed map is this one, for the new text.
        if (next._runText!.Length == 1 && next._runEnd![0] < 0 && next._runStart![0] == 0 && next.Text.Length == Text.Length)
        {
            return IsIdentity
                ? new MappedText(Original, next.Text, [0], [0], [-1])
                : new MappedText(Original, next.Text, _runText, _runStart, _runEnd);
        }

        var runs = new OffsetRuns();
        for (var k = 0; k < next._runText!.Length; k++)
        {
            var count = (k + 1 < next._runText.Length ? next._runText[k + 1] : next.Text.Length) - next._runText[k];
            if (next._runEnd![k] < 0)
            {
                AppendRuns(next._runStart![k], count, runs);
            }
            else
            {
                var (start, end) = ToOriginal(next._runStart![k], next._runEnd[k]);
                runs.AddConstant(start, end, count);
            }
        }

        return new MappedText(Original, next.Text, runs);
    }

    /// <summary>Adds the original ranges of text units [start, start + count) to <paramref name="into"/>.</summary>
    internal void AppendRuns(int start, int count, OffsetRuns into)
    {
        if (_runText is null)
        {
            into.AddStraight(start, count);
            return;
        }

        var end = start + count;
        for (int i = start, k = count > 0 ? RunOf(start) : 0; i < end; k++)
        {
            var n = Math.Min(k + 1 < _runText.Length ? _runText[k + 1] : Text.Length, end) - i;
            if (_runEnd![k] < 0)
            {
                into.AddStraight(_runStart![k] + (i - _runText[k]), n);
            }
            else
            {
                into.AddConstant(_runStart![k], _runEnd[k], n);
            }

            i += n;
        }
    }

    // The last run that starts at or before the unit: runs start at strictly increasing units, the first at 0.
    private int RunOf(int index)
    {
        var k = Array.BinarySearch(_runText!, index);
        return k >= 0 ? k : ~k - 1;
    }
}
