using System.Runtime.CompilerServices;

namespace ReportExtract.Segmentation;

/// <summary>What the route search needs from a dictionary: walking prefixes and weighing words.</summary>
internal interface IPrefixLexicon
{
    /// <summary>The handle of the empty prefix.</summary>
    long Root { get; }

    /// <summary>Extends the prefix <paramref name="node"/> by <paramref name="c"/>; false when no word starts so.</summary>
    bool TryStep(ref long node, char c);

    /// <summary>The word's frequency; 0 for a prefix that is no word (jieba's FREQ value 0).</summary>
    long Frequency(long node);

    /// <summary><c>log(freq) - log(total)</c>, exactly as jieba computes it; NaN when the node is no word (frequency 0).</summary>
    double Weight(long node);

    /// <summary><c>log(1) - log(total)</c>: the weight of a single character that is no word.</summary>
    double UnknownWeight { get; }
}

/// <summary>
/// jieba's prefix dictionary (FREQ) as a read-only trie in breadth-first order: the children of a node are
/// one label-sorted range, so a lookup is a binary search in flat arrays, and the trie loads without parsing.
/// </summary>
internal sealed class PrefixLexicon
{
    private readonly char[] _labels;
    private readonly int[] _firstChild;
    private readonly int[] _frequency;
    private readonly byte[] _tag;
    private readonly double[] _weight;
    private readonly int[] _rootChild;

    // Built by the first cut that asks for it: a process that never finds subjects does not pay for it.
    private AdjacentPairFilter? _adjacentPairs;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PrefixLexicon(char[] labels, int[] firstChild, int[] frequency, byte[] tag, string[] tagNames, long total)
    {
        _labels = labels;
        _firstChild = firstChild;
        _frequency = frequency;
        _tag = tag;
        TagNames = tagNames;
        Total = total;
        var logTotal = Math.Log(total);
        UnknownWeight = 0.0 - logTotal;
        _weight = new double[frequency.Length];
        for (var i = 0; i < frequency.Length; i++)
        {
            // Same operands and order as jieba's calc: log(freq) - logtotal, added to the route later.
            // NaN marks a prefix that is no word, so the route needs one array read per step.
            _weight[i] = frequency[i] > 0 ? Math.Log(frequency[i]) - logTotal : double.NaN;
        }

        // The root has thousands of children: a direct table beats a binary search on every character.
        _rootChild = new int[char.MaxValue + 1];
        Array.Fill(_rootChild, -1);
        for (var n = firstChild[0]; n < firstChild[1]; n++)
        {
            _rootChild[labels[n]] = n;
        }
    }

    public int NodeCount => _labels.Length;

    /// <summary>Sum of all dictionary frequencies (jieba's total).</summary>
    public long Total { get; }

    public double UnknownWeight { get; }

    /// <summary>Tag names; a node's tag byte is an index + 1 (0 = untagged).</summary>
    public string[] TagNames { get; }

    /// <summary>Which pairs of characters stand side by side inside a word of this dictionary (built on first use).</summary>
    public AdjacentPairFilter AdjacentPairs => _adjacentPairs ?? BuildAdjacentPairs();

    // Outside the property: a lambda capturing this would be a new delegate on every read.
    private AdjacentPairFilter BuildAdjacentPairs()
    {
        var built = new AdjacentPairFilter(this);
        return Interlocked.CompareExchange(ref _adjacentPairs, built, null) ?? built;
    }

    public char Label(int node) => _labels[node];

    public int FirstChild(int node) => _firstChild[node];

    public int ChildEnd(int node) => _firstChild[node + 1];

    public int Frequency(int node) => _frequency[node];

    public double Weight(int node) => _weight[node];

    public byte TagIndex(int node) => _tag[node];

    /// <summary>The child of <paramref name="node"/> labelled <paramref name="c"/>, or -1.</summary>
    /// <remarks>Called for every step of every route: optimized from the first call, never tier-0 code.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public int Child(int node, char c)
    {
        if (node == 0)
        {
            return _rootChild[c];
        }

        var lo = _firstChild[node];
        var hi = _firstChild[node + 1] - 1;
        var labels = _labels;
        if (hi - lo < 8)
        {
            // Most nodes have a few children: a scan beats the branches of a binary search.
            for (var i = lo; i <= hi; i++)
            {
                if (labels[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var l = labels[mid];
            if (l == c)
            {
                return mid;
            }

            if (l < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>The node of <paramref name="word"/> (a word or a prefix), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> word)
    {
        var node = 0;
        foreach (var c in word)
        {
            node = Child(node, c);
            if (node < 0)
            {
                return -1;
            }
        }

        return node;
    }

    /// <summary>jieba's <c>FREQ.get(word)</c>, 0 when absent.</summary>
    public int FrequencyOf(ReadOnlySpan<char> word)
    {
        var node = Find(word);
        return node < 0 ? 0 : _frequency[node];
    }

    /// <summary>posseg's <c>word_tag_tab.get(word, 'x')</c>.</summary>
    public string TagOf(ReadOnlySpan<char> word) => TagName(Find(word));

    /// <summary>The tag of <paramref name="node"/>, or x when it has none (or for -1).</summary>
    public string TagName(int node)
    {
        var tag = node < 0 ? 0 : _tag[node];
        return tag == 0 ? "x" : TagNames[tag - 1];
    }

    /// <summary>The lexicon as the route search sees it; a struct so that the search is specialized for it.</summary>
    public readonly struct View(PrefixLexicon lexicon) : IPrefixLexicon
    {
        public long Root => 0;

        public double UnknownWeight => lexicon.UnknownWeight;

        public bool TryStep(ref long node, char c)
        {
            var next = lexicon.Child((int)node, c);
            node = next;
            return next >= 0;
        }

        public long Frequency(long node) => lexicon._frequency[(int)node];

        public double Weight(long node) => lexicon._weight[(int)node];
    }
}
