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
internal static class HeadingRecognizer
{
    // Markers are short: the marker reader only ever sees this many characters, so a megabyte-long line costs nothing.
    private const int MarkerWindow = 24;

    // Beyond this a "title" without a full stop is really a paragraph; it is cut at the first clause break.
    internal const int LongTitle = 100;

    // Numerals and digits are tested by comparisons, not SearchValues: a set of CJK units is a probabilistic map there,
    // whose every call and hit check costs more than the few comparisons (every line's first unit is asked).
    private static bool IsNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    /// <summary>
    /// The length of the marker opening <paramref name="window"/>, or 0 when none does. A marker is one of
    /// <c>第一部分</c> (章, 篇), <c>一、</c> (一. 一．), <c>（一）</c>, <c>1.</c> (1、 1．), <c>（1）</c>, <c>①</c>: up to three
    /// numerals or two digits, blanks (space, tab) allowed between the parts. A dot followed by a digit is a decimal
    /// (1.5万件) unless a year follows (3.2023年工作计划); 3、4月份 and 1、2号楼 are pairs of numbers, not headings.
    /// </summary>
    /// <remarks>Every line of a report is asked, so the marker is read by hand rather than by a regular expression
    /// (a test holds the two equal); each kind opens with a character no other kind opens with, save the bracket.</remarks>
    internal static int MarkerLength(ReadOnlySpan<char> window)
    {
        if (window.IsEmpty)
        {
            return 0;
        }

        var first = window[0];
        if (first == '第')
        {
            var n = Run(window, 1, numerals: true);
            var p = 1 + n;
            return n is 0 or > 3 ? 0
                : window[p..].StartsWith("部分") ? p + 2
                : p < window.Length && window[p] is '章' or '篇' ? p + 1 : 0;
        }

        if (first is '（' or '(')
        {
            var p = SkipBlanks(window, 1);
            var numerals = Run(window, p, numerals: true);
            var digits = Run(window, p, numerals: false);
            var close = SkipBlanks(window, p + numerals + digits);
            return (numerals is >= 1 and <= 3 || digits is >= 1 and <= 2) && close < window.Length && window[close] is ')' or '）' ? close + 1 : 0;
        }

        if (IsNumeral(first) || IsDigit(first))
        {
            var numerals = IsNumeral(first);
            var n = Run(window, 0, numerals);
            var p = SkipBlanks(window, n);
            if (n > (numerals ? 3 : 2) || p == window.Length)
            {
                return 0;
            }

            return window[p] switch
            {
                '.' or '．' => DotEndsMarker(window[(p + 1)..]) ? p + 1 : 0,
                // After digits, 、 and one or two more digits are a pair of numbers (3、4月份).
                '、' => numerals || Run(window, p + 1, numerals: false) is 0 or > 2 ? p + 1 : 0,
                _ => 0,
            };
        }

        return first is >= '①' and <= '⑳' ? 1 : 0;
    }

    /// <summary>What follows a marker's dot: no digit, or a year (2023年, blanks allowed before 年).</summary>
    private static bool DotEndsMarker(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || !IsDigit(rest[0]))
        {
            return true;
        }

        return rest.Length >= 4 && (rest.StartsWith("19") || rest.StartsWith("20")) && char.IsAsciiDigit(rest[2]) && char.IsAsciiDigit(rest[3])
            && SkipBlanks(rest, 4) is var y && y < rest.Length && rest[y] == '年';
    }

    /// <summary>How many numerals (or digits) stand in a row from <paramref name="from"/> on.</summary>
    private static int Run(ReadOnlySpan<char> span, int from, bool numerals)
    {
        var end = from;
        while (end < span.Length && (numerals ? IsNumeral(span[end]) : IsDigit(span[end])))
        {
            end++;
        }

        return end - from;
    }

    private static int SkipBlanks(ReadOnlySpan<char> span, int from)
    {
        while (from < span.Length && span[from] is ' ' or '\t')
        {
            from++;
        }

        return from;
    }

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
        // (一、本年新收政府信息公开申请数量|29|2…). The marker's first character tells its family; the numeral is read from it.
        var markerLength = MarkerLength(text.AsSpan(start, Math.Min(lineEnd - start, MarkerWindow)));
        if (markerLength == 0 || text.AsSpan(start, lineEnd - start).Contains('|'))
        {
            return null;
        }

        var marker = text.AsSpan(start, markerLength);
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
    /// The family and number of a marker <see cref="MarkerLength"/> found. Each kind of marker starts with a character
    /// no other one starts with (第; a numeral; a bracket, then a numeral or a digit; a digit; a circled number), and
    /// its number is the whole run of numerals or digits at its place, so both are read off the marker.
    /// </summary>
    private static (HeadingFamily, int) Classify(ReadOnlySpan<char> marker)
    {
        var first = marker[0];
        if (first == '第')
        {
            return (HeadingFamily.Part, ChineseText.SmallNumeral(LeadingRun(marker[1..], numerals: true)));
        }

        if (IsNumeral(first))
        {
            return (HeadingFamily.ChineseNumeral, ChineseText.SmallNumeral(LeadingRun(marker, numerals: true)));
        }

        if (first is '（' or '(')
        {
            var inner = marker[1..].TrimStart(" \t");
            return IsNumeral(inner[0])
                ? (HeadingFamily.ChineseNumeralInParentheses, ChineseText.SmallNumeral(LeadingRun(inner, numerals: true)))
                : (HeadingFamily.DigitInParentheses, DigitNumber(LeadingRun(inner, numerals: false)));
        }

        if (IsDigit(first))
        {
            return (HeadingFamily.Digit, DigitNumber(LeadingRun(marker, numerals: false)));
        }

        return (HeadingFamily.Circled, first - '①' + 1);
    }

    private static ReadOnlySpan<char> LeadingRun(ReadOnlySpan<char> span, bool numerals) => span[..Run(span, 0, numerals)];

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
