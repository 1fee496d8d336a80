using ReportExtract.Segmentation;

namespace ReportExtract.Metrics;

/// <summary>
/// The jieba segmenter behind the subject finder's seam. Dictionary cuts without the HMM: the subject finder asks only
/// whether a known verb or stop word stands as a word, and unknown-word guessing would cost time for nothing.
/// </summary>
internal sealed class JiebaClauseSegmenter(JiebaSegmenter segmenter) : IClauseSegmenter
{
    public int CutPiece(ReadOnlySpan<char> text, int start, List<WordToken> words) => segmenter.CutPiece(text, start, hmm: false, words);

    public bool IsEdgeWithoutCut(ReadOnlySpan<char> text, int position) => segmenter.IsEdgeWithoutHmm(text, position);

    public bool MayOpenWithVerb(ReadOnlySpan<char> clause) => segmenter.MayOpenWithTag(clause, IsVerb);

    public bool MayHoldLongVerb(ReadOnlySpan<char> clause, int from) => segmenter.MayHoldLongTag(clause, from, 2, IsVerb);

    public IReadOnlyList<ClauseWord> TaggedWords(ReadOnlySpan<char> clause)
    {
        var tokens = segmenter.Tag(clause, hmm: false);
        var words = new ClauseWord[tokens.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var tag = tokens[i].Tag;
            words[i] = new ClauseWord(tokens[i].Start, tokens[i].Length, IsVerb(tag));
        }

        return words;
    }

    /// <summary>A verb tag (v, vd, vi …) except vn, a verb used as a noun.</summary>
    private static bool IsVerb(string tag) => tag.Length > 0 && tag[0] == 'v' && tag != "vn";
}
