using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ReportExtract.Common;
using ReportExtract.Model;
using CultureInfo = System.Globalization.CultureInfo;
using NumberStyles = System.Globalization.NumberStyles;

namespace ReportExtract.Metadata;

/// <summary>
/// Finds the year a report covers: the year its review names (2022年工作回顾), its title's year (one year back for a
/// report delivered to a congress, which reviews the year before), the year of its speech line, the year of 现将…报告如下,
/// the year the opening prose is about, and as a last resort the year its achievements mention most.
/// </summary>
internal sealed partial class ReportYearFinder(MetadataLexicon lexicon)
{
    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})[ \t]*年", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ArabicYear();

    [GeneratedRegex(@"(?<y>[〇○零OΟ0一二三四五六七八九]{4})[ \t]*年", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseYear();

    /// <summary>The word a review heading closes with (一、2022年度工作回顾); <see cref="MetadataPage.ReviewAt"/> holds its places.</summary>
    internal const string ReviewWord = "回顾";

    // A review heading (一、2022年度工作回顾) is at most this long before its 回顾.
    private const int ReviewLinePrefix = 24;

    // A presenting sentence names the covered year this far after its lead word.
    private const int PresentingReach = 60;

    // 一、2022年工作回顾 / 2022年政府工作回顾: the year a work report reviews (matched on the line of a 回顾).
    [GeneratedRegex(@"^[^\n]{0,8}?(?<y>(?:19|20)[0-9]{2})[ \t]*年(?:度)?(?:政府)?(?:工作)?回顾", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ReviewHeading();

    // A year the opening prose is about: 2021年, / 2021年度 / 2021年以来.
    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})[ \t]*年(?:度|以来|[,，])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex IntroYear();

    [GeneratedRegex(@"[（(〔\[][ \t]*(?<y>(?:19|20)[0-9]{2})[ \t]*[)）〕\]]", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedYear();

    // A line that only gives a year in brackets: （2021年度）.
    [GeneratedRegex(@"^[（(][ \t]*(?:19|20)[0-9]{2}[ \t]*年度?[ \t]*[)）]$", RegexOptions.CultureInvariant)]
    private static partial Regex YearLine();

    public int? Find(MetadataPage page, FoundTitle? title, ImmutableArray<string>.Builder warnings)
    {
        var text = page.Text;
        // Sentences that name the covered year are read in the page's prose window, as the issuer's are.
        var window = Math.Min(text.Length, MetadataPage.ProseWindow);
        var reviewed = ReviewedYear(text, page.ReviewAt);
        int? fromTitle = title is null ? null : YearIn(title.Text);
        if (fromTitle is { } ty && title is not null && OrganizationNames.ContainsAny(title.Text, lexicon.DeliveryYearTitles)
            && !title.Text.Contains(string.Concat(ty.ToString(CultureInfo.InvariantCulture), "年度"), StringComparison.Ordinal))
        {
            // 2022年政府工作报告 is delivered in 2022 and reviews 2021.
            fromTitle = ty - 1;
        }

        // A speech to a congress (——2022年1月12日在…人民代表大会…上) reviews the year before it was given.
        int? fromSpeech = DateFinder.SpeechDate(page) is { } speech ? speech.Year - 1 : null;
        var fromReporting = PresentedYear(text.AsSpan(0, window), page.PresentingLeadAt);
        if (fromTitle is { } t && fromReporting is { } s && t != s)
        {
            warnings.Add($"report_year: the title says {t} but the opening says {s}; kept {t}");
        }

        // 某某自治区法治政府建设指标体系: a document that is no report covers no year unless its title names one; the
        // years of its promulgation order (现予公布,自2015年3月1日起施行) are no year it covers.
        if (title is not null && OrganizationNames.EndsWithAny(title.Text.AsSpan().TrimEnd(")）（(试行 "), lexicon.NotReportTitles))
        {
            return fromTitle;
        }

        if ((reviewed ?? fromTitle ?? fromSpeech ?? fromReporting) is { } year)
        {
            return year;
        }

        for (var i = 0; i < page.Head.Count; i++)
        {
            if (page.HeadUsed.Contains(i) || title?.Covers(i) == true)
            {
                continue;
            }

            var line = page.Head[i].Of(text);
            foreach (var m in IntroYear().EnumerateMatches(line))
            {
                return ParseYear(line.Slice(m.Index, 4));
            }
        }

        // A text that opens with its first heading: the year its first paragraph is about.
        if (page.Head.Count == 0 || page.Head.TrueForAll(l => l.TrimmedOf(text).IsEmpty || title?.Covers(l.Index) == true || page.HeadUsed.Contains(l.Index)))
        {
            var opening = page.OpeningLine(title is null ? (-1, -1) : (title.FirstLine, title.LastLine));
            foreach (var m in IntroYear().EnumerateMatches(opening))
            {
                return ParseYear(opening.Slice(m.Index, 4));
            }
        }

        var counted = MostFrequentYear(text, page.Sections);
        if (counted is { } c)
        {
            warnings.Add($"report_year: inferred as {c.ToString(CultureInfo.InvariantCulture)}, the year the achievements mention most");
        }

        return counted;
    }

    /// <summary>
    /// The year of the first heading line that reviews a year (一、2022年工作回顾), from the places of 回顾 in the prose
    /// window (<paramref name="reviewAt"/>).
    /// </summary>
    private static int? ReviewedYear(string text, List<int> reviewAt)
    {
        var span = text.AsSpan();
        foreach (var at in reviewAt)
        {
            var lineStart = at == 0 ? 0 : span[..at].LastIndexOf('\n') + 1;
            if (at - lineStart <= ReviewLinePrefix
                && ReviewHeading().Match(text, lineStart, at + 2 - lineStart) is { Success: true } h)
            {
                return ParseYear(h.Groups["y"].ValueSpan);
            }
        }

        return null;
    }

    /// <summary>
    /// The year of the first sentence that presents the report (现将我局2023年…报告如下, 现公布某某市人民政府2022年…):
    /// the first year written after its lead word in the same sentence.
    /// </summary>
    private int? PresentedYear(ReadOnlySpan<char> window, int[] leadAt)
    {
        int? year = null;
        var first = int.MaxValue;
        for (var k = 0; k < leadAt.Length; k++)
        {
            var (lead, at) = (lexicon.PresentingLeads[k], leadAt[k]);
            if (at < 0 || at >= first)
            {
                continue;
            }

            var rest = window.Slice(at + lead.Length, Math.Min(PresentingReach, window.Length - at - lead.Length));
            var stop = rest.IndexOfAny("。\n");
            rest = stop < 0 ? rest : rest[..stop];
            foreach (var m in ArabicYear().EnumerateMatches(rest))
            {
                year = ParseYear(rest.Slice(m.Index, 4));
                first = at;
                break;
            }
        }

        return year;
    }

    /// <summary>The first year written in <paramref name="title"/>, in either script, or a bare year in brackets.</summary>
    public static int? YearIn(string title)
    {
        // Both year patterns end with 年: a title without it is only read for a bracketed year.
        if (title.Contains('年'))
        {
            var arabic = ArabicYear().Match(title);
            var chinese = ChineseYear().Match(title);
            if (arabic.Success && (!chinese.Success || arabic.Index < chinese.Index))
            {
                return ParseYear(arabic.Groups["y"].ValueSpan);
            }

            if (chinese.Success)
            {
                return DateText.ChineseYear(chinese.Groups["y"].ValueSpan);
            }
        }

        // 法治政府建设年度报告（2021）: a bare year in brackets.
        return BracketedYear().Match(title) is { Success: true } bracketed ? ParseYear(bracketed.Groups["y"].ValueSpan) : null;
    }

    /// <summary>Whether <paramref name="line"/> only gives a year in brackets: （2021年度）.</summary>
    public static bool IsYearLine(ReadOnlySpan<char> line) => YearLine().IsMatch(line);

    /// <summary>The year mentioned most in the achievements sections (or in the whole text when none is named).</summary>
    private static int? MostFrequentYear(string text, ImmutableArray<Section> sections)
    {
        var spans = sections.IsDefaultOrEmpty
            ? [new TextSpan(0, text.Length)]
            : sections.Where(s => s.Kind == SectionKind.Achievements).Select(s => s.Span).DefaultIfEmpty(new TextSpan(0, text.Length)).ToList();
        var counts = new Dictionary<int, int>();
        foreach (var span in spans)
        {
            CountArabicYears(text.AsSpan(span.Start, span.Length), counts);
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
    }

    /// <summary>
    /// Counts the years written in Arabic digits before 年 (2022年, 2022 年), each match of <see cref="ArabicYear"/> once.
    /// Found from the 年 back: reports are dense with digits, and 年 is rarer than a 1 or a 2.
    /// </summary>
    internal static void CountArabicYears(ReadOnlySpan<char> text, Dictionary<int, int> counts)
    {
        for (var at = text.IndexOf('年'); at >= 0; at = text[(at + 1)..].IndexOf('年') is >= 0 and var next ? at + 1 + next : -1)
        {
            var end = at;
            while (end > 0 && text[end - 1] is ' ' or '\t')
            {
                end--;
            }

            if (end >= 4 && text.Slice(end - 4, 2) is "19" or "20" && char.IsAsciiDigit(text[end - 2]) && char.IsAsciiDigit(text[end - 1]))
            {
                var year = ParseYear(text.Slice(end - 4, 4));
                counts[year] = counts.GetValueOrDefault(year) + 1;
            }
        }
    }

    private static int ParseYear(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
