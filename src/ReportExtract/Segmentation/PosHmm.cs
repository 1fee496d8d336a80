using System.Buffers;
using System.Runtime.CompilerServices;

namespace ReportExtract.Segmentation;

/// <summary>
/// jieba.posseg's hidden Markov model over (B/M/E/S, tag) states, with its char_state_tab constrained Viterbi.
/// States are numbered in Python's tuple order so that "larger index wins" reproduces max()'s tie-breaking;
/// the iteration order of Python's sets then cannot matter, because max() over tuples ignores order.
/// </summary>
internal sealed class PosHmm
{
    private readonly int _count;
    private readonly double[] _start;
    private readonly double[] _trans;             // dense count×count, -inf where jieba has no transition
    private readonly int[][] _successors;          // trans_p[y].keys()
    private readonly int[] _emitRow;               // char → row in the emission lists, or -1
    private readonly int[] _emitOffsets;
    private readonly ushort[] _emitStates;         // sorted per row
    private readonly double[] _emitProb;
    private readonly int[] _tabRow;                // char → row in char_state_tab, or -1
    private readonly int[] _tabOffsets;
    private readonly ushort[] _tabStates;
    private readonly ushort[] _allStates;

    public PosHmm(
        byte[] bmes, string[] stateTags, double[] start,
        ushort[] transFrom, ushort[] transTo, double[] transProb,
        char[] emitChars, int[] emitOffsets, ushort[] emitStates, double[] emitProb,
        char[] tabChars, int[] tabOffsets, ushort[] tabStates)
    {
        _count = bmes.Length;
        Bmes = bmes;
        StateTags = stateTags;
        _start = start;
        _trans = new double[_count * _count];
        Array.Fill(_trans, double.NegativeInfinity);
        var successors = new List<int>[_count];
        for (var i = 0; i < _count; i++)
        {
            successors[i] = [];
        }

        for (var i = 0; i < transFrom.Length; i++)
        {
            _trans[(transFrom[i] * _count) + transTo[i]] = transProb[i];
            successors[transFrom[i]].Add(transTo[i]);
        }

        _successors = Array.ConvertAll(successors, l => l.ToArray());
        _emitRow = RowTable(emitChars);
        _emitOffsets = emitOffsets;
        _emitStates = emitStates;
        _emitProb = emitProb;
        _tabRow = RowTable(tabChars);
        _tabOffsets = tabOffsets;
        _tabStates = tabStates;
        _allStates = Enumerable.Range(0, _count).Select(i => (ushort)i).ToArray();
    }

    /// <summary>B=0, E=1, M=2, S=3 per state.</summary>
    public byte[] Bmes { get; }

    /// <summary>The tag of each state.</summary>
    public string[] StateTags { get; }

    private static int[] RowTable(char[] chars)
    {
        var row = new int[char.MaxValue + 1];
        Array.Fill(row, -1);
        for (var i = 0; i < chars.Length; i++)
        {
            row[chars[i]] = i;
        }

        return row;
    }

    /// <summary>Replaces the emission row in <paramref name="emit"/> (by state) with that of <paramref name="c"/>.</summary>
    private int LoadEmission(char c, int previousRow, Span<double> emit)
    {
        var row = _emitRow[c];
        if (row == previousRow)
        {
            return row;
        }

        if (previousRow >= 0)
        {
            for (var i = _emitOffsets[previousRow]; i < _emitOffsets[previousRow + 1]; i++)
            {
                emit[_emitStates[i]] = WordHmm.MinFloat;
            }
        }

        if (row >= 0)
        {
            for (var i = _emitOffsets[row]; i < _emitOffsets[row + 1]; i++)
            {
                emit[_emitStates[i]] = _emitProb[i];
            }
        }

        return row;
    }

    /// <summary>Viterbi over <paramref name="obs"/>; writes the best state index of each character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Viterbi(ReadOnlySpan<char> obs, Span<int> route)
    {
        var n = obs.Length;
        var s = _count;
        var back = ArrayPool<ushort>.Shared.Rent(n * s);
        var scratch = ArrayPool<int>.Shared.Rent(5 * s);
        var v = ArrayPool<double>.Shared.Rent(3 * s);
        try
        {
            var nextV = v.AsSpan(s, s);
            var emit = v.AsSpan(2 * s, s);            // emit_p[y].get(c, MIN_FLOAT) for the current c, by state
            emit.Fill(WordHmm.MinFloat);
            var emitRow = -1;
            var mark = scratch.AsSpan(0, s);          // mark[y] == t ⇔ y may follow a state alive at t - 1
            mark.Clear();
            var current = scratch.AsSpan(s, s);       // mem_path[t - 1].keys()
            var prev = scratch.AsSpan(2 * s, s);      // those of them with any transition
            var expected = scratch.AsSpan(3 * s, s);  // the states they may move to
            var candidates = scratch.AsSpan(4 * s, s);
            var currentCount = 0;

            emitRow = LoadEmission(obs[0], emitRow, emit);
            foreach (var y in StatesOf(obs[0]))
            {
                v[y] = _start[y] + emit[y];
                current[currentCount++] = y;
            }

            for (var t = 1; t < n; t++)
            {
                var c = obs[t];
                emitRow = LoadEmission(c, emitRow, emit);
                int prevCount = 0, expectedCount = 0, candidateCount = 0;
                foreach (var x in current[..currentCount])
                {
                    var successors = _successors[x];
                    if (successors.Length == 0)
                    {
                        continue;
                    }

                    prev[prevCount++] = x;
                    foreach (var y in successors)
                    {
                        if (mark[y] != t)
                        {
                            mark[y] = t;
                            expected[expectedCount++] = y;
                        }
                    }
                }

                foreach (var y in StatesOf(c))
                {
                    if (mark[y] == t)
                    {
                        candidates[candidateCount++] = y;
                    }
                }

                if (candidateCount == 0)
                {
                    if (expectedCount > 0)
                    {
                        expected[..expectedCount].CopyTo(candidates);
                        candidateCount = expectedCount;
                    }
                    else
                    {
                        for (var y = 0; y < s; y++)
                        {
                            candidates[y] = y;
                        }

                        candidateCount = s;
                    }
                }

                if (prevCount == 0)
                {
                    // Python's max() of an empty sequence raises here; carry on from the live states instead.
                    current[..currentCount].CopyTo(prev);
                    prevCount = currentCount;
                }

                foreach (var y in candidates[..candidateCount])
                {
                    var em = emit[y];
                    var best = double.NaN;
                    var bestFrom = -1;
                    foreach (var y0 in prev[..prevCount])
                    {
                        var p = v[y0] + _trans[(y0 * s) + y] + em;
                        if (bestFrom < 0 || p > best || (p == best && y0 > bestFrom))
                        {
                            best = p;
                            bestFrom = y0;
                        }
                    }

                    nextV[y] = best;
                    back[(t * s) + y] = (ushort)bestFrom;
                }

                candidates[..candidateCount].CopyTo(current);
                currentCount = candidateCount;
                foreach (var y in current[..currentCount])
                {
                    v[y] = nextV[y];
                }
            }

            var state = -1;
            var bestP = double.NaN;
            foreach (var y in current[..currentCount])
            {
                if (state < 0 || v[y] > bestP || (v[y] == bestP && y > state))
                {
                    bestP = v[y];
                    state = y;
                }
            }

            for (var t = n - 1; t >= 0; t--)
            {
                route[t] = state;
                state = back[(t * s) + state];
            }
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(back);
            ArrayPool<int>.Shared.Return(scratch);
            ArrayPool<double>.Shared.Return(v);
        }
    }

    /// <summary>char_state_tab.get(c, all_states).</summary>
    private ReadOnlySpan<ushort> StatesOf(char c)
    {
        var row = _tabRow[c];
        return row < 0 ? _allStates : _tabStates.AsSpan(_tabOffsets[row], _tabOffsets[row + 1] - _tabOffsets[row]);
    }
}
