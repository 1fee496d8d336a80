using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// Folds width and layout variants to the plain forms later stages match: full-width digits, Latin letters and
/// ％ ＋ － ． to ASCII, U+3000 and other odd spaces to a space, CRLF and CR to LF; zero-width characters and
/// stray BOMs go. Chinese punctuation (，。、：；（）“”《》〔〕) stays as written.
/// </summary>
public sealed class WidthNormalizer
{
    // A bitmap, not SearchValues: see CharBitmap (digits and Chinese punctuation are false positives of the latter).
    private static readonly CharBitmap Special = new(
        "\r\u00A0\u00AD\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D\u200E\u200F" +
        "\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uFE62\uFF05\uFF0B\uFF0D\uFF0E" +
        "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ");

    /// <summary>Whether <paramref name="c"/> is a unit this stage rewrites or drops (every other unit it keeps).</summary>
    internal static bool Folds(char c) => Special.Contains(c);

    /// <summary>The index of the first unit of <paramref name="text"/> this stage rewrites or drops, or -1.</summary>
    /// <remarks>
    /// Eight units at a time (128-bit vectors: accelerated on every platform the tool ships for, AOT builds included):
    /// a vector test admits every unit of the set (and a few neighbours such as U+00A1 to U+00AC) and no Han character,
    /// digit or Chinese punctuation, so report text passes at a few operations per eight units; only a block the test
    /// admits is read unit by unit against the bitmap.
    /// </remarks>
    internal static int IndexOfFoldable(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                if (MayFold(Vector128.LoadUnsafe(ref units, (nuint)i)) == Vector128<ushort>.Zero)
                {
                    continue;
                }

                var found = Special.IndexOfAny(text.Slice(i, Vector128<ushort>.Count));
                if (found >= 0)
                {
                    return i + found;
                }
            }
        }

        var rest = Special.IndexOfAny(text[i..]);
        return rest < 0 ? -1 : i + rest;
    }

    // Nonzero lanes for units that may be in Special: every member passes one of these tests.
    private static Vector128<ushort> MayFold(Vector128<ushort> c) =>
        Vector128.Equals(c, Vector128.Create((ushort)'\r'))
        | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)0x00A0), Vector128.Create((ushort)(0x00AD - 0x00A0)))
        | Vector128.Equals(c, Vector128.Create((ushort)0x1680))
        | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)0x2000), Vector128.Create((ushort)(0x200F - 0x2000)))
        | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)0x2028), Vector128.Create((ushort)1))
        | Vector128.Equals(c, Vector128.Create((ushort)0x202F))
        | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)0x205F), Vector128.Create((ushort)1))
        | Vector128.Equals(c, Vector128.Create((ushort)0x3000))
        | Vector128.Equals(c, Vector128.Create((ushort)0xFE62))
        | Vector128.Equals(c, Vector128.Create((ushort)0xFEFF))
        | Vector128.Equals(c, Vector128.Create((ushort)0xFF05))
        | Vector128.Equals(c, Vector128.Create((ushort)0xFF0B))
        | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)0xFF0D), Vector128.Create((ushort)1))
        | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)0xFF10), Vector128.Create((ushort)9))

        // Full-width A-Z and a-z: the two ranges lie 32 apart, so clearing that bit of the offset folds one onto the other.
        | Vector128.LessThanOrEqual((c - Vector128.Create((ushort)0xFF21)) & Vector128.Create((ushort)0xFFDF), Vector128.Create((ushort)25));

    /// <summary>Returns <paramref name="input"/> itself when nothing needs folding.</summary>
    public MappedText Normalize(MappedText input)
    {
        var text = input.Text.AsSpan();
        var next = IndexOfFoldable(text);
        if (next < 0)
        {
            return input;
        }

        var builder = new MappedTextBuilder(input);
        var done = 0;
        while (next >= 0)
        {
            var i = done + next;
            builder.AppendRun(done, i - done);
            var c = text[i];
            var length = 1;
            switch (c)
            {
                case '\r':
                    length = i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    builder.Append('\n', i, i + length);
                    break;
                case '\u2028' or '\u2029':
                    builder.Append('\n', i, i + 1);
                    break;
                case '\u00AD' or (>= '\u200B' and <= '\u200F') or '\u2060' or '\uFEFF':
                    // Zero-width characters, direction marks, soft hyphens and BOMs carry nothing a reader sees.
                    break;
                case '\uFE62':
                    builder.Append('+', i, i + 1);
                    break;
                case (>= '\uFF01' and <= '\uFF5E'):
                    builder.Append((char)(c - 0xFEE0), i, i + 1);
                    break;
                default:
                    builder.Append(' ', i, i + 1);
                    break;
            }

            done = i + length;
            next = IndexOfFoldable(text[done..]);
        }

        builder.AppendRun(done, text.Length - done);
        return builder.Build();
    }
}
