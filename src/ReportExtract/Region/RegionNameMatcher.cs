using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    // Bits PairHash(a b) and SecondPairHash(a b) are set when some name starts with the characters a b: a pair is a
    // candidate when both are set (a filter of two hashes, whose false positives are rarer than one hash's).
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

            // Read from memory as the scan reads it, so both agree whatever the machine's byte order.
            var pair = MemoryMarshal.Read<uint>(MemoryMarshal.AsBytes(text.AsSpan(0, 2)));
            foreach (var hash in (ReadOnlySpan<uint>)[PairHash(pair), SecondPairHash(pair)])
            {
                _bigrams[hash >> 6] |= 1UL << (int)(hash & 63);
            }

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

    /// <summary>Adds every occurrence of every surface in <paramref name="text"/> to <paramref name="into"/>, by start, and at one start shortest first.</summary>
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
        // Each pair is read as one 32-bit unit (a in its low half, b in its high half, little-endian), without bounds
        // checks: every read stays below the last character. Two positions per round, one branch for both.
        ref var units = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        ref var bits = ref MemoryMarshal.GetArrayDataReference(_bigrams);
        var i = from;
        for (; i + 2 < text.Length; i += 2)
        {
            var pair0 = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref units, (nint)i * 2));
            var pair1 = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref units, ((nint)i * 2) + 2));
            var hash0 = PairHash(pair0);
            var hash1 = PairHash(pair1);
            var hit0 = Unsafe.Add(ref bits, hash0 >> 6) >> (int)hash0;
            var hit1 = Unsafe.Add(ref bits, hash1 >> 6) >> (int)hash1;
            if (((hit0 | hit1) & 1) != 0)
            {
                // The second bit turns away most of the first one's false positives (a walk each).
                if ((hit0 & 1) != 0 && InTable(ref bits, SecondPairHash(pair0)))
                {
                    return i;
                }

                if ((hit1 & 1) != 0 && InTable(ref bits, SecondPairHash(pair1)))
                {
                    return i + 1;
                }
            }
        }

        if (i + 1 < text.Length)
        {
            var pair = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref units, (nint)i * 2));
            if (InTable(ref bits, PairHash(pair)) && InTable(ref bits, SecondPairHash(pair)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool InTable(ref ulong bits, uint hash) => ((Unsafe.Add(ref bits, hash >> 6) >> (int)hash) & 1) != 0;

    /// <summary>
    /// Where the pair of characters a b falls in the bigram table (multiplicative hashing): <paramref name="pair"/> is
    /// the two UTF-16 units as they lie in memory (a | b &lt;&lt; 16 on a little-endian machine).
    /// </summary>
    private static uint PairHash(uint pair) => (pair * 0x9E3779B1u) >> (32 - BigramBits);

    /// <summary>The pair's second bit in the table, by an independent multiplier.</summary>
    private static uint SecondPairHash(uint pair) => (pair * 0x85EBCA77u) >> (32 - BigramBits);

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
