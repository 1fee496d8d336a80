using ReportExtract.Segmentation;

namespace ReportExtract.Metrics;

/// <summary>One word of a clause: offsets relative to the clause; <paramref name="Verb"/> when tagged as a verb.</summary>
internal readonly record struct ClauseWord(int Start, int Length, bool Verb = false);

/// <summary>Cuts a short clause into words; the seam through which the segmenter serves subject finding.</summary>
internal interface IClauseSegmenter
{
    /// <summary>
    /// Appends the words of the piece of <paramref name="text"/> starting at <paramref name="start"/> that the segmenter cuts
    /// on its own, whatever comes after it (offsets relative to <paramref name="text"/>), and returns where the piece ends.
    /// </summary>
    int CutPiece(ReadOnlySpan<char> text, int start, List<WordToken> words);

    /// <summary>
    /// True when <paramref name="position"/> is an edge of the words <see cref="CutPiece"/> gives <paramref name="text"/>,
    /// known without cutting it; false when only the cut can tell.
    /// </summary>
    bool IsEdgeWithoutCut(ReadOnlySpan<char> text, int position);

    /// <summary>The words of <paramref name="clause"/> with verbs marked (part-of-speech tagging).</summary>
    IReadOnlyList<ClauseWord> TaggedWords(ReadOnlySpan<char> clause);

    /// <summary>False when the first of <see cref="TaggedWords"/> is surely no verb, known without tagging; true when it may be.</summary>
    bool MayOpenWithVerb(ReadOnlySpan<char> clause);

    /// <summary>False when no word of <see cref="TaggedWords"/> starting at or after <paramref name="from"/> is a verb of two or more characters.</summary>
    bool MayHoldLongVerb(ReadOnlySpan<char> clause, int from);
}

/// <summary>
/// Word edges of a text (and the tagged words of a clause), cut on demand by a segmenter and kept for the figures that follow in the same stretch: one
/// segmentation serves every figure of a sentence. A stretch is cut piece by piece only as far as the edges asked of it
/// (most questions are about the words right before a figure, few about the rest of its sentence); the segmenter cuts
/// each piece on its own, so the edges are those of the whole stretch cut at once. One instance serves one recognition
/// on one thread.
/// </summary>
internal sealed class WordEdges(IClauseSegmenter segmenter, string text)
{
    /// <summary>How far past the asked region a segmentation reaches, for the figures after it.</summary>
    internal const int Ahead = 160;

    private readonly List<WordToken> _words = [];

    // Bit p − _start is set when position p of [_start, _cut] is a word edge: a few words of bits, not a hash set.
    private ulong[] _edges = [];
    private int _start = -1;
    private int _end = -1;

    // [_start, _cut) is cut into words; the rest of the stretch, up to _end, is cut when an edge there is asked.
    private int _cut = -1;

    // The clause tagged last: the subject finder asks about the same words after a unit more than once.
    private (int Start, int Length) _taggedClause = (-1, 0);
    private IReadOnlyList<ClauseWord> _tagged = [];

    /// <summary>The tagged words of [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) (offsets relative to it).</summary>
    public IReadOnlyList<ClauseWord> TaggedWords(int start, int length)
    {
        if (_taggedClause != (start, length))
        {
            _tagged = segmenter.TaggedWords(text.AsSpan(start, length));
            _taggedClause = (start, length);
        }

        return _tagged;
    }

    /// <summary>
    /// True when the first tagged word of [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// is a verb, <paramref name="verbLength"/> long; most clauses are turned away without tagging.
    /// </summary>
    public bool OpensWithVerb(int start, int length, out int verbLength)
    {
        verbLength = 0;
        if (_taggedClause != (start, length) && !segmenter.MayOpenWithVerb(text.AsSpan(start, length)))
        {
            return false;
        }

        if (TaggedWords(start, length) is [{ Verb: true } first, ..])
        {
            verbLength = first.Length;
            return true;
        }

        return false;
    }

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
            _cut = _start;
            var words = ((_end - _start) >> 6) + 1;
            if (_edges.Length < words)
            {
                _edges = new ulong[Math.Max(words, 2 * _edges.Length)];
            }
            else
            {
                Array.Clear(_edges, 0, words);
            }

            // The stretch's start opens its first word; the edges after it are marked as the pieces are cut.
            Mark(0);
        }

        return IsEdge(wordStart) && IsEdge(wordEnd);
    }

    private void Mark(int offset) => _edges[offset >> 6] |= 1UL << (offset & 63);

    private bool IsEdge(int position)
    {
        var offset = position - _start;
        if (offset < 0 || position > _end)
        {
            return false;
        }

        // Most edges asked lie between two characters no dictionary word joins: known without routing the block.
        if (segmenter.IsEdgeWithoutCut(text.AsSpan(_start, _end - _start), offset))
        {
            return true;
        }

        CutThrough(position);
        return (_edges[offset >> 6] & (1UL << (offset & 63))) != 0;
    }

    /// <summary>Cuts the stretch on until the edges up to <paramref name="position"/> are known (a piece's end is an edge).</summary>
    private void CutThrough(int position)
    {
        var stretch = text.AsSpan(_start, _end - _start);
        while (_cut < position)
        {
            _words.Clear();
            _cut = _start + segmenter.CutPiece(stretch, _cut - _start, _words);
            foreach (var word in _words)
            {
                Mark(word.Start);
                Mark(word.Start + word.Length);
            }
        }
    }
}
