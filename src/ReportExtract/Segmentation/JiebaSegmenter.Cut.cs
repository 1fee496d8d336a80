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
}
