using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ReportExtract.Region;

/// <summary>How much a place name can be trusted on its own.</summary>
internal enum RegionNameStrength
{
    /// <summary>A full name of three or more characters (温岭市) or a province's short form (浙江).</summary>
    Strong,

    /// <summary>A short form below the province (温岭, 汕头) or a two-character full name (赵县): needs support.</summary>
    Weak,

    /// <summary>Also an everyday word (城区, 江山, 公安): counts only right after its own province or city.</summary>
    Common,
}

/// <summary>One distinct surface string and the divisions it may name.</summary>
/// <param name="Candidates">Division indices; several when the name is shared (鼓楼区).</param>
/// <param name="IsFull">True for a full name with its suffix, false for a short form.</param>
internal sealed record RegionSurface(string Text, ImmutableArray<int> Candidates, bool IsFull, RegionNameStrength Strength);

/// <summary>An occurrence of a surface: [Start, End) in UTF-16 units of the scanned text.</summary>
internal readonly record struct RegionNameMatch(int Start, int End, int Surface);

/// <summary>
/// A trie over every division name and short form, entered only where a name can start: one pass over a text finds
/// all occurrences, however large the text. Every name has at least two characters, and a bit table of the names'
/// first two characters (hashed into 32 KB, which stays in the processor's cache) turns away nearly every position of
/// running text with one lookup; the trie is walked from the few that remain. Built once; read-only afterwards, so
/// safe to share.
/// </summary>
internal sealed class RegionNameMatcher
{
    // The first-two-characters table: 2^18 bits. Its false positives only cost a walk that finds nothing.
    private const int BigramBits = 18;

    // Flattened trie: the edges of node n are _edgeChar/_edgeTarget[_edgeStart[n] .. _edgeStart[n + 1]), sorted by char.
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeTarget;
    private readonly int[] _surfaceAt;   // surface ending at this node, or −1

    // The root's edges as a table by char: a walk starts there, where a binary search over a few thousand first
    // characters would cost a dozen comparisons each (256 KB, built once).
    private readonly int[] _rootNext;

    // Bit h(a, b) is set when some name starts with the characters a b (see BigramHash).
    private readonly ulong[] _bigrams = new ulong[(1 << BigramBits) / 64];

    public RegionNameMatcher(RegionDivisions divisions)
    {
        Surfaces = BuildSurfaces(divisions);

        var children = new List<SortedDictionary<char, int>> { new() };
        var surfaceAt = new List<int> { -1 };
        for (var s = 0; s < Surfaces.Length; s++)
        {
            var text = Surfaces[s].Text;
            if (text.Length < 2)
            {
                // The bigram table assumes it; the division table has no one-character name.
                throw new InvalidDataException($"region name '{text}' is shorter than two characters");
            }

            var hash = BigramHash(text[0], text[1]);
            _bigrams[hash >> 6] |= 1UL << (int)(hash & 63);
            var node = 0;
            foreach (var c in text)
            {
                if (!children[node].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children[node].Add(c, next);
                    children.Add([]);
                    surfaceAt.Add(-1);
                }

                node = next;
            }

            surfaceAt[node] = s;
        }

        var count = children.Count;
        _edgeStart = new int[count + 1];
        var edges = 0;
        for (var n = 0; n < count; n++)
        {
            _edgeStart[n] = edges;
            edges += children[n].Count;
        }

        _edgeStart[count] = edges;
        _edgeChar = new char[edges];
        _edgeTarget = new int[edges];
        for (var n = 0; n < count; n++)
        {
            var e = _edgeStart[n];
            foreach (var (c, target) in children[n])
            {
                _edgeChar[e] = c;
                _edgeTarget[e] = target;
                e++;
            }
        }

        _surfaceAt = [.. surfaceAt];
        _rootNext = new int[char.MaxValue + 1];
        Array.Fill(_rootNext, -1);
        for (var e = _edgeStart[0]; e < _edgeStart[1]; e++)
        {
            _rootNext[_edgeChar[e]] = _edgeTarget[e];
        }
    }

    /// <summary>Every distinct name, indexed by <see cref="RegionNameMatch.Surface"/>.</summary>
    public ImmutableArray<RegionSurface> Surfaces { get; }

    /// <summary>Adds every occurrence of every surface in <paramref name="text"/> to <paramref name="into"/>, by start.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<RegionNameMatch> into)
    {
        for (var i = NextCandidate(text, 0); i >= 0; i = NextCandidate(text, i + 1))
        {
            var node = _rootNext[text[i]];
            for (var j = i + 1; node >= 0 && j < text.Length; j++)
            {
                node = Step(node, text[j]);
                if (node >= 0 && _surfaceAt[node] >= 0)
                {
                    into.Add(new RegionNameMatch(i, j + 1, _surfaceAt[node]));
                }
            }
        }
    }

    /// <summary>The first position at or after <paramref name="from"/> whose two characters may start a name, or -1.</summary>
    /// <remarks>
    /// Kept apart from the walk (and not inlined into it) so that the loop over every character of the text holds its
    /// position in a register: with the walk and its list in the same loop, the compiler kept it on the stack.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int NextCandidate(ReadOnlySpan<char> text, int from)
    {
        var bigrams = _bigrams;
        for (var i = from; i + 1 < text.Length; i++)
        {
            var hash = BigramHash(text[i], text[i + 1]);
            if ((bigrams[hash >> 6] & (1UL << (int)(hash & 63))) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the pair of characters <paramref name="a"/> <paramref name="b"/> falls in the bigram table (multiplicative hashing).</summary>
    private static uint BigramHash(char a, char b) => ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> (32 - BigramBits);

    private int Step(int node, char c)
    {
        var lo = _edgeStart[node];
        var hi = _edgeStart[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _edgeChar[mid];
            if (m == c)
            {
                return _edgeTarget[mid];
            }

            if (m < c)
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

    private static ImmutableArray<RegionSurface> BuildSurfaces(RegionDivisions divisions)
    {
        var full = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shortForms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var d in divisions.Items)
        {
            Add(full, d.Name, d.Index);
            foreach (var s in d.ShortForms)
            {
                Add(shortForms, s, d.Index);
            }
        }

        var surfaces = new List<RegionSurface>(full.Count + shortForms.Count);
        foreach (var (text, candidates) in full)
        {
            // A full name wins over the same string as someone's short form.
            surfaces.Add(Create(text, candidates, isFull: true));
        }

        foreach (var (text, candidates) in shortForms)
        {
            if (full.ContainsKey(text))
            {
                continue;
            }

            // 吉林 and 海南 are the provinces before anything else. Below that every reading stays: 朝阳 may be the
            // city in 辽宁 or the district of 北京, and only the places around it tell.
            var province = candidates.Where(i => divisions[i].Level == RegionLevel.Province).ToList();
            surfaces.Add(Create(text, province.Count > 0 ? province : candidates, isFull: false));
        }

        surfaces.Sort((a, b) => string.CompareOrdinal(a.Text, b.Text));
        return [.. surfaces];

        RegionSurface Create(string text, List<int> candidates, bool isFull)
        {
            var strength = divisions.CommonWords.Contains(text) ? RegionNameStrength.Common
                : isFull && text.Length >= 3 ? RegionNameStrength.Strong
                : !isFull && candidates.TrueForAll(i => divisions[i].Level == RegionLevel.Province) ? RegionNameStrength.Strong
                : RegionNameStrength.Weak;
            return new RegionSurface(text, [.. candidates.Distinct()], isFull, strength);
        }

        static void Add(Dictionary<string, List<int>> map, string key, int index)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(index);
        }
    }
}
