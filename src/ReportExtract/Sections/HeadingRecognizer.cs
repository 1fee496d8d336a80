using System.Buffers;
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

    private static readonly SearchValues<char> ChineseNumerals = SearchValues.Create("一二三四五六七八九十");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789０１２３４５６７８９");

    /// <summary>The characters a marker of <see cref="MarkerPattern"/> can open with: each alternative's first.</summary>
    internal static readonly SearchValues<char> MarkerOpenings =
        SearchValues.Create("第一二三四五六七八九十（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳");

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
    internal static partial Regex MarkerPattern();

    /// <summary>The heading that opens line [<paramref name="lineStart"/>, <paramref name="lineEnd"/>), if any.</summary>
    public static HeadingMatch? Recognize(string text, int lineStart, int lineEnd)
    {
        // Blanks, and the #/** of pages scraped to Markdown, may stand before a marker.
        var start = lineStart;
        while (start < lineEnd && (ChineseText.IsBlank(text[start]) || text[start] is '#' or '*'))
        {
            start++;
        }

        // Every marker opens with one of a few characters; most lines open with another, and need no more looking at.
        // A table row (cells set off by bars, as HTML rows are written) is no heading, whatever its first label says
        // (一、本年新收政府信息公开申请数量|29|2…).
        if (start == lineEnd || !MarkerOpenings.Contains(text[start]) || text.AsSpan(start, lineEnd - start).Contains('|'))
        {
            return null;
        }

        // Every line is tried: a ValueMatch allocates nothing, where a Match and its groups cost a heading line
        // hundreds of bytes. The marker's first character tells its family; the numeral is read from the marker.
        var window = text.AsSpan(start, Math.Min(lineEnd - start, MarkerWindow));
        var matches = MarkerPattern().EnumerateMatches(window);
        if (!matches.MoveNext())
        {
            return null;
        }

        var marker = window[..matches.Current.Length];
        var (family, number) = Classify(marker);
        var markerEnd = start + marker.Length;
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

    /// <summary>
    /// The family and number of a marker the pattern matched. Each alternative of the pattern starts with a character
    /// no other one starts with (第; a numeral; a bracket, then a numeral or a digit; a digit; a circled number), and
    /// each numeral group is the whole run of numerals or digits at its place, so both are read off the marker.
    /// </summary>
    private static (HeadingFamily, int) Classify(ReadOnlySpan<char> marker)
    {
        var first = marker[0];
        if (first == '第')
        {
            return (HeadingFamily.Part, ChineseText.SmallNumeral(LeadingRun(marker[1..], ChineseNumerals)));
        }

        if (ChineseNumerals.Contains(first))
        {
            return (HeadingFamily.ChineseNumeral, ChineseText.SmallNumeral(LeadingRun(marker, ChineseNumerals)));
        }

        if (first is '（' or '(')
        {
            var inner = marker[1..].TrimStart(" \t");
            return ChineseNumerals.Contains(inner[0])
                ? (HeadingFamily.ChineseNumeralInParentheses, ChineseText.SmallNumeral(LeadingRun(inner, ChineseNumerals)))
                : (HeadingFamily.DigitInParentheses, DigitNumber(LeadingRun(inner, Digits)));
        }

        if (Digits.Contains(first))
        {
            return (HeadingFamily.Digit, DigitNumber(LeadingRun(marker, Digits)));
        }

        return (HeadingFamily.Circled, first - '①' + 1);
    }

    private static ReadOnlySpan<char> LeadingRun(ReadOnlySpan<char> span, SearchValues<char> chars)
    {
        var end = span.IndexOfAnyExcept(chars);
        return end < 0 ? span : span[..end];
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
