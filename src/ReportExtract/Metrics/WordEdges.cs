namespace ReportExtract.Metrics;

/// <summary>One word of a clause: offsets relative to the clause; <paramref name="Verb"/> when tagged as a verb.</summary>
internal readonly record struct ClauseWord(int Start, int Length, bool Verb = false);

/// <summary>Cuts a short clause into words; the seam through which the segmenter serves subject finding.</summary>
internal interface IClauseSegmenter
{
    /// <summary>The words of <paramref name="clause"/>, offsets relative to it.</summary>
    IReadOnlyList<ClauseWord> Words(ReadOnlySpan<char> clause);

    /// <summary>The words of <paramref name="clause"/> with verbs marked (part-of-speech tagging).</summary>
    IReadOnlyList<ClauseWord> TaggedWords(ReadOnlySpan<char> clause);
}

/// <summary>
/// Word edges of a text, cut on demand by a segmenter and kept for the figures that follow in the same stretch: one
/// segmentation serves every figure of a sentence. One instance serves one recognition on one thread.
/// </summary>
internal sealed class WordEdges(IClauseSegmenter segmenter, string text)
{
    /// <summary>How far past the asked region a segmentation reaches, for the figures after it.</summary>
    private const int Ahead = 160;

    // Bit p − _start is set when position p of [_start, _end] is a word edge: a few words of bits, not a hash set.
    private ulong[] _edges = [];
    private int _start = -1;
    private int _end = -1;

    /// <summary>True when [wordStart, wordEnd) is one word of the segmentation of a stretch holding [regionStart, regionEnd).</summary>
    public bool IsWord(int wordStart, int wordEnd, int regionStart, int regionEnd)
    {
        if (regionEnd <= regionStart)
        {
            return true;
        }

        if (regionStart < _start || regionEnd > _end)
        {
            var limit = Math.Min(text.Length, regionEnd + Ahead);
            var stop = text.AsSpan(regionEnd, limit - regionEnd).IndexOfAny('。', '\n');
            _start = regionStart;
            _end = stop < 0 ? limit : regionEnd + stop;
            var words = ((_end - _start) >> 6) + 1;
            if (_edges.Length < words)
            {
                _edges = new ulong[Math.Max(words, 2 * _edges.Length)];
            }
            else
            {
                Array.Clear(_edges, 0, words);
            }

            foreach (var word in segmenter.Words(text.AsSpan(_start, _end - _start)))
            {
                Mark(word.Start);
                Mark(word.Start + word.Length);
            }
        }

        return IsEdge(wordStart) && IsEdge(wordEnd);
    }

    private void Mark(int offset) => _edges[offset >> 6] |= 1UL << (offset & 63);

    private bool IsEdge(int position)
    {
        var offset = position - _start;
        return offset >= 0 && position <= _end && (_edges[offset >> 6] & (1UL << (offset & 63))) != 0;
    }
}
