using System.Buffers;
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
public sealed class JiebaSegmenter
{
    private static readonly Lazy<JiebaSegmenter> LazyDefault = new(CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

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

    /// <summary>The segmenter over the embedded jieba dictionary, loaded once on first use.</summary>
    public static JiebaSegmenter Default => LazyDefault.Value;

    internal PrefixLexicon Lexicon { get; }

    internal WordHmm WordHmm => _wordHmm;

    internal PosHmm PosHmm => _posHmm;

    /// <summary>Words a user dictionary gave frequency 0: the HMM never yields them whole (finalseg's Force_Split_Words).</summary>
    internal HashSet<string>? ForceSplitWords { get; }

    private static JiebaSegmenter CreateDefault()
    {
        var (lexicon, wordHmm, posHmm) = JiebaResource.LoadEmbedded();
        return new JiebaSegmenter(lexicon, wordHmm, posHmm, null);
    }

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

    /// <summary>Like <see cref="Tag(ReadOnlySpan{char}, bool)"/>, appending to <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tag(ReadOnlySpan<char> text, List<TaggedToken> output, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var prob = ArrayPool<double>.Shared.Rent(text.Length + 1);
        var end = ArrayPool<int>.Shared.Rent(text.Length + 1);
        var nodes = ArrayPool<long>.Shared.Rent(text.Length + 1);
        try
        {
            var i = 0;
            while (i < text.Length)
            {
                if (JiebaCharClasses.IsTagBlock(text[i]))
                {
                    var j = i + 1;
                    while (j < text.Length && JiebaCharClasses.IsTagBlock(text[j]))
                    {
                        j++;
                    }

                    TagBlock(text, i, j, hmm, prob, end, nodes, output);
                    i = j;
                }
                else
                {
                    // posseg tags everything outside its blocks (whitespace, punctuation) as x.
                    var length = JiebaCharClasses.OutsideTokenLength(text, i);
                    output.Add(new TaggedToken(i, length, "x"));
                    i += length;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(prob);
            ArrayPool<int>.Shared.Return(end);
            ArrayPool<long>.Shared.Return(nodes);
        }
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void CutCore<TLexicon>(TLexicon lexicon, ReadOnlySpan<char> text, bool hmm, List<WordToken> output)
        where TLexicon : struct, IPrefixLexicon
    {
        var prob = ArrayPool<double>.Shared.Rent(text.Length + 1);
        var end = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            var i = 0;
            while (i < text.Length)
            {
                if (JiebaCharClasses.IsCutBlock(text[i]))
                {
                    var j = i + 1;
                    while (j < text.Length && JiebaCharClasses.IsCutBlock(text[j]))
                    {
                        j++;
                    }

                    CutBlock(lexicon, text, i, j, hmm, prob, end, output);
                    i = j;
                }
                else
                {
                    var length = JiebaCharClasses.OutsideTokenLength(text, i);
                    output.Add(new WordToken(i, length));
                    i += length;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(prob);
            ArrayPool<int>.Shared.Return(end);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CutBlock<TLexicon>(
        TLexicon lexicon, ReadOnlySpan<char> text, int start, int stop, bool hmm, double[] prob, int[] end, List<WordToken> output)
        where TLexicon : struct, IPrefixLexicon
    {
        var block = text[start..stop];
        ComputeRoute(lexicon, block, prob, end);
        var n = block.Length;
        var x = 0;
        var buf = -1;
        if (!hmm)
        {
            // __cut_DAG_NO_HMM: consecutive single ASCII letters or digits join into one token.
            while (x < n)
            {
                var y = end[x] + 1;
                if (y - x == 1 && char.IsAsciiLetterOrDigit(block[x]))
                {
                    if (buf < 0)
                    {
                        buf = x;
                    }
                }
                else
                {
                    if (buf >= 0)
                    {
                        output.Add(new WordToken(start + buf, x - buf));
                        buf = -1;
                    }

                    output.Add(new WordToken(start + x, y - x));
                }

                x = y;
            }

            if (buf >= 0)
            {
                output.Add(new WordToken(start + buf, n - buf));
            }

            return;
        }

        // __cut_DAG: runs of single characters go to the HMM unless the run itself is a dictionary word.
        while (x < n)
        {
            var y = end[x] + 1;
            if (y - x == 1)
            {
                if (buf < 0)
                {
                    buf = x;
                }
            }
            else
            {
                if (buf >= 0)
                {
                    FlushSingles(lexicon, text, start + buf, start + x, output);
                    buf = -1;
                }

                output.Add(new WordToken(start + x, y - x));
            }

            x = y;
        }

        if (buf >= 0)
        {
            FlushSingles(lexicon, text, start + buf, start + n, output);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushSingles<TLexicon>(TLexicon lexicon, ReadOnlySpan<char> text, int start, int stop, List<WordToken> output)
        where TLexicon : struct, IPrefixLexicon
    {
        if (stop - start == 1)
        {
            output.Add(new WordToken(start, 1));
        }
        else if (FrequencyOf(lexicon, text[start..stop]) == 0)
        {
            CutUnknown(text, start, stop, output);
        }
        else
        {
            for (var k = start; k < stop; k++)
            {
                output.Add(new WordToken(k, 1));
            }
        }
    }

    /// <summary>finalseg.cut: Han runs through the HMM; other runs split as its re_skip does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CutUnknown(ReadOnlySpan<char> text, int start, int stop, List<WordToken> output)
    {
        var i = start;
        while (i < stop)
        {
            var j = i + 1;
            if (JiebaCharClasses.IsHan(text[i]))
            {
                while (j < stop && JiebaCharClasses.IsHan(text[j]))
                {
                    j++;
                }

                CutHan(text, i, j, output);
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                // re_skip: [a-zA-Z0-9]+(?:\.\d+)?%?
                while (j < stop && char.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }

                if (j + 1 < stop && text[j] == '.' && char.IsAsciiDigit(text[j + 1]))
                {
                    j += 2;
                    while (j < stop && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }
                }

                if (j < stop && text[j] == '%')
                {
                    j++;
                }

                output.Add(new WordToken(i, j - i));
            }
            else
            {
                // What lies between re_skip matches is yielded whole.
                while (j < stop && !JiebaCharClasses.IsHan(text[j]) && !char.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }

                output.Add(new WordToken(i, j - i));
            }

            i = j;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CutHan(ReadOnlySpan<char> text, int start, int stop, List<WordToken> output)
    {
        var n = stop - start;
        var rented = n > 256 ? ArrayPool<byte>.Shared.Rent(n) : null;
        var states = rented is null ? stackalloc byte[n] : rented.AsSpan(0, n);
        try
        {
            _wordHmm.Viterbi(text[start..stop], states);
            var begin = 0;
            var next = 0;
            for (var k = 0; k < n; k++)
            {
                switch (states[k])
                {
                    case WordHmm.B:
                        begin = k;
                        break;
                    case WordHmm.E:
                        AddHmmWord(text, start + begin, k + 1 - begin, output);
                        next = k + 1;
                        break;
                    case WordHmm.S:
                        AddHmmWord(text, start + k, 1, output);
                        next = k + 1;
                        break;
                    default:
                        break;
                }
            }

            if (next < n)
            {
                AddHmmWord(text, start + next, n - next, output);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddHmmWord(ReadOnlySpan<char> text, int start, int length, List<WordToken> output)
    {
        if (_forceSplit is { } forceSplit && forceSplit.Contains(text.Slice(start, length)))
        {
            for (var k = 0; k < length; k++)
            {
                output.Add(new WordToken(start + k, 1));
            }

            return;
        }

        output.Add(new WordToken(start, length));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TagBlock(
        ReadOnlySpan<char> text, int start, int stop, bool hmm, double[] prob, int[] end, long[] nodes, List<TaggedToken> output)
    {
        var block = text[start..stop];
        ComputeRoute(new PrefixLexicon.View(Lexicon), block, prob, end, nodes);
        var n = block.Length;
        var x = 0;
        var buf = -1;
        while (x < n)
        {
            var y = end[x] + 1;
            var single = y - x == 1;
            if (hmm ? single : single && char.IsAsciiLetterOrDigit(block[x]))
            {
                if (buf < 0)
                {
                    buf = x;
                }
            }
            else
            {
                if (buf >= 0)
                {
                    if (hmm)
                    {
                        TagSingles(text, start + buf, start + x, output);
                    }
                    else
                    {
                        output.Add(new TaggedToken(start + buf, x - buf, "eng"));
                    }

                    buf = -1;
                }

                output.Add(new TaggedToken(start + x, y - x, Lexicon.TagName((int)nodes[x])));
            }

            x = y;
        }

        if (buf >= 0)
        {
            if (hmm)
            {
                TagSingles(text, start + buf, start + n, output);
            }
            else
            {
                output.Add(new TaggedToken(start + buf, n - buf, "eng"));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TagSingles(ReadOnlySpan<char> text, int start, int stop, List<TaggedToken> output)
    {
        if (stop - start > 1 && Lexicon.FrequencyOf(text[start..stop]) == 0)
        {
            TagUnknown(text, start, stop, output);
            return;
        }

        for (var k = start; k < stop; k++)
        {
            output.Add(new TaggedToken(k, 1, Lexicon.TagOf(text.Slice(k, 1))));
        }
    }

    /// <summary>posseg's __cut_detail: Han runs through the tagging HMM, numbers as m, Latin as eng, the rest x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TagUnknown(ReadOnlySpan<char> text, int start, int stop, List<TaggedToken> output)
    {
        var i = start;
        while (i < stop)
        {
            var c = text[i];
            var j = i + 1;
            if (JiebaCharClasses.IsHan(c))
            {
                while (j < stop && JiebaCharClasses.IsHan(text[j]))
                {
                    j++;
                }

                TagHan(text, i, j, output);
            }
            else if (c == '.' || char.IsAsciiDigit(c))
            {
                // re_skip_detail's first branch, [\.0-9]+
                while (j < stop && (text[j] == '.' || char.IsAsciiDigit(text[j])))
                {
                    j++;
                }

                output.Add(new TaggedToken(i, j - i, "m"));
            }
            else if (char.IsAsciiLetter(c))
            {
                while (j < stop && char.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }

                output.Add(new TaggedToken(i, j - i, "eng"));
            }
            else
            {
                while (j < stop && !JiebaCharClasses.IsHan(text[j]) && text[j] != '.' && !char.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }

                output.Add(new TaggedToken(i, j - i, "x"));
            }

            i = j;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TagHan(ReadOnlySpan<char> text, int start, int stop, List<TaggedToken> output)
    {
        var n = stop - start;
        var route = n <= 256 ? stackalloc int[n] : new int[n];
        _posHmm.Viterbi(text[start..stop], route);
        var bmes = _posHmm.Bmes;
        var tags = _posHmm.StateTags;
        var begin = 0;
        var next = 0;
        for (var k = 0; k < n; k++)
        {
            var state = route[k];
            switch (bmes[state])
            {
                case WordHmm.B:
                    begin = k;
                    break;
                case WordHmm.E:
                    output.Add(new TaggedToken(start + begin, k + 1 - begin, tags[state]));
                    next = k + 1;
                    break;
                case WordHmm.S:
                    output.Add(new TaggedToken(start + k, 1, tags[state]));
                    next = k + 1;
                    break;
                default:
                    break;
            }
        }

        if (next < n)
        {
            output.Add(new TaggedToken(start + next, n - next, tags[route[next]]));
        }
    }
}
