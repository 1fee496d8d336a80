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
    private readonly int[] _allStates;

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
        _allStates = Enumerable.Range(0, _count).ToArray();
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

    private double Emit(int state, char c)
    {
        var row = _emitRow[c];
        if (row < 0)
        {
            return WordHmm.MinFloat;
        }

        var i = Array.BinarySearch(_emitStates, _emitOffsets[row], _emitOffsets[row + 1] - _emitOffsets[row], (ushort)state);
        return i < 0 ? WordHmm.MinFloat : _emitProb[i];
    }

    /// <summary>Viterbi over <paramref name="obs"/>; writes the best state index of each character.</summary>
    public void Viterbi(ReadOnlySpan<char> obs, Span<int> route)
    {
        var n = obs.Length;
        var s = _count;
        var back = new ushort[n * s];
        var v = new double[s];
        var nextV = new double[s];
        var mark = new int[s];            // generation stamps: mark[y] == t + 1 ⇔ y expected at t
        var current = new List<int>(s);   // states alive at t - 1 (mem_path[t-1].keys())
        var prev = new List<int>(s);
        var expected = new List<int>(s);
        var obsStates = new List<int>(s);

        foreach (var y in StatesOf(obs[0]))
        {
            v[y] = _start[y] + Emit(y, obs[0]);
            current.Add(y);
        }

        for (var t = 1; t < n; t++)
        {
            var c = obs[t];
            prev.Clear();
            expected.Clear();
            foreach (var x in current)
            {
                if (_successors[x].Length > 0)
                {
                    prev.Add(x);
                    foreach (var y in _successors[x])
                    {
                        if (mark[y] != t)
                        {
                            mark[y] = t;
                            expected.Add(y);
                        }
                    }
                }
            }

            obsStates.Clear();
            foreach (var y in StatesOf(c))
            {
                if (mark[y] == t)
                {
                    obsStates.Add(y);
                }
            }

            IReadOnlyList<int> candidates = obsStates.Count > 0 ? obsStates : expected.Count > 0 ? expected : _allStates;
            if (prev.Count == 0)
            {
                // Python's max() of an empty sequence raises here; start afresh rather than fail.
                prev.AddRange(current);
            }

            foreach (var y in candidates)
            {
                var em = Emit(y, c);
                var best = double.NaN;
                var bestFrom = -1;
                foreach (var y0 in prev)
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

            current.Clear();
            foreach (var y in candidates)
            {
                current.Add(y);
                v[y] = nextV[y];
            }
        }

        var state = -1;
        var bestP = double.NaN;
        foreach (var y in current)
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

    private ReadOnlySpan<ushort> TabStates(int row) => _tabStates.AsSpan(_tabOffsets[row], _tabOffsets[row + 1] - _tabOffsets[row]);

    private IEnumerable<int> StatesOf(char c)
    {
        var row = _tabRow[c];
        if (row < 0)
        {
            return _allStates;
        }

        var states = new int[_tabOffsets[row + 1] - _tabOffsets[row]];
        var span = TabStates(row);
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = span[i];
        }

        return states;
    }
}
