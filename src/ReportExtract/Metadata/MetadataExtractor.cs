using System.Collections.Immutable;
using CultureInfo = System.Globalization.CultureInfo;
using NumberStyles = System.Globalization.NumberStyles;
using System.Text;
using System.Text.RegularExpressions;
using ReportExtract.Model;

namespace ReportExtract.Metadata;

/// <summary>Who reported, for which year, when, under which numbers, and where.</summary>
public sealed record ReportMetadata(
    string? Title,
    string? Organization,
    int? ReportYear,
    DateOnly? DocumentDate,
    DateOnly? PublishedDate,
    string? DocumentNumber,
    string? IndexNumber,
    RegionInfo? Region,
    ImmutableArray<string> Warnings)
{
    public static ReportMetadata None { get; } = new(null, null, null, null, null, null, null, null, []);
}

/// <summary>
/// Reads a report's metadata from its head (title, page labels, number line, opening sentence) and its
/// foot (signature and date). Only bounded windows are read line by line, so the cost does not grow with the body.
/// </summary>
public sealed partial class MetadataExtractor
{
    // The head is everything before the first section, at most this many lines.
    private const int HeadLines = 80;

    // The foot: the last non-blank lines, where signatures and trailing page labels stand.
    private const int FootLines = 12;

    private const int TitleMaxLength = 80;
    private const int FragmentMaxLength = 40;

    // 现将…年…报告如下 is searched for this far into the text (a cover letter can come first).
    private const int ReportingSentenceWindow = 20_000;

    private readonly MetadataLexicon _lexicon;
    private readonly PageLabels _labels;
    private readonly OrganizationNames _organizations;
    private readonly RegionResolver _regions;

    /// <summary>An extractor with the built-in lexicon and division table.</summary>
    public MetadataExtractor()
        : this(MetadataLexicon.Default, RegionResolver.Default)
    {
    }

    /// <summary>An extractor that reads labels, names and titles with <paramref name="lexicon"/> and places with <paramref name="regions"/>.</summary>
    public MetadataExtractor(MetadataLexicon lexicon, RegionResolver regions)
    {
        _lexicon = lexicon;
        _regions = regions;
        _labels = new PageLabels(lexicon);
        _organizations = new OrganizationNames(lexicon);
    }

    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})[ \t]*年", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ArabicYear();

    [GeneratedRegex(@"(?<y>[〇○零OΟ0一二三四五六七八九]{4})[ \t]*年", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseYear();

    // 现将我局2023年法治政府建设情况报告如下: the year the report itself says it covers.
    [GeneratedRegex(@"现将[^。\n]{0,60}?(?<y>(?:19|20)[0-9]{2})[ \t]*年", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ReportingSentence();

    // A year the opening prose is about: 2021年, / 2021年度 / 2021年以来.
    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})[ \t]*年(?:度|以来|[,，])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex IntroYear();

    [GeneratedRegex(
        @"(?<org>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20})[ \t]*[〔\[［【(（][ \t]*(?<y>(?:19|20)[0-9]{2})[ \t]*[〕\]］】)）][ \t]*第?[ \t]*(?<n>[0-9]{1,5})[ \t]*号",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberPattern();

    // A head line that is nothing but a document number, perhaps in parentheses: 温政办〔2022〕5号.
    [GeneratedRegex(
        @"^[（(]?[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}[ \t]*[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*第?[ \t]*[0-9]{1,5}[ \t]*号[)）]?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberLine();

    [GeneratedRegex(
        @"[（(][\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}[ \t]*[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*第?[ \t]*[0-9]{1,5}[ \t]*号[)）]$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDocumentNumber();

    [GeneratedRegex(@"[（(〔\[][ \t]*(?<y>(?:19|20)[0-9]{2})[ \t]*[)）〕\]]", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedYear();

    // A line that only gives a year in brackets: （2021年度）.
    [GeneratedRegex(@"^[（(][ \t]*(?:19|20)[0-9]{2}[ \t]*年度?[ \t]*[)）]$", RegexOptions.CultureInvariant)]
    private static partial Regex YearLine();

    [GeneratedRegex(@"[0-9A-Za-z][0-9A-Za-z\-/_.]{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumberPattern();

    /// <summary>Metadata of normalized <paramref name="text"/>; <paramref name="sections"/> bound the head and name the achievements.</summary>
    public ReportMetadata Extract(string text, ImmutableArray<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = ImmutableArray.CreateBuilder<string>();
        // The head stops at the line of the first heading (which may be indented).
        var headEnd = sections.IsDefaultOrEmpty ? text.Length
            : sections[0].Span.Start == 0 ? 0
            : text.LastIndexOf('\n', sections[0].Span.Start - 1) + 1;
        var head = TextLines.Head(text, headEnd, HeadLines);
        var headUsed = new HashSet<int>();
        var headValues = new HashSet<int>();
        var labelled = _labels.Scan(text, head, headUsed, headValues);
        var footFloor = head.Count > 0 ? Math.Min(text.Length, head[^1].End + 1) : 0;
        var foot = TextLines.Foot(text, footFloor, FootLines);
        labelled.AddRange(_labels.Scan(text, foot, []));

        var (title, titleLines) = First(labelled, LabelField.Title, TitleFromLabel) is { } labelledTitle
            ? (labelledTitle, (-1, -1))
            : FindTitle(text, head, headUsed);
        var signature = FindSignature(text, foot);
        string? numberInTitle = null;
        if (title is not null && TrailingDocumentNumber().Match(title) is { Success: true, Index: > 0 } trailing)
        {
            // 某某市人民政府关于…的报告（温政〔2022〕5号）: the number is not part of the title.
            numberInTitle = DocumentNumberIn(trailing.Value);
            title = title[..trailing.Index].TrimEnd();
        }

        var documentDate = First(labelled, LabelField.DocumentDate, v => DateText.FirstDate(v)) ?? signature?.Date;
        var publishedDate = First(labelled, LabelField.PublishedDate, v => DateText.FirstDate(v)) ?? DateOpeningLabelLine(text, head, headUsed, headValues);
        var documentNumber = First(labelled, LabelField.DocumentNumber, DocumentNumberIn) ?? numberInTitle ?? DocumentNumberLineIn(text, head, headUsed);
        var indexNumber = First(labelled, LabelField.IndexNumber, v => IndexNumberPattern().Match(v) is { Success: true } m ? m.Value : null);

        var opening = OpeningSentence(text, head, headUsed, titleLines);
        var fromTitle = title is null ? null : _organizations.FromTitle(title);
        var fromElsewhere = First(labelled, LabelField.Publisher, v => _organizations.AsName(v))
            ?? signature?.Organization
            ?? First(labelled, LabelField.Source, v => _organizations.AsName(v))
            ?? (opening.IsEmpty ? null : _organizations.FromOpeningSentence(opening));

        // A title that names only a place (某某区2021年…) yields to the full name of a body of that place.
        var organization = fromTitle is not null && _organizations.IsPlaceOnly(fromTitle) && fromElsewhere is not null && fromElsewhere.StartsWith(fromTitle, StringComparison.Ordinal)
            ? fromElsewhere
            : fromTitle ?? fromElsewhere;

        var year = ReportYear(text, title, head, headUsed, titleLines, sections, warnings);
        // The organization names the reporting body most directly; the title and the text settle what it leaves open.
        var region = _regions.Resolve(organization, title, text);
        warnings.AddRange(region.Warnings);
        return new ReportMetadata(title, organization, year, documentDate, publishedDate, documentNumber, indexNumber, region.Region, warnings.ToImmutable());
    }

    private static T? First<T>(List<LabelledValue> labelled, LabelField field, Func<string, T?> read)
        where T : class
    {
        foreach (var value in labelled)
        {
            if (value.Field == field && read(value.Value) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    private static DateOnly? First(List<LabelledValue> labelled, LabelField field, Func<string, DateOnly?> read)
    {
        foreach (var value in labelled)
        {
            if (value.Field == field && read(value.Value) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    // ---- title ----------------------------------------------------------------------------------------

    /// <summary>
    /// The report's own title line (joined with a fragment above it when split), and the lines it took. A
    /// line naming a year, an issuer or 关于 beats an earlier bare one (a column name such as 法治政府建设年度报告).
    /// </summary>
    private (string? Title, (int First, int Last) Lines) FindTitle(string text, List<TextLine> head, HashSet<int> used)
    {
        (string? Title, (int, int) Lines) first = (null, (-1, -1));
        for (var i = 0; i < head.Count; i++)
        {
            if (used.Contains(i))
            {
                continue;
            }

            var line = CleanTitleLine(head[i].TrimmedOf(text));
            if (!IsTitleLine(line))
            {
                continue;
            }

            var previous = i - 1;
            while (previous >= 0 && head[previous].TrimmedOf(text).IsEmpty)
            {
                previous--;
            }

            var candidate = (Tidy(line), (i, i));
            if (previous >= 0 && !used.Contains(previous))
            {
                var fragment = head[previous].TrimmedOf(text);
                if (IsTitleFragment(fragment) && ShouldJoin(fragment, line))
                {
                    candidate = (Tidy(string.Concat(fragment, line)), (previous, i));
                }
            }

            // 某某县法治政府建设年度报告 over （2021年度）: the year line belongs to the title.
            var after = i + 1;
            while (after < head.Count && head[after].TrimmedOf(text).IsEmpty)
            {
                after++;
            }

            if (after < head.Count && !used.Contains(after) && YearLine().IsMatch(head[after].TrimmedOf(text)))
            {
                candidate = (Tidy(string.Concat(candidate.Item1, head[after].TrimmedOf(text))), (candidate.Item2.Item1, after));
            }

            if (IsSpecific(candidate.Item1))
            {
                return candidate;
            }

            first = first.Title is null ? candidate : first;
        }

        return first;
    }

    private bool IsSpecific(string title) =>
        YearIn(title) is not null || title.Contains("关于", StringComparison.Ordinal) || _organizations.FromTitle(title) is not null;

    /// <summary>A 标题/名称 label's value, when it reads as a report title.</summary>
    private string? TitleFromLabel(string value)
    {
        var line = CleanTitleLine(value.AsSpan().Trim());
        return IsTitleLine(line) ? Tidy(line) : null;
    }

    /// <summary>A page headline without its decorations: 【年度报告】 in front, _站点名 or | 站点名 behind.</summary>
    private ReadOnlySpan<char> CleanTitleLine(ReadOnlySpan<char> line)
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
                line = OrganizationNames.ContainsAny(left, _lexicon.TitleCues) || !OrganizationNames.ContainsAny(right, _lexicon.TitleCues) ? left : right;
            }
        }

        // An attachment link (….pdf) or a quoted title (《…》) names the report all the same.
        foreach (var extension in (ReadOnlySpan<string>)[".pdf", ".doc", ".docx", ".wps", ".ofd", ".PDF", ".DOC", ".DOCX"])
        {
            if (line.EndsWith(extension, StringComparison.Ordinal))
            {
                line = line[..^extension.Length].TrimEnd();
                break;
            }
        }

        if (line.Length > 2 && line[0] == '《' && line[^1] == '》' && line[1..^1].IndexOfAny('《', '》') < 0)
        {
            line = line[1..^1];
        }

        // 某某局2021年度法治政府建设年度报告-某某市人民政府: a hyphen between Chinese words joins a site name.
        for (var i = 1; i < line.Length - 1; i++)
        {
            if (line[i] is '-' or '－' or '—' && PageLabels.IsIdeograph(line[i - 1]) && PageLabels.IsIdeograph(line[i + 1]))
            {
                var left = line[..i];
                var right = line[(i + 1)..].TrimStart('—');
                line = OrganizationNames.ContainsAny(left, _lexicon.TitleCues) || !OrganizationNames.ContainsAny(right, _lexicon.TitleCues) ? left : right;
                break;
            }
        }

        return line;
    }

    private bool IsTitleLine(ReadOnlySpan<char> line)
    {
        if (line.Length is < 4 or > TitleMaxLength || !OrganizationNames.ContainsAny(line, _lexicon.TitleCues))
        {
            return false;
        }

        if ("。：:；;，,！!？?".Contains(line[^1]) || OrganizationNames.ContainsAny(line, _lexicon.TitleNotContaining)
            || OrganizationNames.StartsWithAny(line, _lexicon.TitleNotStarting))
        {
            return false;
        }

        // A menu row (政府信息公开年报  法治政府建设年报) names several documents at once.
        if (CueSegments(line) > 1)
        {
            return false;
        }

        var core = line.TrimEnd(")）]】 ");
        foreach (var ending in _lexicon.TitleNotEnding)
        {
            if (core.EndsWith(ending, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return DateText.SignatureDate(line) is null;
    }

    private int CueSegments(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var range in line.SplitAny(" \t\u3000|"))
        {
            if (OrganizationNames.ContainsAny(line[range], _lexicon.TitleCues))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A short line above a title that can be its first half (关于… / an issuer's name).</summary>
    private bool IsTitleFragment(ReadOnlySpan<char> line) =>
        line.Length is >= 2 and <= FragmentMaxLength
        && line.IndexOfAny("。，,；;：:！!？?>") < 0
        && !OrganizationNames.ContainsAny(line, _lexicon.TitleNotContaining)
        && !OrganizationNames.StartsWithAny(line, _lexicon.TitleNotStarting)
        && !OrganizationNames.ContainsAny(line, _lexicon.TitleCues)
        && DateText.SignatureDate(line) is null
        && !DocumentNumberLine().IsMatch(line);

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
        return _organizations.AsName(fragment) is not null
            && (line.StartsWith("关于") || char.IsAsciiDigit(line[0]) || line.StartsWith("二〇") || line.StartsWith("二○")
                || _organizations.FromTitle(line.ToString()) is null);
    }

    /// <summary>Spaces dropped next to Chinese characters, other runs of blanks collapsed, trailing punctuation off.</summary>
    private static string Tidy(ReadOnlySpan<char> title)
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

    // ---- signature --------------------------------------------------------------------------------------

    private sealed record Signature(DateOnly Date, string? Organization);

    /// <summary>The last date line of the foot, with the issuer written beside or above it.</summary>
    private Signature? FindSignature(string text, List<TextLine> foot)
    {
        for (var i = foot.Count - 1; i >= 0; i--)
        {
            if (DateText.SignatureDate(foot[i].Of(text)) is not { } found)
            {
                continue;
            }

            var organization = found.Who.Length > 0 ? _organizations.AsName(found.Who) : null;
            for (var j = i - 1; organization is null && j >= 0 && j >= i - 3; j--)
            {
                var above = foot[j].TrimmedOf(text);
                organization = _organizations.AsName(above);
                if (organization is null && (above.Length > FragmentMaxLength || above.IndexOfAny("。，,；;") >= 0))
                {
                    break;
                }
            }

            return new Signature(found.Date, organization);
        }

        return null;
    }

    /// <summary>
    /// The unlabelled date that opens a page's metadata line (<c>2022-02-25 14:12 来源:…</c>): the page's own date.
    /// </summary>
    private static DateOnly? DateOpeningLabelLine(string text, List<TextLine> head, HashSet<int> used, HashSet<int> valuesBelow)
    {
        foreach (var i in used.Except(valuesBelow).Order())
        {
            var line = head[i].TrimmedOf(text);
            if (line.Length > 0 && char.IsAsciiDigit(line[0]) && LeadingDate().Match(line.ToString()) is { Success: true } m)
            {
                return DateText.FirstDate(m.ValueSpan);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}(?:-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    // ---- numbers ----------------------------------------------------------------------------------------

    /// <summary>温建〔2022〕4号 in a label value, brackets made canonical (〔〕) whatever the page used.</summary>
    private static string? DocumentNumberIn(string value) =>
        DocumentNumberPattern().Match(value) is { Success: true } m
            ? $"{m.Groups["org"].Value}〔{m.Groups["y"].Value}〕{m.Groups["n"].Value}号"
            : null;

    private static string? DocumentNumberLineIn(string text, List<TextLine> head, HashSet<int> used)
    {
        for (var i = 0; i < head.Count; i++)
        {
            var line = head[i].TrimmedOf(text);
            if (!used.Contains(i) && line.Length <= 40 && DocumentNumberLine().IsMatch(line))
            {
                used.Add(i);
                return DocumentNumberIn(line.ToString());
            }
        }

        return null;
    }

    // ---- opening sentence and year ------------------------------------------------------------------------

    /// <summary>The first prose line of the head after the title (or from the top when there is none).</summary>
    private static ReadOnlySpan<char> OpeningSentence(string text, List<TextLine> head, HashSet<int> used, (int First, int Last) title)
    {
        for (var i = title.Last + 1; i < head.Count; i++)
        {
            var line = head[i].TrimmedOf(text);
            if (!used.Contains(i) && line.Length > 15 && line.IndexOfAny("，,。") >= 0)
            {
                return line;
            }
        }

        return [];
    }

    private int? ReportYear(string text, string? title, List<TextLine> head, HashSet<int> used, (int First, int Last) titleLines, ImmutableArray<Section> sections, ImmutableArray<string>.Builder warnings)
    {
        var fromTitle = title is null ? null : YearIn(title);
        var window = text.Length > ReportingSentenceWindow ? text[..ReportingSentenceWindow] : text;
        int? fromReporting = ReportingSentence().Match(window) is { Success: true } r ? ParseYear(r.Groups["y"].ValueSpan) : null;
        if (fromTitle is { } t && fromReporting is { } s && t != s)
        {
            warnings.Add($"report_year: the title says {t} but the opening says {s}; kept {t}");
        }

        if ((fromTitle ?? fromReporting) is { } year)
        {
            return year;
        }

        for (var i = 0; i < head.Count; i++)
        {
            if (used.Contains(i) || (i >= titleLines.First && i <= titleLines.Last))
            {
                continue;
            }

            var line = head[i].Of(text);
            foreach (var m in IntroYear().EnumerateMatches(line))
            {
                return ParseYear(line.Slice(m.Index, 4));
            }
        }

        var counted = MostFrequentYear(text, sections);
        if (counted is { } c)
        {
            warnings.Add($"report_year: inferred as {c.ToString(CultureInfo.InvariantCulture)}, the year the achievements mention most");
        }

        return counted;
    }

    private static int? YearIn(string title)
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

        // 法治政府建设年度报告（2021）: a bare year in brackets.
        return BracketedYear().Match(title) is { Success: true } bracketed ? ParseYear(bracketed.Groups["y"].ValueSpan) : null;
    }

    /// <summary>The year mentioned most in the achievements sections (or in the whole text when none is named).</summary>
    private static int? MostFrequentYear(string text, ImmutableArray<Section> sections)
    {
        var spans = sections.IsDefaultOrEmpty
            ? [new TextSpan(0, text.Length)]
            : sections.Where(s => s.Kind == SectionKind.Achievements).Select(s => s.Span).DefaultIfEmpty(new TextSpan(0, text.Length)).ToList();
        var counts = new Dictionary<int, int>();
        foreach (var span in spans)
        {
            foreach (var m in ArabicYear().EnumerateMatches(text.AsSpan(span.Start, span.Length)))
            {
                var y = ParseYear(text.AsSpan(span.Start + m.Index, 4));
                counts[y] = counts.GetValueOrDefault(y) + 1;
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
    }

    private static int ParseYear(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
