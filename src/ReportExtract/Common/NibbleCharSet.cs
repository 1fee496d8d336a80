using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReportExtract.Common;

/// <summary>
/// A set of UTF-16 units searched 16 units at a time, for a set whose members are rare in the text searched (the
/// characters a number may start with): a vector test passes over every block of 16 units that holds no member, and
/// only the few units it lets through are looked up in the exact <see cref="CharBitmap"/>. A bitmap probe per unit, the
/// alternative, costs two loads and a branch for each of them.
/// </summary>
/// <remarks>
/// The vector test is the nibble method of Hyperscan's "shufti": a unit is split into its four nibbles, each nibble
/// picks from a 16-entry table the buckets (eight bits) that admit it, and the unit passes when one bucket admits all
/// four. A bucket admits every combination of its members' nibbles, so members that differ in few nibbles share a
/// bucket cheaply (一 七 万 三 are U+4E00, 4E03, 4E07, 4E09: one bucket, nothing else admitted). The buckets are formed by
/// merging, cheapest first, the pair that admits fewest units of running Chinese text besides members. The test never
/// turns a member away (<see cref="MayContain"/>); what it lets through is for the bitmap to decide.
/// </remarks>
internal sealed class NibbleCharSet
{
    private const int Buckets = 8;

    /// <summary>The largest group whose admitted units are counted one by one.</summary>
    private const int CountedSize = 32;

    private readonly CharBitmap _exact;
    private readonly Vector128<byte> _hiHigh;
    private readonly Vector128<byte> _hiLow;
    private readonly Vector128<byte> _loHigh;
    private readonly Vector128<byte> _loLow;

    /// <summary>The set of the units of <paramref name="characters"/>.</summary>
    public NibbleCharSet(string characters)
    {
        _exact = new CharBitmap(characters);
        var tables = new byte[4][];
        for (var t = 0; t < 4; t++)
        {
            tables[t] = new byte[16];
        }

        var bucket = 0;
        foreach (var group in Group(characters.Distinct().ToArray()))
        {
            for (var t = 0; t < 4; t++)
            {
                for (var nibble = 0; nibble < 16; nibble++)
                {
                    if ((group[t] & (1 << nibble)) != 0)
                    {
                        tables[t][nibble] |= (byte)(1 << bucket);
                    }
                }
            }

            bucket++;
        }

        (_hiHigh, _hiLow, _loHigh, _loLow) = (Vector128.Create(tables[0]), Vector128.Create(tables[1]), Vector128.Create(tables[2]), Vector128.Create(tables[3]));
    }

    /// <summary>Whether <paramref name="c"/> is in the set.</summary>
    public bool Contains(char c) => _exact.Contains(c);

    /// <summary>Whether the vector test lets <paramref name="c"/> through (true for every member).</summary>
    internal bool MayContain(char c) =>
        (_hiHigh[c >> 12] & _hiLow[(c >> 8) & 15] & _loHigh[(c >> 4) & 15] & _loLow[c & 15]) != 0;

    /// <summary>The index of the first unit of <paramref name="text"/> in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        var i = 0;
        // 128-bit vectors and their byte shuffle are accelerated on every platform the tool ships for (SSSE3 is part of
        // x86-64-v2), so the vector path is the one the tests run.
        if (Vector128.IsHardwareAccelerated)
        {
            ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; i + 16 <= text.Length; i += 16)
            {
                var candidates = Candidates(ref units, i);
                while (candidates != 0)
                {
                    var k = i + BitOperations.TrailingZeroCount(candidates);
                    if (_exact.Contains(text[k]))
                    {
                        return k;
                    }

                    candidates &= candidates - 1;
                }
            }
        }

        var rest = _exact.IndexOfAny(text[i..]);
        return rest < 0 ? -1 : i + rest;
    }

    /// <summary>A bit per unit of the 16 from <paramref name="at"/>: set where the vector test lets the unit through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal uint Candidates(ref ushort units, int at)
    {
        var first = Vector128.LoadUnsafe(ref units, (nuint)at);
        var second = Vector128.LoadUnsafe(ref units, (nuint)at + 8);
        var low = Vector128.Create((ushort)0xFF);
        var lo = Vector128.Narrow(first & low, second & low);
        var hi = Vector128.Narrow(first >>> 8, second >>> 8);
        var nibble = Vector128.Create((byte)15);
        var buckets = Vector128.ShuffleNative(_hiHigh, hi >>> 4) & Vector128.ShuffleNative(_hiLow, hi & nibble)
            & Vector128.ShuffleNative(_loHigh, lo >>> 4) & Vector128.ShuffleNative(_loLow, lo & nibble);
        return ~Vector128.Equals(buckets, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
    }

    /// <summary>
    /// The members in at most <see cref="Buckets"/> groups, each as four masks of the nibble values its members take
    /// (highest nibble first): members differing in the last nibble alone start in one group (that admits nothing else),
    /// and the pair of groups whose merge admits the fewest units of running text besides members is merged until the
    /// groups fit the buckets. The merge costs of pairs are kept and only the merged group's are counted again.
    /// </summary>
    private static List<int[]> Group(char[] members)
    {
        var isMember = new bool[char.MaxValue + 1];
        foreach (var c in members)
        {
            isMember[c] = true;
        }

        var groups = members.GroupBy(c => c >> 4).Select(g => new[] { 1 << (g.Key >> 8), 1 << ((g.Key >> 4) & 15), 1 << (g.Key & 15), g.Aggregate(0, (mask, c) => mask | (1 << (c & 15))) }).ToList();
        var alone = groups.Select(g => Admitted(g, isMember)).ToArray();
        var costs = new double[groups.Count, groups.Count];
        for (var a = 0; a < groups.Count; a++)
        {
            for (var b = a + 1; b < groups.Count; b++)
            {
                costs[a, b] = Admitted(Union(groups[a], groups[b]), isMember) - alone[a] - alone[b];
            }
        }

        var alive = Enumerable.Repeat(true, groups.Count).ToArray();
        for (var count = groups.Count; count > Buckets; count--)
        {
            var (best, bestA, bestB) = (double.MaxValue, 0, 0);
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    if (alive[a] && alive[b] && costs[a, b] < best)
                    {
                        (best, bestA, bestB) = (costs[a, b], a, b);
                    }
                }
            }

            groups[bestA] = Union(groups[bestA], groups[bestB]);
            alone[bestA] = Admitted(groups[bestA], isMember);
            alive[bestB] = false;
            for (var other = 0; other < groups.Count; other++)
            {
                if (alive[other] && other != bestA)
                {
                    costs[Math.Min(bestA, other), Math.Max(bestA, other)] = Admitted(Union(groups[bestA], groups[other]), isMember) - alone[bestA] - alone[other];
                }
            }
        }

        return [.. groups.Where((_, k) => alive[k])];
    }

    private static int[] Union(int[] a, int[] b) => [a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]];

    /// <summary>
    /// How many units of running text that are no members a group admits; past <see cref="CountedSize"/> combinations
    /// every one is counted, which keeps the grouping to about 0.4 ms and the buckets tight (fewer units let through on
    /// the benchmark's samples than with a bound of 64 or 256).
    /// </summary>
    private static double Admitted(int[] group, bool[] members)
    {
        var size = BitOperations.PopCount((uint)group[0]) * BitOperations.PopCount((uint)group[1]) * BitOperations.PopCount((uint)group[2]) * BitOperations.PopCount((uint)group[3]);
        if (size > CountedSize)
        {
            return size;
        }

        var admitted = 0;
        for (var high = group[0]; high != 0; high &= high - 1)
        {
            for (var second = group[1]; second != 0; second &= second - 1)
            {
                for (var third = group[2]; third != 0; third &= third - 1)
                {
                    for (var low = group[3]; low != 0; low &= low - 1)
                    {
                        var c = (char)((BitOperations.TrailingZeroCount(high) << 12) | (BitOperations.TrailingZeroCount(second) << 8)
                            | (BitOperations.TrailingZeroCount(third) << 4) | BitOperations.TrailingZeroCount(low));
                        admitted += !members[c] && InRunningText(c) ? 1 : 0;
                    }
                }
            }
        }

        return admitted;
    }

    /// <summary>The blocks most units of a Chinese report come from: ASCII, general and CJK punctuation, CJK ideographs,
    /// full-width forms. A bucket admitting units elsewhere costs nothing in practice.</summary>
    private static bool InRunningText(char c) =>
        c < 0x80 || c is (>= '\u2000' and < '\u2070') or (>= '\u3000' and < '\u3040') or (>= '\u4e00' and <= '\u9fff') or (>= '\uff00' and <= '\uffef');
}
