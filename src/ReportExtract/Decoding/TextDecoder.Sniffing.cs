using System.Buffers;
using System.Text;
using ReportExtract.Common;

namespace ReportExtract.Decoding;

// How detection tells encodings apart: the byte patterns of UTF-16 and UTF-8, control bytes, and how much of a
// candidate decoding reads as common Chinese.
public sealed partial class TextDecoder
{
    /// <summary>UTF-16 without a BOM shows NULs on one side of its code units: ASCII and line ends have a zero high byte.</summary>
    private static string? Utf16ByNulPattern(ReadOnlySpan<byte> sniff)
    {
        int even = 0, odd = 0;
        for (var i = 0; i + 1 < sniff.Length; i += 2)
        {
            even += sniff[i] == 0 ? 1 : 0;
            odd += sniff[i + 1] == 0 ? 1 : 0;
        }

        var candidate = odd > 4 * even ? Utf16Le : even > 4 * odd ? Utf16Be : null;
        if (candidate is null)
        {
            return null;
        }

        var sample = (candidate == Utf16Le ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(sniff[..(sniff.Length & ~1)]);
        var texty = 0;
        foreach (var c in sample)
        {
            texty += IsTextChar(c) ? 1 : 0;
        }

        return texty >= sample.Length * 0.9 ? candidate : null;
    }

    private static bool IsTextChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\u02FF') or (>= '\u2000' and <= '\u206F')
            or (>= '\u3000' and <= '\u303F') or (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFF00' and <= '\uFFEF') or (>= '\uD800' and <= '\uDFFF');

    private static double ControlByteShare(ReadOnlySpan<byte> sniff)
    {
        // Nearly every text has none: one vectorized scan answers, the count runs only on a hit.
        var first = sniff.IndexOfAny(ControlBytes);
        if (first < 0)
        {
            return 0;
        }

        var control = 0;
        foreach (var b in sniff[first..])
        {
            control += ControlBytes.Contains(b) ? 1 : 0;
        }

        return (double)control / sniff.Length;
    }

    /// <summary>
    /// UTF-8 with a few damaged sequences is still UTF-8: GB18030 or Big5 bytes read as UTF-8 fail at nearly every
    /// non-ASCII byte and form hardly any valid multi-byte sequence. Counted on the bytes as the UTF-8 decoder reads
    /// them (one U+FFFD per maximal invalid sequence, as <see cref="Rune.DecodeFromUtf8"/> delimits it) without
    /// building the damaged string: the decoder's replacement path is slow, and GB files come this way every time.
    /// </summary>
    private static bool IsMostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var nonAscii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (nonAscii < 0)
            {
                break;
            }

            bytes = bytes[nonAscii..];
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != OperationStatus.Done || rune.Value == 0xFFFD)
            {
                // A literal U+FFFD counts as damage too, as it would in the decoded text.
                invalid++;
            }
            else
            {
                valid += rune.Utf16SequenceLength;
            }

            bytes = bytes[consumed..];

            // Decided early: the rest can add at most one UTF-16 unit of valid text per two bytes.
            if (valid + (bytes.Length / 2) < 8 * invalid)
            {
                return false;
            }
        }

        return valid >= 8 * invalid;
    }

    /// <summary>
    /// How much a decoding looks like Chinese text: the share of its Han characters that are common ones (a wrong
    /// decoding yields rare characters), less a penalty for invalid sequences and private-use characters (what
    /// unassigned byte pairs decode to).
    /// </summary>
    private double Score(ScratchDecoding decoding) => Score(decoding.Text, decoding.Invalid + decoding.PrivateUse);

    /// <summary>The score of a decoding <paramref name="text"/> with <paramref name="bad"/> invalid sequences and private-use characters.</summary>
    internal double Score(ReadOnlySpan<char> text, int bad)
    {
        var common = _commonHanzi.Value;
        int han = 0, hits = 0;
        foreach (var c in text)
        {
            // Branch-free: whether a unit is Han is as unpredictable as the text.
            var isHan = (uint)(c - '\u3400') <= '\u9FFF' - '\u3400' ? 1 : 0;
            han += isHan;
            hits += isHan & (int)(common[c >> 5] >> (c & 31));
        }

        return ((double)hits / Math.Max(han, 1)) - (3.0 * bad / Math.Max(text.Length, 1));
    }

    private static int CountPrivateUse(ReadOnlySpan<char> text)
    {
        var count = 0;
        var rest = text;
        int at;
        while ((at = rest.IndexOfAnyInRange('\uE000', '\uF8FF')) >= 0)
        {
            count++;
            rest = rest[(at + 1)..];
        }

        return count;
    }

    private static uint[] LoadCommonHanzi()
    {
        using var reader = EmbeddedData.OpenText("Decoding/common-hanzi.txt");
        var bits = new uint[65536 / 32];
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var c in line.Where(c => !char.IsWhiteSpace(c)))
            {
                bits[c >> 5] |= 1u << (c & 31);
            }
        }

        return bits;
    }
}
