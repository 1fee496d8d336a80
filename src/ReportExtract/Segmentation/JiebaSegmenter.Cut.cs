using System.Buffers;
using System.Runtime.CompilerServices;

namespace ReportExtract.Segmentation;

/// <summary>Precise mode (<c>jieba.cut</c>): the dictionary route through each block, the HMM for unknown runs.</summary>
public sealed partial class JiebaSegmenter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void CutCore<TLexicon>(TLexicon lexicon, ReadOnlySpan<char> text, bool hmm, List<WordToken> output)
        where TLexicon : struct, IPrefixLexicon
    {
        var i = 0;
        while (i < text.Length)
        {
            i = CutPiece(lexicon, text, i, hmm, output);
        }
    }

    /// <summary>
    /// Cuts the piece of <paramref name="text"/> that starts at <paramref name="start"/> (a block of word characters, or
    /// one token between blocks) and returns where it ends. jieba cuts each piece on its own, so a text cut piece by
    /// piece, as far as a caller needs, has the words of the text cut whole.
    /// </summary>
    internal int CutPiece(ReadOnlySpan<char> text, int start, bool hmm, List<WordToken> output) =>
        CutPiece(new PrefixLexicon.View(Lexicon), text, start, hmm, output);

    /// <summary>
    /// True when <paramref name="position"/> is an edge of the words of <paramref name="text"/> cut without the HMM, known
    /// without cutting; false when only the cut can tell. A piece's ends are edges; inside a block, a position that no
    /// dictionary word spans is an edge of every route through it (a route's steps are dictionary words or single
    /// characters), and stays one unless two single ASCII letters or digits around it join into one token. Which
    /// words span it is read from the few characters before it, not from a route through the whole block.
    /// </summary>
    internal bool IsEdgeWithoutHmm(ReadOnlySpan<char> text, int position)
    {
        if (position <= 0 || position >= text.Length)
        {
            return position == 0 || position == text.Length;
        }

        var left = text[position - 1];
        var right = text[position];
        var leftInBlock = JiebaCharClasses.IsCutBlock(left);
        if (leftInBlock != JiebaCharClasses.IsCutBlock(right))
        {
            // A block ends or starts here: a token outside blocks (one code point or a CRLF) never holds a block character.
            return true;
        }

        return leftInBlock && !(char.IsAsciiLetterOrDigit(left) && char.IsAsciiLetterOrDigit(right)) && NoWordSpans(text, position);
    }

    /// <summary>True when no dictionary word of the block around <paramref name="position"/> starts before it and ends after it.</summary>
    private bool NoWordSpans(ReadOnlySpan<char> text, int position)
    {
        // A spanning word holds every pair of characters from its start to the one after the position, so it starts
        // after the nearest pair that no word holds (most often the pair at the position itself: no walk at all).
        var pairs = Lexicon.AdjacentPairs;
        var first = position;
        while (first > 0 && JiebaCharClasses.IsCutBlock(text[first - 1]) && pairs.MayAdjoin(text[first - 1], text[first]))
        {
            first--;
        }

        // From each start left, the route's own walk: a word (a node with a weight) reaching past the position spans it.
        var lexicon = Lexicon;
        for (var start = first; start < position; start++)
        {
            var node = 0;
            for (var x = start; x < text.Length && JiebaCharClasses.IsCutBlock(text[x]); x++)
            {
                node = lexicon.Child(node, text[x]);
                if (node < 0)
                {
                    break;
                }

                if (x >= position && !double.IsNaN(lexicon.Weight(node)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CutPiece<TLexicon>(TLexicon lexicon, ReadOnlySpan<char> text, int start, bool hmm, List<WordToken> output)
        where TLexicon : struct, IPrefixLexicon
    {
        if (!JiebaCharClasses.IsCutBlock(text[start]))
        {
            var length = JiebaCharClasses.OutsideTokenLength(text, start);
            output.Add(new WordToken(start, length));
            return start + length;
        }

        var stop = start + 1;
        while (stop < text.Length && JiebaCharClasses.IsCutBlock(text[stop]))
        {
            stop++;
        }

        var prob = ArrayPool<double>.Shared.Rent(stop - start + 1);
        var end = ArrayPool<int>.Shared.Rent(stop - start + 1);
        try
        {
            CutBlock(lexicon, text, start, stop, hmm, prob, end, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(prob);
            ArrayPool<int>.Shared.Return(end);
        }

        return stop;
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
}
