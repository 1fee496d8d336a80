using System.Buffers;
using System.Runtime.CompilerServices;

namespace ReportExtract.Segmentation;

/// <summary>Part-of-speech tagging (<c>jieba.posseg.cut</c>): its own blocks, and the tagged HMM for unknown runs.</summary>
public sealed partial class JiebaSegmenter
{
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
    /// False when the first token of <c>jieba.posseg.cut(text, HMM=False)</c> surely carries no tag <paramref name="accepts"/>
    /// takes; true when it may. Read off the dictionary walk from the first character, without a route: the first token of
    /// a block is one of the words that walk meets or its first character alone (tagged as that character's node, x when
    /// the dictionary has none), or a run of single ASCII letters and digits (eng); outside a block it is x.
    /// </summary>
    internal bool MayOpenWithTag(ReadOnlySpan<char> text, Func<string, bool> accepts)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if (!JiebaCharClasses.IsTagBlock(text[0]))
        {
            return accepts("x");
        }

        if (char.IsAsciiLetterOrDigit(text[0]) && accepts("eng"))
        {
            return true;
        }

        var lexicon = Lexicon;
        var node = lexicon.Child(0, text[0]);
        if (accepts(lexicon.TagName(node)))
        {
            return true;
        }

        for (var x = 1; node >= 0 && x < text.Length && JiebaCharClasses.IsTagBlock(text[x]); x++)
        {
            node = lexicon.Child(node, text[x]);
            if (node >= 0 && lexicon.Frequency(node) > 0 && accepts(lexicon.TagName(node)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no token of <c>jieba.posseg.cut(text, HMM=False)</c> starting at or after <paramref name="from"/> and at
    /// least <paramref name="minLength"/> (2 or more) long can carry a tag <paramref name="accepts"/> takes; true when one may.
    /// Such a token is a dictionary word (or a run of ASCII letters and digits, eng, or a CRLF or surrogate pair, x): the
    /// words starting at each position are walked, only where the pair there may start one.
    /// </summary>
    internal bool MayHoldLongTag(ReadOnlySpan<char> text, int from, int minLength, Func<string, bool> accepts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 2);
        if (accepts("eng") || accepts("x"))
        {
            return true;
        }

        var lexicon = Lexicon;
        var pairs = lexicon.AdjacentPairs;
        for (var p = Math.Max(0, from); p + minLength <= text.Length; p++)
        {
            if (!JiebaCharClasses.IsTagBlock(text[p]) || !pairs.MayAdjoin(text[p], text[p + 1]))
            {
                continue;
            }

            var node = 0;
            for (var x = p; x < text.Length && JiebaCharClasses.IsTagBlock(text[x]); x++)
            {
                node = lexicon.Child(node, text[x]);
                if (node < 0)
                {
                    break;
                }

                if (x + 1 - p >= minLength && lexicon.Frequency(node) > 0 && accepts(lexicon.TagName(node)))
                {
                    return true;
                }
            }
        }

        return false;
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
