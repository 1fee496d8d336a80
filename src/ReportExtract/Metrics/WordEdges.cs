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

    private readonly HashSet<int> _edges = [];
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
            _edges.Clear();
            foreach (var word in segmenter.Words(text.AsSpan(_start, _end - _start)))
            {
                _edges.Add(_start + word.Start);
                _edges.Add(_start + word.Start + word.Length);
            }
        }

        return _edges.Contains(wordStart) && _edges.Contains(wordEnd);
    }
}
