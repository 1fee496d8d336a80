using ReportExtract.Segmentation;

namespace ReportExtract.Metrics;

/// <summary>The jieba segmenter behind the subject finder's seam: words and tags of one short clause.</summary>
internal sealed class JiebaClauseTagger(JiebaSegmenter segmenter) : IClauseTagger
{
    /// <summary>The tagger over the default jieba dictionary.</summary>
    public static JiebaClauseTagger Default { get; } = new(JiebaSegmenter.Default);

    public IReadOnlyList<ClauseWord> Tag(ReadOnlySpan<char> clause)
    {
        var tokens = segmenter.Tag(clause);
        var words = new ClauseWord[tokens.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = new ClauseWord(tokens[i].Start, tokens[i].Length, tokens[i].Tag);
        }

        return words;
    }
}
