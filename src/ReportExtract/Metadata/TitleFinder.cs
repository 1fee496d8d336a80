using System.Text;
using ReportExtract.Common;

namespace ReportExtract.Metadata;

/// <summary>A report title, the head lines it took (-1 when it came from a label), and a 文号 that was wrapped around it.</summary>
internal sealed record FoundTitle(string Text, int FirstLine, int LastLine, string? DocumentNumber)
{
    public bool Covers(int line) => line >= FirstLine && line <= LastLine;
}

/// <summary>
/// Finds the report's own title: a 标题/名称 label, else the title line of the head (joined with a fragment above
/// it or a year line below it when split), without the site name, column tag, 《》 or 文号 around it.
/// </summary>
internal sealed class TitleFinder(MetadataLexicon lexicon, OrganizationNames organizations)
{
    private const int TitleMaxLength = 80;
    private const int FragmentMaxLength = 40;

    // A place word this close to the start of a line opens it with the place's name (某某自治区…).
    private const int PlaceOpening = 8;

    public FoundTitle? Find(MetadataPage page)
    {
        if (page.Label(LabelField.Title, FromLabel) is { } labelled)
        {
            return labelled;
        }

        return FromHead(page.Text, page.Head, page.HeadUsed);
    }

    /// <summary>Whether a title names its report specifically: a year, an issuer or 关于.</summary>
    public bool IsSpecific(string title) =>
        ReportYearFinder.YearIn(title) is not null || title.Contains("关于", StringComparison.Ordinal) || organizations.FromTitle(title) is not null;

    /// <summary>A 标题/名称 label's value: the page says it is the title, so no title word is needed in it.</summary>
    private FoundTitle? FromLabel(string value)
    {
        var line = Unwrap(value.AsSpan().Trim().Trim("| "), out var number);
        return IsTitleLine(line, requireCue: false) || IsTitleLine(line, requireCue: true)
            ? WithoutTrailingNumber(new FoundTitle(Tidy(line), -1, -1, number))
            : null;
    }

    /// <summary>
    /// The title line of the head. A line naming a year, an issuer or 关于 beats an earlier bare one (a column
    /// name such as 法治政府建设年度报告).
    /// </summary>
    private FoundTitle? FromHead(string text, List<TextLine> head, HashSet<int> used)
    {
        FoundTitle? first = null;
        for (var i = 0; i < head.Count; i++)
        {
            if (used.Contains(i))
            {
                continue;
            }

            var clean = Unwrap(head[i].TrimmedOf(text), out var number);
            // 政 府 工 作 报 告: letters spaced out for looks are read as the words they spell.
            var line = IsSpacedOut(clean) ? Unspaced(clean).AsSpan() : clean;
            if (!IsTitleLine(line, requireCue: true))
            {
                continue;
            }

            var candidate = new FoundTitle(Tidy(line), i, i, number);
            var previous = PreviousNonBlank(text, head, i);
            if (previous >= 0 && !used.Contains(previous))
            {
                var fragment = head[previous].TrimmedOf(text);
                if (IsTitleFragment(fragment) && ShouldJoin(fragment, line))
                {
                    candidate = candidate with { Text = Tidy(string.Concat(fragment, line)), FirstLine = previous };
                }
            }

            // 某某县法治政府建设年度报告 over （2021年度）: the year line belongs to the title.
            var after = NextNonBlank(text, head, i);
            if (after >= 0 && !used.Contains(after) && ReportYearFinder.IsYearLine(head[after].TrimmedOf(text)))
            {
                candidate = candidate with { Text = Tidy(string.Concat(candidate.Text, head[after].TrimmedOf(text))), LastLine = after };
            }

            candidate = WithoutTrailingNumber(candidate);
            if (IsSpecific(candidate.Text))
            {
                return candidate;
            }

            first ??= candidate;
        }

        return first;
    }

    private static int PreviousNonBlank(string text, List<TextLine> head, int i)
    {
        var previous = i - 1;
        while (previous >= 0 && head[previous].TrimmedOf(text).IsEmpty)
        {
            previous--;
        }

        return previous;
    }

    private static int NextNonBlank(string text, List<TextLine> head, int i)
    {
        var after = i + 1;
        while (after < head.Count && head[after].TrimmedOf(text).IsEmpty)
        {
            after++;
        }

        return after < head.Count ? after : -1;
    }

    /// <summary>某某市人民政府关于…的报告（温政〔2022〕5号）: the number is not part of the title.</summary>
    private static FoundTitle WithoutTrailingNumber(FoundTitle title) =>
        DocumentNumberFinder.TrailingNumber(title.Text) is { } at && at > 0
            ? title with { Text = title.Text[..at].TrimEnd(), DocumentNumber = title.DocumentNumber ?? DocumentNumberFinder.NumberIn(title.Text[at..]) }
            : title;

    /// <summary>
    /// A page headline without its decorations: 【年度报告】 in front, _站点名 or | 站点名 behind, an attachment's
    /// extension, and 《》 around it (with a 文号 in front of them, which is returned apart).
    /// </summary>
    private ReadOnlySpan<char> Unwrap(ReadOnlySpan<char> line, out string? number)
    {
        if (line.StartsWith("【") && line.IndexOf('】') is > 0 and var close && close < line.Length - 1)
        {
            line = line[(close + 1)..].TrimStart();
        }

        foreach (var separator in (ReadOnlySpan<string>)["_", "|", " - ", "——"])
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var left = line[..at].Trim();
                var right = line[(at + separator.Length)..].Trim();
                line = OrganizationNames.ContainsAny(left, lexicon.TitleCues) || !OrganizationNames.ContainsAny(right, lexicon.TitleCues) ? left : right;
            }
        }

        // An attachment link (….pdf) names the report all the same.
        foreach (var extension in (ReadOnlySpan<string>)[".pdf", ".doc", ".docx", ".wps", ".ofd", ".PDF", ".DOC", ".DOCX"])
        {
            if (line.EndsWith(extension, StringComparison.Ordinal))
            {
                line = line[..^extension.Length].TrimEnd();
                break;
            }
        }

        // 杭政发〔2020〕12号《杭州市人民政府关于…的报告》: the 文号 goes to document_number, the title is inside 《》.
        number = null;
        var open = line.IndexOf('《');
        if (open > 0 && line[^1] == '》' && DocumentNumberFinder.IsNumberLine(line[..open].Trim()))
        {
            number = DocumentNumberFinder.NumberIn(line[..open].ToString());
            line = line[open..];
        }

        if (line.Length > 2 && line[0] == '《' && line[^1] == '》' && line[1..^1].IndexOfAny('《', '》') < 0)
        {
            line = line[1..^1].Trim();
        }

        // 某某局2021年度法治政府建设年度报告-某某市人民政府: a hyphen between Chinese words joins a site name.
        for (var i = 1; i < line.Length - 1; i++)
        {
            if (line[i] is '-' or '－' or '—' && PageLabels.IsIdeograph(line[i - 1]) && PageLabels.IsIdeograph(line[i + 1]))
            {
                var left = line[..i];
                var right = line[(i + 1)..].TrimStart('—');
                line = OrganizationNames.ContainsAny(left, lexicon.TitleCues) || !OrganizationNames.ContainsAny(right, lexicon.TitleCues) ? left : right;
                break;
            }
        }

        return line;
    }

    /// <summary>
    /// Whether <paramref name="line"/> can be a title. With <paramref name="requireCue"/> it must name a report
    /// (报告, 年报 …) or end like one when it also names its year or issuer (某某局2020年度行政执法统计情况).
    /// </summary>
    private bool IsTitleLine(ReadOnlySpan<char> line, bool requireCue)
    {
        if (line.Length is < 4 or > TitleMaxLength)
        {
            return false;
        }

        if ("。：:；;，,！!？?".Contains(line[^1]) || OrganizationNames.ContainsAny(line, lexicon.TitleNotContaining)
            || OrganizationNames.StartsWithAny(line, lexicon.TitleNotStarting) || DateText.SignatureDate(line) is not null)
        {
            return false;
        }

        // A cue-ending names the document itself even where a shorter not-ending would call it a wrapper (数据公示, 公示).
        var core = line.TrimEnd(")）]】 ");
        var namesDocument = OrganizationNames.EndsWithAny(core, lexicon.TitleCueEndings);
        foreach (var ending in lexicon.TitleNotEnding)
        {
            if (!namesDocument && core.EndsWith(ending, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (!requireCue)
        {
            return line.IndexOfAny("，,。；;") < 0;
        }

        if (OrganizationNames.ContainsAny(line, lexicon.TitleCues))
        {
            // A menu row (政府信息公开年报  法治政府建设年报) names several documents at once.
            return CueSegments(line) <= 1;
        }

        // 某某自治区法治政府建设指标体系: a place opening the line names whose document it is, as an issuer would.
        return OrganizationNames.EndsWithAny(line, lexicon.TitleCueEndings) && line.IndexOfAny("，,、") < 0
            && (IsSpecific(line.ToString()) || OrganizationNames.ContainsAny(line[..Math.Min(line.Length, PlaceOpening)], lexicon.OrganizationPlaces));
    }

    private int CueSegments(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var range in line.SplitAny(" \t\u3000|"))
        {
            if (OrganizationNames.ContainsAny(line[range], lexicon.TitleCues))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Single characters set apart by blanks, as in 政 府 工 作 报 告 or 2 0 2 2 年 政 府 工 作 报 告.</summary>
    private static bool IsSpacedOut(ReadOnlySpan<char> line)
    {
        var ideographs = 0;
        foreach (var range in line.SplitAny(" \t\u3000"))
        {
            var word = line[range];
            if (word.Length > 1)
            {
                return false;
            }

            ideographs += word.Length == 1 && PageLabels.IsIdeograph(word[0]) ? 1 : 0;
        }

        return ideographs >= 3;
    }

    private static string Unspaced(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A short line above a title that can be its first half (关于… / an issuer's name).</summary>
    private bool IsTitleFragment(ReadOnlySpan<char> line) =>
        line.Length is >= 2 and <= FragmentMaxLength
        && line.IndexOfAny("。，,；;：:！!？?>") < 0
        && !OrganizationNames.ContainsAny(line, lexicon.TitleNotContaining)
        && !OrganizationNames.StartsWithAny(line, lexicon.TitleNotStarting)
        && !OrganizationNames.ContainsAny(line, lexicon.TitleCues)
        && DateText.SignatureDate(line) is null
        && !DocumentNumberFinder.IsNumberLine(line);

    private bool ShouldJoin(ReadOnlySpan<char> fragment, ReadOnlySpan<char> line)
    {
        if (fragment.StartsWith("关于") && !line.StartsWith("关于"))
        {
            return true;
        }

        if (fragment[^1] is '的' or '和' or '及' or '与' or '暨' or '年' or '度' or '于')
        {
            return true;
        }

        if (line[0] is '的' or '和' or '及' or '暨' or '情' or '工' or '年' or '报')
        {
            return true;
        }

        // An issuer's name over the rest of the title (某某县人民政府 / 关于2022年度…的报告), unless that
        // rest names its own issuer.
        return organizations.AsName(fragment) is not null
            && (line.StartsWith("关于") || char.IsAsciiDigit(line[0]) || line.StartsWith("二〇") || line.StartsWith("二○")
                || organizations.FromTitle(line.ToString()) is null);
    }

    /// <summary>Spaces dropped next to Chinese characters, other runs of blanks collapsed, trailing punctuation off.</summary>
    internal static string Tidy(ReadOnlySpan<char> title)
    {
        var sb = new StringBuilder(title.Length);
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (char.IsWhiteSpace(c))
            {
                var next = i + 1 < title.Length ? title[i + 1] : ' ';
                var prev = sb.Length > 0 ? sb[^1] : ' ';
                if (prev == ' ' || char.IsWhiteSpace(next) || PageLabels.IsIdeograph(prev) || PageLabels.IsIdeograph(next))
                {
                    continue;
                }

                c = ' ';
            }

            sb.Append(c);
        }

        return sb.ToString().Trim().TrimEnd('。', '.', '，', ',', '；', ';', '：', ':');
    }
}
