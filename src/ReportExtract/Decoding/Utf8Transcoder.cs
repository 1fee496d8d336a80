using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace ReportExtract.Decoding;

/// <summary>
/// Decodes valid UTF-8 into a string of its exact length, without a scratch buffer or a copy, converting a window of
/// up to twelve bytes of mixed one-, two- and three-byte characters per step with one byte shuffle (after simdutf's
/// utf8_to_utf16 by Lemire and Keiser). Which bytes end a character, as a 12-bit mask, indexes a table of
/// the shuffle that spreads the window's first characters into lanes and of the bytes they take, so a switch between
/// Han and ASCII is data, not a mispredicted branch. Four-byte characters and the tail go through .NET's decoder.
/// </summary>
internal static class Utf8Transcoder
{
    private const int Window = 12;
    private const int BlockBytes = 64;

    // Shuffles 0..63: six characters of one or two bytes into 16-bit lanes; 64..144: four of one to three bytes into
    // 32-bit lanes. A step table entry is the shuffle's number and the bytes the characters take; NoShuffle: a
    // four-byte character (or, in invalid input, a longer run) among the window's first four.
    private const int FourCharShuffles = 64;
    private const ushort NoShuffle = 0xFF;

    // By the window's 12-bit mask of character ends: the shuffle's number and the bytes the step takes, in two byte
    // tables (4 KB each) so the step's length is one load on the chain from one step to the next.
    private static readonly byte[] ShuffleOf;
    private static readonly byte[] ConsumedOf;
    private static readonly Vector128<byte>[] Shuffles = BuildSteps(out ShuffleOf, out ConsumedOf);

    /// <summary>The string <paramref name="bytes"/> decode to, or null when they are not well-formed UTF-8.</summary>
    public static string? ToStringOrNull(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8Validator.IsAccelerated)
        {
            return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }

        return Utf8Validator.TryMeasure(bytes, out var length)
            ? string.Create(length, bytes, static (text, utf8) => Transcode(utf8, text))
            : null;
    }

    /// <summary>Decodes valid UTF-8 <paramref name="utf8"/> into <paramref name="text"/>, exactly as long as its text.</summary>
    internal static void Transcode(ReadOnlySpan<byte> utf8, Span<char> text)
    {
        ref var input = ref MemoryMarshal.GetReference(utf8);
        ref var output = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var shuffleOf = ShuffleOf;
        var consumedOf = ConsumedOf;
        var shuffles = Shuffles;
        int read = 0, written = 0;

        // A block's mask says which of its bytes end a character (the next byte is not a continuation byte); windows
        // start while their twelve bits lie inside it. Each step loads 16 bytes and stores eight units.
        while (read <= utf8.Length - BlockBytes - 4 && written <= text.Length - BlockBytes - 8)
        {
            var ends = StartsOf(ref input, read) >> 1;
            var last = read + BlockBytes - Window;
            while (read < last)
            {
                var bytes = Vector128.LoadUnsafe(ref input, (nuint)read);
                if (((uint)ends & 0xFFFF) == 0xFFFF)
                {
                    // Sixteen ASCII bytes (nothing else ends a character at every byte in valid input).
                    Vector128.WidenLower(bytes).StoreUnsafe(ref output, (nuint)written);
                    Vector128.WidenUpper(bytes).StoreUnsafe(ref output, (nuint)written + 8);
                    read += 16;
                    written += 16;
                    ends >>= 16;
                    continue;
                }

                var window = (int)ends & 0xFFF;
                var shuffle = (int)shuffleOf[window];
                var consumed = (int)consumedOf[window];
                if (shuffle < FourCharShuffles)
                {
                    var lanes = Vector128.ShuffleNative(bytes, shuffles[shuffle]).AsUInt16();
                    var unit = (lanes & Vector128.Create((ushort)0x7F))
                        | Vector128.ShiftRightLogical(lanes & Vector128.Create((ushort)0x1F00), 2);
                    unit.StoreUnsafe(ref output, (nuint)written);
                    written += 6;
                }
                else if (shuffle != NoShuffle)
                {
                    var lanes = Vector128.ShuffleNative(bytes, shuffles[shuffle]).AsUInt32();
                    var unit = (lanes & Vector128.Create(0x7Fu))
                        | Vector128.ShiftRightLogical(lanes & Vector128.Create(0x3F00u), 2)
                        | Vector128.ShiftRightLogical(lanes & Vector128.Create(0x0F0000u), 4);
                    Vector128.ShuffleNative(unit.AsByte(), LowHalves).AsUInt16().StoreUnsafe(ref output, (nuint)written);
                    written += 4;
                }
                else
                {
                    consumed = DecodeOne(utf8[read..], text[written..], out var units);
                    written += units;
                }

                read += consumed;
                ends >>= consumed;
            }
        }

        var status = Utf8.ToUtf16(utf8[read..], text[written..], out var tailRead, out var tailWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done || written + tailWritten != text.Length)
        {
            throw new InvalidOperationException("the UTF-8 input was not validated");
        }
    }

    /// <summary>The low 16 bits of each 32-bit lane, packed into the low half.</summary>
    private static Vector128<byte> LowHalves => Vector128.Create((byte)0, 1, 4, 5, 8, 9, 12, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);

    /// <summary>A bit per byte of the 64 at <paramref name="at"/>: set where a character starts (not a continuation byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong StartsOf(ref byte input, int at)
    {
        var notContinuation = Vector128.Create((sbyte)-65);
        ulong mask = 0;
        for (var i = 0; i < BlockBytes; i += 16)
        {
            var block = Vector128.LoadUnsafe(ref input, (nuint)(at + i)).AsSByte();
            mask |= (ulong)Vector128.GreaterThan(block, notContinuation).ExtractMostSignificantBits() << i;
        }

        return mask;
    }

    /// <summary>One character (a four-byte one, in valid input) through .NET's decoder: bytes read, units written.</summary>
    private static int DecodeOne(ReadOnlySpan<byte> utf8, Span<char> text, out int units)
    {
        Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
        units = rune.EncodeToUtf16(text);
        return consumed;
    }

    /// <summary>
    /// The step for every 12-bit mask of character ends: six characters of one or two bytes when the window opens
    /// with them, else four of up to three bytes, else none.
    /// </summary>
    private static Vector128<byte>[] BuildSteps(out byte[] shuffleOf, out byte[] consumedOf)
    {
        var shuffles = new Vector128<byte>[FourCharShuffles + 81];
        shuffleOf = new byte[1 << Window];
        consumedOf = new byte[1 << Window];
        for (var mask = 0; mask < shuffleOf.Length; mask++)
        {
            var lengths = new List<int>();
            var start = 0;
            for (var bit = 0; bit < Window; bit++)
            {
                if ((mask >> bit & 1) != 0)
                {
                    lengths.Add(bit + 1 - start);
                    start = bit + 1;
                }
            }

            var step = NoShuffle;
            if (lengths.Count >= 6 && lengths.Take(6).All(l => l <= 2))
            {
                step = Step(lengths.Take(6), laneBytes: 2, number: lengths.Take(6).Select((l, i) => (l - 1) << i).Sum(), shuffles);
            }
            else if (lengths.Count >= 4 && lengths.Take(4).All(l => l <= 3))
            {
                var number = FourCharShuffles + lengths.Take(4).Select((l, i) => (l - 1) * (int)Math.Pow(3, i)).Sum();
                step = Step(lengths.Take(4), laneBytes: 4, number, shuffles);
            }

            (shuffleOf[mask], consumedOf[mask]) = ((byte)step, (byte)(step >> 8));
        }

        return shuffles;
    }

    /// <summary>
    /// Fills shuffle <paramref name="number"/> for characters of <paramref name="lengths"/>: each lane gets its
    /// character's last byte lowest, then the ones before it; unused bytes are zeroed (index 0xFF).
    /// </summary>
    private static ushort Step(IEnumerable<int> lengths, int laneBytes, int number, Vector128<byte>[] shuffles)
    {
        var indices = Enumerable.Repeat((byte)0xFF, 16).ToArray();
        var offset = 0;
        var lane = 0;
        foreach (var length in lengths)
        {
            for (var k = 0; k < length; k++)
            {
                indices[(lane * laneBytes) + k] = (byte)(offset + length - 1 - k);
            }

            offset += length;
            lane++;
        }

        shuffles[number] = Vector128.Create(indices);
        return (ushort)(number | (offset << 8));
    }
}
