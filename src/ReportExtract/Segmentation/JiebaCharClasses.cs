using System.Buffers;

namespace ReportExtract.Segmentation;

/// <summary>The character classes of jieba's regular expressions, as span-friendly tests.</summary>
internal static class JiebaCharClasses
{
    // jieba.cut's re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]
    private static readonly SearchValues<char> CutBlockSymbols = SearchValues.Create("+#&._%-");

    // jieba.posseg's re_han_internal: [\u4E00-\u9FD5a-zA-Z0-9+#&\._] (no % and no -)
    private static readonly SearchValues<char> TagBlockSymbols = SearchValues.Create("+#&._");

    /// <summary>The characters Python's <c>str.strip()</c> removes (<c>str.isspace</c>).</summary>
    internal static readonly SearchValues<char> PythonWhitespace = SearchValues.Create(
        "\t\n\v\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        + "\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>jieba's Han range, U+4E00..U+9FD5.</summary>
    public static bool IsHan(char c) => (uint)(c - '\u4E00') <= '\u9FD5' - '\u4E00';

    public static bool IsCutBlock(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c) || CutBlockSymbols.Contains(c);

    public static bool IsTagBlock(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c) || TagBlockSymbols.Contains(c);

    /// <summary>Length of the token jieba yields outside its blocks: one code point, or a whole "\r\n".</summary>
    public static int OutsideTokenLength(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 < text.Length)
        {
            var c = text[i];
            if ((c == '\r' && text[i + 1] == '\n') || (char.IsHighSurrogate(c) && char.IsLowSurrogate(text[i + 1])))
            {
                return 2;
            }
        }

        return 1;
    }
}
