using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReportExtract.Decoding;

/// <summary>
/// Validates UTF-8 sixteen bytes at a time and measures its UTF-16 length, so the text can be written straight into
/// a string of that length (<see cref="Utf8Transcoder"/>). Validation is the lookup-table method of Keiser and Lemire
/// ("Validating UTF-8 in less than one instruction per byte", 2021): each byte and the byte before it are classified
/// by three 16-entry tables of error bits, nibble by nibble, with no branch per byte, so report text (runs of Han
/// characters, three bytes each, broken by one or two ASCII digits) costs the same as pure text of either kind.
/// </summary>
internal static class Utf8Validator
{
    // Error bits: a pair of bytes (the one before, this one) is wrong when all three tables agree on a bit.
    private const byte TooShort = 1 << 0;   // a lead or ASCII byte where a continuation byte must follow a lead
    private const byte TooLong = 1 << 1;    // a continuation byte after ASCII
    private const byte Overlong3 = 1 << 2;  // E0 80..9F
    private const byte TooLarge = 1 << 3;   // F4 90..BF and F5..FF leads: above U+10FFFF
    private const byte Surrogate = 1 << 4;  // ED A0..BF: U+D800..DFFF
    private const byte Overlong2 = 1 << 5;  // C0, C1
    private const byte TooLarge1000 = 1 << 6; // F5..FF 80..8F
    private const byte Overlong4 = 1 << 6;  // F0 80..8F
    private const byte TwoConts = 1 << 7;   // two continuation bytes: right only as the third or fourth of a sequence
    private const byte Carry = TooShort | TooLong | TwoConts;

    /// <summary>The error bits of the byte before, by its high nibble.</summary>
    private static Vector128<byte> FirstHigh => Vector128.Create(
        TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
        TwoConts, TwoConts, TwoConts, TwoConts,
        TooShort | Overlong2,
        TooShort,
        TooShort | Overlong3 | Surrogate,
        TooShort | TooLarge | TooLarge1000 | Overlong4);

    /// <summary>The error bits of the byte before, by its low nibble.</summary>
    private static Vector128<byte> FirstLow => Vector128.Create(
        Carry | Overlong3 | Overlong2 | Overlong4,
        Carry | Overlong2,
        Carry,
        Carry,
        Carry | TooLarge,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000 | Surrogate,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000);

    /// <summary>The error bits of this byte, by its high nibble.</summary>
    private static Vector128<byte> SecondHigh => Vector128.Create(
        TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
        TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge1000 | Overlong4,
        TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge,
        TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,
        TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,
        TooShort, TooShort, TooShort, TooShort);

    /// <summary>Whether the vector code runs here (128-bit vectors with a byte shuffle); otherwise callers use .NET's decoder.</summary>
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    /// <summary>
    /// True when <paramref name="bytes"/> are well-formed UTF-8, with the number of UTF-16 units they decode to:
    /// one per byte that is not a continuation byte, two for a four-byte sequence. Requires <see cref="IsAccelerated"/>.
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> bytes, out int utf16Length)
    {
        utf16Length = 0;
        var length = bytes.Length;
        ref var start = ref MemoryMarshal.GetReference(bytes);

        // The first block sees three zero (ASCII) bytes before the input, the last one zeros after it: a sequence cut
        // off by the end fails as one cut off by ASCII would.
        Span<byte> edge = stackalloc byte[3 + 16];
        edge.Clear();
        var head = Math.Min(length, 16);
        bytes[..head].CopyTo(edge[3..]);
        ref var edgeStart = ref MemoryMarshal.GetReference(edge);
        var units = 0L;
        if (!Block(ref edgeStart, 3, head, ref units))
        {
            return false;
        }

        var i = 16;
        for (; i <= length - 16; i += 16)
        {
            if (!Block(ref start, i, 16, ref units))
            {
                return false;
            }
        }

        if (length > 16)
        {
            // The tail (possibly empty) after the three bytes before it.
            edge.Clear();
            bytes[(i - 3)..].CopyTo(edge);
            if (!Block(ref edgeStart, 3, length - i, ref units))
            {
                return false;
            }
        }
        else if (length == 16 && !Block(ref EndOfInput(bytes, edge), 3, 0, ref units))
        {
            // A 16-byte input's last bytes are checked against the zeros after it.
            return false;
        }

        utf16Length = checked((int)units);
        return true;
    }

    private static ref byte EndOfInput(ReadOnlySpan<byte> bytes, Span<byte> edge)
    {
        edge.Clear();
        bytes[^3..].CopyTo(edge);
        return ref MemoryMarshal.GetReference(edge);
    }

    /// <summary>
    /// Checks the 16 bytes at <paramref name="at"/> (the three before it readable) and adds the UTF-16 units of
    /// the first <paramref name="count"/> of them to <paramref name="units"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Block(ref byte data, int at, int count, ref long units)
    {
        var input = Vector128.LoadUnsafe(ref data, (nuint)at);
        var prev1 = Vector128.LoadUnsafe(ref data, (nuint)(at - 1));
        var low = Vector128.Create((byte)0x0F);
        var special = Vector128.ShuffleNative(FirstHigh, Vector128.ShiftRightLogical(prev1, 4))
            & Vector128.ShuffleNative(FirstLow, prev1 & low)
            & Vector128.ShuffleNative(SecondHigh, Vector128.ShiftRightLogical(input, 4));

        // The third byte of a three- or four-byte sequence and the fourth of a four-byte one must be continuations
        // (TwoConts, bit 7, set) and only they may: what the pair tables cannot see.
        var prev2 = Vector128.LoadUnsafe(ref data, (nuint)(at - 2));
        var prev3 = Vector128.LoadUnsafe(ref data, (nuint)(at - 3));
        var mustContinue = (Vector128.GreaterThanOrEqual(prev2, Vector128.Create((byte)0xE0))
            | Vector128.GreaterThanOrEqual(prev3, Vector128.Create((byte)0xF0))) & Vector128.Create((byte)0x80);
        if ((special ^ mustContinue) != Vector128<byte>.Zero)
        {
            return false;
        }

        // Continuation bytes are 80..BF, below -64 as signed bytes; F0..F4 lead a sequence of two UTF-16 units.
        var kept = (1u << count) - 1;
        var starts = Vector128.GreaterThan(input.AsSByte(), Vector128.Create((sbyte)-65)).ExtractMostSignificantBits();
        var fourByte = Vector128.GreaterThanOrEqual(input, Vector128.Create((byte)0xF0)).ExtractMostSignificantBits();
        units += BitOperations.PopCount(starts & kept) + BitOperations.PopCount(fourByte & kept);
        return true;
    }
}
