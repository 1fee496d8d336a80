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

    /// <summary>Returns <paramref name="input"/> itself when nothing needs folding.</summary>
    public MappedText Normalize(MappedText input)
    {
        var text = input.Text.AsSpan();
        var next = Special.IndexOfAny(text);
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
            next = Special.IndexOfAny(text[done..]);
        }

        builder.AppendRun(done, text.Length - done);
        return builder.Build();
    }
}
