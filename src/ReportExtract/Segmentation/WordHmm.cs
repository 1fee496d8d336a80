using System.Runtime.CompilerServices;

namespace ReportExtract.Segmentation;

/// <summary>
/// jieba.finalseg: the B/M/E/S hidden Markov model that cuts runs of characters the dictionary does not join.
/// States are numbered B=0, E=1, M=2, S=3 (Python's string order), so "larger index wins" breaks ties as
/// Python's max() over (probability, state) tuples does.
/// </summary>
internal sealed class WordHmm
{
    public const byte B = 0;
    public const byte E = 1;
    public const byte M = 2;
    public const byte S = 3;

    /// <summary>jieba's MIN_FLOAT, the log probability of anything unseen.</summary>
    public const double MinFloat = -3.14e100;

    // PrevStatus of finalseg, in its written order.
    private static readonly byte[][] Previous = [[E, S], [B, M], [M, B], [S, E]];

    private readonly double[] _start;
    private readonly double[] _trans;
    private readonly double[] _emit;
    private readonly int[] _row;

    public WordHmm(double[] start, double[] trans, char[] chars, double[] emit)
    {
        _start = start;
        _trans = trans;
        _emit = emit;
        _row = new int[char.MaxValue + 1];
        Array.Fill(_row, -1);
        for (var i = 0; i < chars.Length; i++)
        {
            _row[chars[i]] = i;
        }
    }

    private double Emit(int state, char c)
    {
        var row = _row[c];
        return row < 0 ? MinFloat : _emit[(row * 4) + state];
    }

    /// <summary>Viterbi over <paramref name="obs"/>; writes the best state of each character to <paramref name="states"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Viterbi(ReadOnlySpan<char> obs, Span<byte> states)
    {
        var n = obs.Length;
        var back = n <= 256 ? stackalloc byte[n * 4] : new byte[n * 4];
        Span<double> v = stackalloc double[4];
        Span<double> next = stackalloc double[4];
        for (var y = 0; y < 4; y++)
        {
            v[y] = _start[y] + Emit(y, obs[0]);
        }

        for (var t = 1; t < n; t++)
        {
            var c = obs[t];
            for (var y = 0; y < 4; y++)
            {
                var em = Emit(y, c);
                var prev = Previous[y];
                int y0a = prev[0], y0b = prev[1];
                var pa = v[y0a] + _trans[(y0a * 4) + y] + em;
                var pb = v[y0b] + _trans[(y0b * 4) + y] + em;
                var takeB = pb > pa || (pb == pa && y0b > y0a);
                next[y] = takeB ? pb : pa;
                back[(t * 4) + y] = (byte)(takeB ? y0b : y0a);
            }

            next.CopyTo(v);
        }

        // The last character ends a word: E or S, S winning a tie.
        var state = v[S] >= v[E] ? S : E;
        for (var t = n - 1; t >= 0; t--)
        {
            states[t] = state;
            state = back[(t * 4) + state];
        }
    }
}
