using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReportExtract.Common;

namespace ReportExtract.Metrics;

/// <summary>
/// Sentence and line boundaries of a text, found once: sentences end at 。！？!? and at line ends; clauses
/// (the context of a subject) also end at ，,；;：:、 and brackets.
/// </summary>
internal sealed class SentenceSplitter
{
    // Bitmaps, not SearchValues: these mixes of ASCII and CJK marks would fall back to a probabilistic map, which checks
    // nearly every Chinese character one by one on the short stretches around a figure.
    private static readonly CharBitmap MajorClauseEnds = new("。！？!?\n，,；;：:");
    // Curly quotes set off a name inside a noun phrase (“双随机”抽查), so they do not end a subject's clause.
    private static readonly CharBitmap ClauseEnds = new("。！？!?\n，,；;：:、（）()【】[]\"");

    private readonly string _text;
    private readonly int[] _starts;

    /// <summary>Line starts, kept apart from sentence starts: a search back for '\n' per figure is quadratic on a run-on line.</summary>
    private readonly int[] _lineStarts;

    public SentenceSplitter(string text)
    {
        _text = text;
        var starts = new List<int>((text.Length / 32) + 1) { 0 };
        var lineStarts = new List<int> { 0 };
        var span = text.AsSpan();
        ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
        var i = 0;
        // Sentences end every few dozen characters: one pass that compares a block of units with all six marks at once
        // and walks the matches' bits beats searches restarted after every mark. 128-bit blocks are accelerated on every
        // platform the tool ships for, so the one vector path is the one the tests run.
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<ushort>.Count <= span.Length; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref units, (nuint)i);
                var marks = Vector128.Equals(v, Vector128.Create((ushort)'\n')) | Vector128.Equals(v, Vector128.Create((ushort)'。'))
                    | Vector128.Equals(v, Vector128.Create((ushort)'！')) | Vector128.Equals(v, Vector128.Create((ushort)'？'))
                    | Vector128.Equals(v, Vector128.Create((ushort)'!')) | Vector128.Equals(v, Vector128.Create((ushort)'?'));
                AddEnds(text, i, marks.ExtractMostSignificantBits(), starts, lineStarts);
            }
        }

        for (; i < span.Length; i++)
        {
            if (IsSentenceEnd(span[i]))
            {
                AddEnds(text, i, 1, starts, lineStarts);
            }
        }

        _starts = [.. starts];
        _lineStarts = [.. lineStarts];
    }

    /// <summary>True for the marks that end a sentence: 。！？!? and the line end.</summary>
    internal static bool IsSentenceEnd(char c) => c is '\n' or '。' or '！' or '？' or '!' or '?';

    /// <summary>Adds a sentence start after each end whose bit is set in <paramref name="bits"/> (bit k: position <paramref name="at"/> + k).</summary>
    private static void AddEnds(string text, int at, uint bits, List<int> starts, List<int> lineStarts)
    {
        while (bits != 0)
        {
            var end = at + BitOperations.TrailingZeroCount(bits);
            starts.Add(end + 1);
            if (text[end] == '\n')
            {
                lineStarts.Add(end + 1);
            }

            bits &= bits - 1;
        }
    }

    /// <summary>The sentence holding <paramref name="position"/>: [start, end) with the terminator included.</summary>
    public (int Start, int End) SentenceAt(int position)
    {
        // Figures are read in order: the sentence asked for is mostly the one found last.
        var k = _lastSentence = Find(_starts, _lastSentence, position);

        var start = _starts[k];
        var end = k + 1 < _starts.Length ? _starts[k + 1] : _text.Length;
        return (start, end);
    }

    /// <summary>A sentence longer than this (a run-on line, a scraped page without stops) is quoted around the figure only.</summary>
    public const int MaxSentence = 400;

    /// <summary>
    /// The sentence holding [<paramref name="position"/>, <paramref name="end"/>), trimmed; figures of one sentence share one
    /// string. A sentence over <see cref="MaxSentence"/> characters gives the stretch of that length around the figure.
    /// </summary>
    public string SentenceText(int position, int end)
    {
        var (start, stop) = SentenceAt(position);
        if (stop - start > MaxSentence)
        {
            var from = Math.Max(start, position - (MaxSentence / 2));
            var to = Math.Min(stop, Math.Max(end, from + MaxSentence));
            return _text.AsSpan(from, to - from).Trim().ToString();
        }

        if (start != _lastStart || _lastText is null)
        {
            _lastText = _text.AsSpan(start, stop - start).Trim().ToString();
            _lastStart = start;
        }

        return _lastText;
    }

    // One splitter serves one Recognize call on one thread; the caches never cross calls.
    private int _lastStart = -1;
    private string? _lastText;
    private int _lastSentence;
    private int _lastLine;

    /// <summary>Start of the clause holding <paramref name="position"/>, not before <paramref name="floor"/>.</summary>
    public int ClauseStart(int position, int floor)
    {
        var k = ClauseEnds.LastIndexOfAny(_text.AsSpan(floor, position - floor));
        return k < 0 ? floor : floor + k + 1;
    }

    /// <summary>Start of the comma-delimited clause holding <paramref name="position"/> (lists with 、 stay whole).</summary>
    public int MajorClauseStart(int position, int floor)
    {
        var k = MajorClauseEnds.LastIndexOfAny(_text.AsSpan(floor, position - floor));
        return k < 0 ? floor : floor + k + 1;
    }

    /// <summary>End of the clause holding <paramref name="position"/>, not after <paramref name="ceiling"/>.</summary>
    public int ClauseEnd(int position, int ceiling)
    {
        var k = ClauseEnds.IndexOfAny(_text.AsSpan(position, ceiling - position));
        return k < 0 ? ceiling : position + k;
    }

    /// <summary>End of the comma-delimited clause holding <paramref name="position"/>, not after <paramref name="ceiling"/>.</summary>
    public int MajorClauseEnd(int position, int ceiling)
    {
        var k = MajorClauseEnds.IndexOfAny(_text.AsSpan(position, ceiling - position));
        return k < 0 ? ceiling : position + k;
    }

    /// <summary>Start of the line holding <paramref name="position"/>.</summary>
    public int LineStart(int position)
    {
        // A line starts after a '\n', so the start of the line holding a position is the last line start at or before it.
        _lastLine = Find(_lineStarts, _lastLine, position);
        return _lineStarts[_lastLine];
    }

    /// <summary>How many starts past the one asked last are stepped through before a binary search.</summary>
    private const int Steps = 4;

    /// <summary>The index of the last of <paramref name="starts"/> at or before <paramref name="position"/>, asked last at <paramref name="last"/>.</summary>
    private static int Find(int[] starts, int last, int position)
    {
        // Figures are read in order: the start asked for is mostly the one asked last or one of the next few.
        if (position >= starts[last])
        {
            for (var k = last; k < starts.Length && k <= last + Steps; k++)
            {
                if (k + 1 == starts.Length || position < starts[k + 1])
                {
                    return k;
                }
            }
        }

        var found = Array.BinarySearch(starts, position);
        return found >= 0 ? found : ~found - 1;
    }
}
