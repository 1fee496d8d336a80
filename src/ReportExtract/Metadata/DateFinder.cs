using System.Buffers;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ReportExtract.Common;

namespace ReportExtract.Metadata;

/// <summary>A signature: the date at the end of the document and the issuer written beside or above it.</summary>
internal sealed record Signature(DateOnly Date, string? Organization);

/// <summary>
/// Finds a report's dates: the document's own date (成文日期 label, the date line of a speech, the signature) and the
/// page's publication date (发布日期 label, the date opening a label line, a date in brackets after the headline).
/// </summary>
internal sealed partial class DateFinder(MetadataLexicon lexicon, OrganizationNames organizations)
{
    private const int FragmentMaxLength = 40;

    // The foot before a trailing attachment is read this far back.
    private const int FootLines = 12;

    // A bulleted block of bare values needs this many lines to be read as a disclosure table.
    private const int BulletedBlockLines = 3;

    // Attachments are looked for this far from the end: the cost stays bounded on a huge text.
    private const int AttachmentReach = 100_000;

    // ——2022年1月12日在某某市第十五届人民代表大会第一次会议上: a speech carries the date it was given.
    [GeneratedRegex(
        @"^[—\-－─―]{0,4}[ \t]*(?<date>(?:19|20)[0-9]{2}[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日|[〇○零OΟ0一二三四五六七八九]{4}[ \t]*年[ \t]*[一二三四五六七八九十]{1,3}[ \t]*月[ \t]*[一二三四五六七八九十]{1,3}[ \t]*日)[ \t]*在[^。\n]{0,60}?(?:代表大会|会议)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex SpeechDateLine();

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}(?:-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)[ \t]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    // 某某局2021年度法治政府建设报告 (2022-02-25): a list page's headline with the date it went up.
    [GeneratedRegex(@"[(（][ \t]*(?<date>(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2})[ \t]*[)）]$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex HeadlineDate();

    /// <summary>The date at the end of the text, or before the attachments, 抄送 and 印发 lines that follow it.</summary>
    public Signature? FindSignature(MetadataPage page)
    {
        if (Signature(page.Text, page.Foot) is { } signature)
        {
            return signature;
        }

        // 附件: a long attachment (a table, a list) can push the signature out of the foot.
        var floor = Math.Max(page.Head.Count > 0 ? Math.Min(page.Text.Length, page.Head[^1].End + 1) : 0, page.Text.Length - AttachmentReach);
        var end = page.Text.Length;
        for (var tries = 0; tries < 3; tries++)
        {
            var attachment = LastLineStarting(page.Text, end, floor, lexicon.SignatureFollowers, lexicon.SignatureFollowerStarts);
            if (attachment < 0)
            {
                break;
            }

            if (Signature(page.Text, TextLines.Foot(page.Text, floor, FootLines, attachment)) is { } above)
            {
                return above;
            }

            end = attachment;
        }

        return null;
    }

    /// <summary>The document's own date: 成文日期, the date a speech was given, else the signature's.</summary>
    public DateOnly? DocumentDate(MetadataPage page, Signature? signature) =>
        page.LabelDate(LabelField.DocumentDate) ?? SpeechDate(page) ?? signature?.Date ?? PromulgationDate(page)
        ?? (BulletedDates(page) is [var written, _, ..] ? written : null);

    /// <summary>The page's publication date.</summary>
    public DateOnly? PublishedDate(MetadataPage page) =>
        page.LabelDate(LabelField.PublishedDate) ?? DateOpeningLabelLine(page) ?? HeadlineDateOf(page)
        ?? (BulletedDates(page) is [.., var published] ? published : (DateOnly?)null) ?? TimestampLine(page);

    /// <summary>A head line that is only a date with a time of day (2024/5/19 08:02:41): a page's timestamp, never a signature.</summary>
    private static DateOnly? TimestampLine(MetadataPage page)
    {
        foreach (var line in page.Head)
        {
            var span = line.TrimmedOf(page.Text);
            if (span.Length is > 10 and <= 32 && char.IsAsciiDigit(span[0]) && Timestamp().IsMatch(span))
            {
                return DateText.FirstDate(span);
            }
        }

        return null;
    }

    /// <summary>
    /// The dates of a bulleted block of bare values in the head (a disclosure table whose labels were lost:
    /// <c>• 索引号值 • 机构 • 分类 • 2021-01-29 • 2021-01-29</c>): 成文日期 comes before 发布日期 in these tables, so two
    /// dates are the document's and the page's, one date is the page's.
    /// </summary>
    private static List<DateOnly> BulletedDates(MetadataPage page)
    {
        var dates = new List<DateOnly>();
        var run = 0;
        foreach (var line in page.Head)
        {
            var span = line.TrimmedOf(page.Text);
            if (span.IsEmpty)
            {
                continue;
            }

            if (span[0] is not ('•' or '·' or '●' or '▪'))
            {
                if (run >= BulletedBlockLines && dates.Count > 0)
                {
                    return dates;
                }

                run = 0;
                dates.Clear();
                continue;
            }

            run++;
            var value = span[1..].Trim();
            if (value.Length <= 20 && DateText.SignatureDate(value) is { Who.Length: 0 } date)
            {
                dates.Add(date.Date);
            }
        }

        return run >= BulletedBlockLines ? dates : [];
    }

    /// <summary>The date of a speech line (——2022年1月12日在…人民代表大会…会议上) in the head.</summary>
    public static DateOnly? SpeechDate(MetadataPage page)
    {
        foreach (var line in page.Head)
        {
            var span = line.TrimmedOf(page.Text);
            if (OpensWithDate(span) && SpeechDateLine().Match(span.ToString()) is { Success: true } m)
            {
                return DateText.FirstDate(m.Groups["date"].ValueSpan);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a line, past the dashes and blanks a speech line may open with, starts with a digit a date can start
    /// with: most head lines do not, and are turned away before a string copy and a regex run.
    /// </summary>
    internal static bool OpensWithDate(ReadOnlySpan<char> line)
    {
        var rest = line.TrimStart("—-－─― \t");
        return rest.Length > 0 && "12〇○零OΟ0一二三四五六七八九".Contains(rest[0]);
    }

    /// <summary>Whether a trimmed line closes with a bracket, as a headline's date does: other lines need no string copy and no regex run.</summary>
    internal static bool ClosesWithBracket(ReadOnlySpan<char> trimmed) => trimmed.Length > 0 && trimmed[^1] is ')' or '）';

    /// <summary>The headline-date pattern alone, without <see cref="ClosesWithBracket"/> before it (for tests).</summary>
    internal static bool MatchesHeadlineDate(string line) => HeadlineDate().IsMatch(line);

    /// <summary>The speech-line pattern alone, without <see cref="OpensWithDate"/> before it (for tests).</summary>
    internal static bool MatchesSpeechDateLine(string line) => SpeechDateLine().IsMatch(line);

    /// <summary>…现予公布,自2015年3月1日起施行。 then a line 2015年1月9日: the date of a promulgation order at the top.</summary>
    private DateOnly? PromulgationDate(MetadataPage page)
    {
        var previous = ReadOnlySpan<char>.Empty;
        foreach (var line in page.Head)
        {
            var span = line.TrimmedOf(page.Text);
            if (span.IsEmpty)
            {
                continue;
            }

            if (DateText.SignatureDate(span) is { Who.Length: 0 } alone && OrganizationNames.ContainsAny(previous, lexicon.PromulgationCues))
            {
                return alone.Date;
            }

            previous = span;
        }

        return null;
    }

    /// <summary>
    /// The start of the last line that opens (blanks aside) with one of <paramref name="words"/> at or after
    /// <paramref name="floor"/> and before <paramref name="end"/>, or -1 (also when that line starts at or before the
    /// floor). The lines are walked up from the end once, whatever the number of words.
    /// </summary>
    internal static int LastLineStarting(string text, int end, int floor, ImmutableArray<string> words, SearchValues<char> firsts)
    {
        for (var lineEnd = end; lineEnd > floor;)
        {
            var lineStart = text.AsSpan(0, lineEnd).LastIndexOf('\n') + 1;
            var first = lineStart;
            while (first < lineEnd && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            var opening = text.AsSpan(first, lineEnd - first);
            if (first >= floor && OrganizationNames.MayStartWithAny(opening, firsts) && OrganizationNames.StartsWithAny(opening, words))
            {
                return lineStart > floor ? lineStart : -1;
            }

            lineEnd = lineStart - 1;
        }

        return -1;
    }

    /// <summary>The last date line of <paramref name="foot"/>, with the issuer written beside or above it.</summary>
    private Signature? Signature(string text, List<TextLine> foot)
    {
        for (var i = foot.Count - 1; i >= 0; i--)
        {
            if (DateText.SignatureDate(foot[i].Of(text)) is not { } found)
            {
                continue;
            }

            var organization = found.Who.Length > 0 ? organizations.AsName(found.Who) : null;
            for (var j = i - 1; organization is null && j >= 0 && j >= i - 3; j--)
            {
                var above = foot[j].TrimmedOf(text);
                organization = organizations.AsName(above);
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
    private static DateOnly? DateOpeningLabelLine(MetadataPage page)
    {
        for (var i = 0; i < page.Head.Count; i++)
        {
            if (!page.HeadUsed.Contains(i) || page.HeadValues.Contains(i))
            {
                continue;
            }

            var line = page.Head[i].TrimmedOf(page.Text);
            if (line.Length > 0 && char.IsAsciiDigit(line[0]) && LeadingDate().Match(line.ToString()) is { Success: true } m)
            {
                return DateText.FirstDate(m.ValueSpan);
            }
        }

        return null;
    }

    /// <summary>A date in brackets closing one of the first head lines, after a headline.</summary>
    private static DateOnly? HeadlineDateOf(MetadataPage page)
    {
        var seen = 0;
        foreach (var line in page.Head)
        {
            var span = line.TrimmedOf(page.Text);
            if (span.IsEmpty)
            {
                continue;
            }

            if (++seen > 3)
            {
                break;
            }

            if (ClosesWithBracket(span) && HeadlineDate().Match(span.ToString()) is { Success: true } m && m.Index >= 6 && span[..m.Index].ContainsAnyInRange('\u4E00', '\u9FFF'))
            {
                return DateText.FirstDate(m.Groups["date"].ValueSpan);
            }
        }

        return null;
    }
}
