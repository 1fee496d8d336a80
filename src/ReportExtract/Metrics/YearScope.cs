using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>
/// The year a figure describes: the nearest explicit year before it in its sentence (2020年,街道共受理…), else the
/// year that opens its paragraph, else 今年/去年/明年 relative to the report year, else the report year, or the year after
/// it for a figure in a plan section (下一步, 工作安排) or after a target word (力争, Resources/Metrics/target-cues.txt).
/// A year inside brackets ((上年980件)) governs only the bracket. The cue words come in <paramref name="cues"/>.
/// </summary>
internal sealed class YearScope(string text, SentenceSplitter sentences, RangeSet names, ImmutableArray<Section> sections, YearCues cues)
{
    private const int ParagraphLead = 8;

    /// <summary>How far back a year may govern a figure within its sentence; keeps long lines linear.</summary>
    public const int Reach = 240;

    /// <summary>The year of a figure starting at <paramref name="position"/>.</summary>
    public int? YearAt(int position, int? reportYear)
    {
        var start = Math.Max(sentences.SentenceAt(position).Start, position - Reach);
        for (var i = text.AsSpan(start, position - start).LastIndexOf('年') + start; i >= start; i = text.AsSpan(start, i - start).LastIndexOf('年') + start)
        {
            // 由2020年的3分提高至7.5分: a year qualifying a noun (年的) governs only the first number after it.
            if (InClosedBracket(i, position))
            {
                continue;
            }

            if (TryYearEndingAt(i, start, out var year) && !IsComparison(i - 4, start)
                && !(i + 1 < position && text[i + 1] == '的' && text.AsSpan(i + 2, position - i - 2).IndexOfAny(ChineseNumberParser.StartChars) >= 0))
            {
                return year;
            }

            // 今年/本年 and 去年/上年 name the report year and the one before, unless they are compared to (较上年).
            var prev = i > start ? text[i - 1] : '\0';
            if (!IsComparison(i - 1, start) && reportYear is { } ry && !QualifiesEarlierNumber(i, position))
            {
                if (prev is '今' or '本')
                {
                    return ry;
                }

                if (prev == '明')
                {
                    return ry + 1;
                }

                if (prev is '去' or '上' && !(i > start + 1 && text[i - 2] == '上'))
                {
                    return ry - 1;
                }
            }
        }

        // A paragraph that opens with a year (2020年,…) sets it for its sentences.
        var line = sentences.LineStart(position);
        while (line < position && text[line] == ' ')
        {
            line++;
        }

        var lead = text.AsSpan(line, Math.Min(ParagraphLead, text.Length - line));
        var k = lead.IndexOf('年');
        if (k == 4 && TryYearEndingAt(line + k, line, out var opening))
        {
            return opening;
        }

        // A plan or a target speaks of the year ahead.
        return reportYear is { } report && (IndicatorCatalog.InPlans(sections, position) || text.AsSpan(start, position - start).ContainsAny(cues.Targets))
            ? report + 1
            : reportYear;
    }

    /// <summary>由去年同期的15件增加到22件: a relative year qualifying a noun (…的) governs only the first number after it.</summary>
    private bool QualifiesEarlierNumber(int yearChar, int position)
    {
        var de = text.AsSpan(yearChar, position - yearChar).IndexOf('的');
        return de >= 0 && text.AsSpan(yearChar + de, position - yearChar - de).IndexOfAny(ChineseNumberParser.StartChars) >= 0;
    }

    /// <summary>True when the year ending at <paramref name="yearChar"/> sits in brackets closed before <paramref name="position"/>.</summary>
    private bool InClosedBracket(int yearChar, int position)
    {
        var close = text.AsSpan(yearChar, position - yearChar).IndexOfAny('）', ')');
        if (close < 0)
        {
            return false;
        }

        var floor = Math.Max(0, yearChar - 12);
        var span = text.AsSpan(floor, yearChar - floor);
        var open = span.LastIndexOfAny('（', '(');
        return open >= 0 && span[open..].IndexOfAny('）', ')') < 0;
    }

    /// <summary>较2020年, 比上年, 同比: a year compared to is no year the figure describes.</summary>
    private bool IsComparison(int yearStart, int floor) =>
        yearStart > floor && cues.Comparisons.TryMatchEndingAt(text, yearStart, floor, out _, out var compares) && compares;

    /// <summary>A four-digit year (Arabic or Chinese digits) ending right before <paramref name="yearChar"/> (the 年).</summary>
    private bool TryYearEndingAt(int yearChar, int floor, out int year)
    {
        year = 0;
        var s = yearChar;
        while (s > floor && yearChar - s < 4 && ChineseNumberParser.DigitValue(text[s - 1]) >= 0)
        {
            s--;
        }

        if (yearChar - s != 4 || (s > floor && ChineseNumberParser.DigitValue(text[s - 1]) >= 0) || names.Contains(s))
        {
            return false;
        }

        for (var i = s; i < yearChar; i++)
        {
            year = year * 10 + ChineseNumberParser.DigitValue(text[i]);
        }

        return year is >= 1949 and <= 2100;
    }
}
