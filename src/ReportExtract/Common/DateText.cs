using System.Text.RegularExpressions;

namespace ReportExtract.Common;

/// <summary>Dates as reports write them: 2022-01-10, 2022/1/10, 2022年1月10日, 二〇二二年一月十日.</summary>
internal static partial class DateText
{
    // Signature lines are short; longer lines are sentences that merely mention a date.
    private const int SignatureLineLimit = 64;

    [GeneratedRegex(
        """
        (?<y>(?:19|20)[0-9]{2})[ \t]*
        (?:年[ \t]*(?<m>[0-9]{1,2})[ \t]*月[ \t]*(?<d>[0-9]{1,2})[ \t]*[日号]?
          |[-/.．](?<m>[0-9]{1,2})[-/.．](?<d>[0-9]{1,2})(?![0-9]))
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ArabicDate();

    [GeneratedRegex(
        """
        (?<y>[〇○零OΟ0一二三四五六七八九]{4})[ \t]*年[ \t]*(?<m>[一二三四五六七八九十]{1,3})[ \t]*月[ \t]*(?<d>[一二三四五六七八九十]{1,3})[ \t]*日
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();

    // A line that is only a date, or a short name followed by a date: the foot of a signed document.
    [GeneratedRegex(
        """
        ^(?:(?<who>[^\s。，,；;:：]{2,30})[ \t\u3000]+)?
        (?<date>(?:19|20)[0-9]{2}[ \t]*(?:年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日?|[-/.．][0-9]{1,2}[-/.．][0-9]{1,2})
          |[〇○零OΟ0一二三四五六七八九]{4}[ \t]*年[ \t]*[一二三四五六七八九十]{1,3}[ \t]*月[ \t]*[一二三四五六七八九十]{1,3}[ \t]*日)
        [ \t\u3000]*$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureLine();

    /// <summary>The first date in <paramref name="text"/>, in either script.</summary>
    public static DateOnly? FirstDate(ReadOnlySpan<char> text)
    {
        var value = text.ToString();
        var arabic = ArabicDate().Match(value);
        var chinese = ChineseDate().Match(value);
        if (arabic.Success && (!chinese.Success || arabic.Index <= chinese.Index))
        {
            return FromArabic(arabic);
        }

        return chinese.Success ? FromChinese(chinese) : null;
    }

    /// <summary>
    /// When <paramref name="line"/> is a signature-date line (a date alone, or a short name then a date),
    /// the date and the name before it (empty when the date stands alone).
    /// </summary>
    public static (DateOnly Date, string Who)? SignatureDate(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length == 0 || line.Length > SignatureLineLimit || !EndsLikeDate(line))
        {
            return null;
        }

        var match = SignatureLine().Match(line.ToString());
        if (!match.Success)
        {
            return null;
        }

        var date = FirstDate(match.Groups["date"].ValueSpan);
        return date is { } d ? (d, match.Groups["who"].Value) : null;
    }

    /// <summary>
    /// Whether a trimmed line ends as every signature date does (with a digit or 日): most lines of a foot do not, and
    /// are turned away without a string copy and a regex run.
    /// </summary>
    internal static bool EndsLikeDate(ReadOnlySpan<char> trimmed) => trimmed.Length > 0 && trimmed[^1] is '日' or (>= '0' and <= '9');

    /// <summary>The signature-line pattern alone, without <see cref="EndsLikeDate"/> before it (for tests).</summary>
    internal static bool MatchesSignatureLine(string trimmed) => SignatureLine().IsMatch(trimmed);

    private static DateOnly? FromArabic(Match m) =>
        Make(int.Parse(m.Groups["y"].ValueSpan, provider: null), int.Parse(m.Groups["m"].ValueSpan, provider: null), int.Parse(m.Groups["d"].ValueSpan, provider: null));

    private static DateOnly? FromChinese(Match m)
    {
        var year = 0;
        foreach (var c in m.Groups["y"].ValueSpan)
        {
            year = (year * 10) + ChineseDigit(c);
        }

        return Make(year, ChineseText.SmallNumeral(m.Groups["m"].ValueSpan), ChineseText.SmallNumeral(m.Groups["d"].ValueSpan));
    }

    /// <summary>A single Chinese digit as written in years (二〇二二): 〇 ○ 零 and look-alikes are zero.</summary>
    internal static int ChineseDigit(char c) => "一二三四五六七八九".IndexOf(c) + 1;

    /// <summary>A four-digit year written in Chinese digits (二〇二一), or null.</summary>
    internal static int? ChineseYear(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 4)
        {
            return null;
        }

        var year = 0;
        foreach (var c in digits)
        {
            year = (year * 10) + ChineseDigit(c);
        }

        return year is >= 1949 and <= 2100 ? year : null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1949 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}
