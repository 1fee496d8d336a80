using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// A handful of UTF-16 units (at most <see cref="MaxMembers"/>), looked for eight units at a time (128-bit vectors, accelerated on every platform the tool ships for) by comparing
/// them with each member: for a few common CJK characters this beats both the bitmap's unit-by-unit loop and
/// <see cref="System.Buffers.SearchValues{T}"/> (whose filter for such sets admits much of Chinese text). Immutable.
/// </summary>
internal sealed class SmallCharSet
{
    /// <summary>Most members a set takes: each costs a comparison per eight units.</summary>
    public const int MaxMembers = 12;

    private readonly Vector128<ushort>[] _members;
    private readonly CharBitmap _bitmap;

    /// <summary>The set of <paramref name="members"/>.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxMembers"/> distinct units.</exception>
    public SmallCharSet(IEnumerable<char> members)
    {
        var distinct = members.Distinct().ToArray();
        if (distinct.Length > MaxMembers)
        {
            throw new ArgumentException($"at most {MaxMembers} units, not {distinct.Length}", nameof(members));
        }

        _members = [.. distinct.Select(c => Vector128.Create((ushort)c))];
        _bitmap = new CharBitmap(distinct);
    }

    /// <summary>True when <paramref name="text"/> holds a member.</summary>
    public bool IsContainedIn(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var block = Vector128.LoadUnsafe(ref units, (nuint)i);
                var hits = Vector128<ushort>.Zero;
                foreach (var member in _members)
                {
                    hits |= Vector128.Equals(block, member);
                }

                if (hits != Vector128<ushort>.Zero)
                {
                    return true;
                }
            }
        }

        return _bitmap.IndexOfAny(text[i..]) >= 0;
    }
}
