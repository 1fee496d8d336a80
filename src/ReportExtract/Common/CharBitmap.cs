namespace ReportExtract.Common;

/// <summary>
/// A set of UTF-16 units as one bit per unit (8 KB), searched by a plain loop. For sets of CJK and full-width
/// characters it beats <see cref="System.Buffers.SearchValues{T}"/>: that falls back to a probabilistic filter for
/// non-ASCII sets, whose false positives (digits, 、。，and every character sharing a byte with a member) are so
/// frequent in Chinese text that it checks nearly every other unit one by one anyway.
/// </summary>
internal sealed class CharBitmap
{
    private readonly ulong[] _bits = new ulong[(char.MaxValue + 1) / 64];

    /// <summary>The set of the units of <paramref name="characters"/>.</summary>
    public CharBitmap(IEnumerable<char> characters)
    {
        foreach (var c in characters)
        {
            _bits[c >> 6] |= 1UL << c;
        }
    }

    /// <summary>Whether <paramref name="c"/> is in the set.</summary>
    public bool Contains(char c) => (_bits[c >> 6] & (1UL << c)) != 0;

    /// <summary>The index of the first unit of <paramref name="text"/> in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        var bits = _bits;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((bits[c >> 6] & (1UL << c)) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the last unit of <paramref name="text"/> in the set, or -1.</summary>
    public int LastIndexOfAny(ReadOnlySpan<char> text)
    {
        var bits = _bits;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if ((bits[c >> 6] & (1UL << c)) != 0)
            {
                return i;
            }
        }

        return -1;
    }
}
