namespace ReportExtract.Common;

/// <summary>Character tests and small numerals that headings, dates and page labels read alike.</summary>
internal static class ChineseText
{
    /// <summary>一 … 九十九 as an integer (0 when the numeral is malformed, which only affects table-of-contents matching).</summary>
    public static int SmallNumeral(ReadOnlySpan<char> numeral)
    {
        var total = 0;
        var digit = 0;
        foreach (var c in numeral)
        {
            if (c == '十')
            {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            }
            else
            {
                digit = "一二三四五六七八九".IndexOf(c) + 1;
            }
        }

        return total + digit;
    }

    /// <summary>Any white space but the line break (U+3000, NBSP and the typographic spaces of scraped pages included).</summary>
    /// <remarks>
    /// Unicode has no white space above U+3000, so an ideograph is answered by one comparison: <see cref="char.IsWhiteSpace(char)"/>
    /// looks every character above Latin-1 up in the Unicode tables, and the head and foot of a page are walked character
    /// by character.
    /// </remarks>
    public static bool IsBlank(char c) =>
        c > '\u3000' ? c == '\uFEFF' : c != '\n' && (char.IsWhiteSpace(c) || c == '\u200B');
}
