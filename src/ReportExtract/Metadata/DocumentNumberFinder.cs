using System.Text.RegularExpressions;

namespace ReportExtract.Metadata;

/// <summary>Finds the 文号 (温建〔2022〕4号) and the 索引号 of a report: from labels, around the title, or on a line of their own.</summary>
internal sealed partial class DocumentNumberFinder
{
    private const int NumberLineMaxLength = 40;

    [GeneratedRegex(
        @"(?<org>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20})[ \t]*[〔\[［【(（][ \t]*(?<y>(?:19|20)[0-9]{2})[ \t]*[〕\]］】)）][ \t]*第?[ \t]*(?<n>[0-9]{1,5})[ \t]*号",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    // A line that is nothing but a document number, perhaps in parentheses: 温政办〔2022〕5号.
    [GeneratedRegex(
        @"^[（(]?[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}[ \t]*[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*第?[ \t]*[0-9]{1,5}[ \t]*号[)）]?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    [GeneratedRegex(
        @"[（(][\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}[ \t]*[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*第?[ \t]*[0-9]{1,5}[ \t]*号[)）]$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumberPattern();

    [GeneratedRegex(@"[0-9A-Za-z][0-9A-Za-z\-/_.]{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumberPattern();

    /// <summary>The 文号: a label's, else one wrapped around the title, else a head line that is only a number.</summary>
    public static string? DocumentNumber(MetadataPage page, FoundTitle? title) =>
        page.Label(LabelField.DocumentNumber, NumberIn) ?? title?.DocumentNumber ?? NumberLineIn(page);

    /// <summary>The 索引号 label's value.</summary>
    public static string? IndexNumber(MetadataPage page) =>
        page.Label(LabelField.IndexNumber, v => IndexNumberPattern().Match(v) is { Success: true } m ? m.Value : null);

    /// <summary>温建〔2022〕4号 in <paramref name="value"/>, brackets made canonical (〔〕) whatever the page used.</summary>
    public static string? NumberIn(string value) =>
        NumberPattern().Match(value) is { Success: true } m
            ? $"{m.Groups["org"].Value}〔{m.Groups["y"].Value}〕{m.Groups["n"].Value}号"
            : null;

    /// <summary>Whether <paramref name="line"/> is nothing but a document number.</summary>
    public static bool IsNumberLine(ReadOnlySpan<char> line) => NumberLine().IsMatch(line);

    /// <summary>Where a parenthesized number closing <paramref name="title"/> starts, or null.</summary>
    public static int? TrailingNumber(string title) =>
        TrailingNumberPattern().Match(title) is { Success: true } m ? m.Index : null;

    private static string? NumberLineIn(MetadataPage page)
    {
        var head = page.Head;
        for (var i = 0; i < head.Count; i++)
        {
            var line = head[i].TrimmedOf(page.Text);
            if (!page.HeadUsed.Contains(i) && line.Length <= NumberLineMaxLength && NumberLine().IsMatch(line))
            {
                page.HeadUsed.Add(i);
                return NumberIn(line.ToString());
            }
        }

        return null;
    }
}
