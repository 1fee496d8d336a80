using System.Runtime.CompilerServices;

namespace ReportExtract.Segmentation;

/// <summary>jieba-compatible segmenter over jieba's own dictionary.</summary>
/// <remarks>
/// Precise mode as jieba 0.42.1 does it: split the text into blocks of <c>re_han</c> characters, find the
/// maximum-probability route through the DAG of dictionary words, and hand runs of single characters the
/// dictionary does not know as a word to the B/M/E/S HMM. <see cref="Tag(ReadOnlySpan{char}, bool)"/>
/// follows jieba.posseg, whose blocks and unknown-word model differ. An instance is immutable: share it
/// between threads freely.
/// </remarks>
public sealed partial class JiebaSegmenter
{
    private readonly WordHmm _wordHmm;
    private readonly PosHmm _posHmm;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _forceSplit;

    internal JiebaSegmenter(PrefixLexicon lexicon, WordHmm wordHmm, PosHmm posHmm, HashSet<string>? forceSplit)
    {
        Lexicon = lexicon;
        _wordHmm = wordHmm;
        _posHmm = posHmm;
        ForceSplitWords = forceSplit;
        _forceSplit = forceSplit is { Count: > 0 } ? forceSplit.GetAlternateLookup<ReadOnlySpan<char>>() : null;
    }

    /// <summary>A segmenter over the embedded jieba dictionary (each call loads it afresh); share it between threads.</summary>
    public static JiebaSegmenter LoadEmbedded()
    {
        var (lexicon, wordHmm, posHmm) = JiebaResource.LoadEmbedded();
        return new JiebaSegmenter(lexicon, wordHmm, posHmm, null);
    }

    internal PrefixLexicon Lexicon { get; }

    internal WordHmm WordHmm => _wordHmm;

    internal PosHmm PosHmm => _posHmm;

    /// <summary>Words a user dictionary gave frequency 0: the HMM never yields them whole (finalseg's Force_Split_Words).</summary>
    internal HashSet<string>? ForceSplitWords { get; }

    /// <summary>
    /// A new segmenter whose dictionary is this one plus <paramref name="lines"/> in jieba's user dictionary
    /// format (<c>word [freq] [tag]</c>), applied in order as <c>jieba.load_userdict</c> does. This instance is unchanged.
    /// </summary>
    public JiebaSegmenter WithUserDictionary(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return JiebaUserDictionary.Apply(this, lines);
    }

    /// <summary>Cuts <paramref name="text"/> as <c>jieba.cut(text, HMM=hmm)</c> does; tokens cover the text in order.</summary>
    public IReadOnlyList<WordToken> Cut(ReadOnlySpan<char> text, bool hmm = true)
    {
        var output = new List<WordToken>((text.Length / 2) + 4);
        Cut(text, output, hmm);
        return output;
    }

    /// <summary>Like <see cref="Cut(ReadOnlySpan{char}, bool)"/>, appending to <paramref name="output"/> (no list per call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Cut(ReadOnlySpan<char> text, List<WordToken> output, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        CutCore(new PrefixLexicon.View(Lexicon), text, hmm, output);
    }

    /// <summary>Tags <paramref name="text"/> as <c>jieba.posseg.cut(text, HMM=hmm)</c> does.</summary>
    public IReadOnlyList<TaggedToken> Tag(ReadOnlySpan<char> text, bool hmm = true)
    {
        var output = new List<TaggedToken>((text.Length / 2) + 4);
        Tag(text, output, hmm);
        return output;
    }

    /// <summary>
    /// jieba's calc: for each start, the best (probability, end) over the dictionary words starting there,
    /// right to left; a tie goes to the longer word, as Python's max() over tuples does.
    /// </summary>
    /// <remarks>When <paramref name="nodes"/> is not empty it receives the chosen word's node (-1 for an unknown character).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ComputeRoute<TLexicon>(TLexicon lexicon, ReadOnlySpan<char> block, Span<double> prob, Span<int> end, Span<long> nodes = default)
        where TLexicon : struct, IPrefixLexicon
    {
        var n = block.Length;
        var keepNodes = !nodes.IsEmpty;
        prob[n] = 0;
        for (var idx = n - 1; idx >= 0; idx--)
        {
            var node = lexicon.Root;
            var best = 0.0;
            var bestEnd = -1;
            var bestNode = -1L;
            var first = -1L;
            for (var x = idx; x < n && lexicon.TryStep(ref node, block[x]); x++)
            {
                if (x == idx)
                {
                    first = node;
                }

                var weight = lexicon.Weight(node);
                if (!double.IsNaN(weight))
                {
                    var p = weight + prob[x + 1];
                    if (bestEnd < 0 || p >= best)
                    {
                        best = p;
                        bestEnd = x;
                        bestNode = node;
                    }
                }
            }

            if (bestEnd < 0)
            {
                best = lexicon.UnknownWeight + prob[idx + 1];
                bestEnd = idx;
                bestNode = first;
            }

            prob[idx] = best;
            end[idx] = bestEnd;
            if (keepNodes)
            {
                nodes[idx] = bestNode;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long FrequencyOf<TLexicon>(TLexicon lexicon, ReadOnlySpan<char> word)
        where TLexicon : struct, IPrefixLexicon
    {
        var node = lexicon.Root;
        foreach (var c in word)
        {
            if (!lexicon.TryStep(ref node, c))
            {
                return 0;
            }
        }

        return lexicon.Frequency(node);
    }
}
