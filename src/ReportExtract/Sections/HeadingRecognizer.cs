using System.Text.RegularExpressions;
using ReportExtract.Common;

namespace ReportExtract.Sections;

/// <summary>The numbering families of Chinese official-document headings.</summary>
internal enum HeadingFamily
{
    /// <summary>第一部分, 第一章.</summary>
    Part,

    /// <summary>一、 (also 一. 一．).</summary>
    ChineseNumeral,

    /// <summary>（一） or (一).</summary>
    ChineseNumeralInParentheses,

    /// <summary>1. 1、 1．.</summary>
    Digit,

    /// <summary>（1） or (1).</summary>
    DigitInParentheses,

    /// <summary>① to ⑳.</summary>
    Circled,
}

/// <summary>A heading found at the start of a line: offsets are UTF-16 positions in the scanned text.</summary>
internal readonly record struct HeadingMatch(
    HeadingFamily Family,
    int Number,
    int MarkerStart,
    int MarkerEnd,
    int TitleStart,
    int TitleEnd);

/// <summary>Recognizes a numbered heading at the start of one line; never looks past that line.</summary>
internal static partial class HeadingRecognizer
{
    // Markers are short: the regex only ever sees this many characters, so a megabyte-long line costs nothing.
    private const int MarkerWindow = 24;

    // Beyond this a "title" without a full stop is really a paragraph; it is cut at the first clause break.
    internal const int LongTitle = 100;

    // A dot followed by a digit is a decimal (1.5万件) unless a year follows (3.2023年工作计划);
    // 3、4月份 and 1、2号楼 are pairs of numbers, not headings.
    [GeneratedRegex(
        """
        ^(?:
            第(?<part>[一二三四五六七八九十]{1,3})(?:部分|章|篇)
          | (?<cn>[一二三四五六七八九十]{1,3})[ \t]*(?:、|[.．](?:(?![0-9０-９])|(?=(?:19|20)[0-9]{2}[ \t]*年)))
          | [（(][ \t]*(?<cnp>[一二三四五六七八九十]{1,3})[ \t]*[)）]
          | (?<dg>[0-9０-９]{1,2})[ \t]*(?:[.．](?:(?![0-9０-９])|(?=(?:19|20)[0-9]{2}[ \t]*年))|、(?![0-9０-９]{1,2}(?![0-9０-９])))
          | [（(][ \t]*(?<dgp>[0-9０-９]{1,2})[ \t]*[)）]
          | (?<circ>[①-⑳])
        )
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    /// <summary>The heading that opens line [<paramref name="lineStart"/>, <paramref name="lineEnd"/>), if any.</summary>
    public static HeadingMatch? Recognize(string text, int lineStart, int lineEnd)
    {
        // Blanks, and the #/** of pages scraped to Markdown, may stand before a marker.
        var start = lineStart;
        while (start < lineEnd && (ChineseText.IsBlank(text[start]) || text[start] is '#' or '*'))
        {
            start++;
        }

        // A table row (cells set off by bars, as HTML rows are written) is no heading, whatever its first label says
        // (一、本年新收政府信息公开申请数量|29|2…).
        if (start == lineEnd || text.AsSpan(start, lineEnd - start).Contains('|'))
        {
            return null;
        }

        var window = Math.Min(lineEnd - start, MarkerWindow);
        var match = MarkerPattern().Match(text, start, window);
        if (!match.Success)
        {
            return null;
        }

        var (family, number) = Classify(match);
        var markerEnd = start + match.Length;
        var titleStart = markerEnd;
        while (titleStart < lineEnd && (ChineseText.IsBlank(text[titleStart]) || text[titleStart] is ':' or '：' or '、'))
        {
            titleStart++;
        }

        var titleEnd = TitleEnd(text.AsSpan(titleStart, lineEnd - titleStart)) + titleStart;
        while (titleEnd > titleStart && (ChineseText.IsBlank(text[titleEnd - 1]) || IsTrailingPunctuation(text[titleEnd - 1])))
        {
            titleEnd--;
        }

        // A bare marker's (empty) title sits right after the marker, so that nothing after it counts as heading.
        return titleEnd == titleStart
            ? new HeadingMatch(family, number, start, markerEnd, markerEnd, markerEnd)
            : new HeadingMatch(family, number, start, markerEnd, titleStart, titleEnd);
    }

    /// <summary>
    /// Where a heading's title stops: the first sentence end, else the line end (long runs cut at a clause
    /// break). A colon that introduces the body (1.强化组织领导：成立了…) also ends the title.
    /// </summary>
    private static int TitleEnd(ReadOnlySpan<char> rest)
    {
        var stop = rest.IndexOfAny("。！？：:");
        var end = stop < 0 ? rest.Length : stop;
        if (end <= LongTitle)
        {
            return end;
        }

        var clause = rest[..LongTitle].IndexOfAny("；;，,：:");
        return clause >= 2 ? clause : LongTitle;
    }

    private static (HeadingFamily, int) Classify(Match match)
    {
        Group g;
        if ((g = match.Groups["part"]).Success)
        {
            return (HeadingFamily.Part, ChineseText.SmallNumeral(g.ValueSpan));
        }

        if ((g = match.Groups["cn"]).Success)
        {
            return (HeadingFamily.ChineseNumeral, ChineseText.SmallNumeral(g.ValueSpan));
        }

        if ((g = match.Groups["cnp"]).Success)
        {
            return (HeadingFamily.ChineseNumeralInParentheses, ChineseText.SmallNumeral(g.ValueSpan));
        }

        if ((g = match.Groups["dg"]).Success)
        {
            return (HeadingFamily.Digit, DigitNumber(g.ValueSpan));
        }

        if ((g = match.Groups["dgp"]).Success)
        {
            return (HeadingFamily.DigitInParentheses, DigitNumber(g.ValueSpan));
        }

        return (HeadingFamily.Circled, match.ValueSpan[0] - '①' + 1);
    }

    private static int DigitNumber(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c >= '０' ? c - '０' : c - '0');
        }

        return n;
    }

    private static bool IsTrailingPunctuation(char c) => c is ',' or '，' or '、' or ':' or '：' or ';' or '；' or '*' or '#';
}
