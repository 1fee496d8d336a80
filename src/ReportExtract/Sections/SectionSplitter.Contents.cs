using ReportExtract.Common;

namespace ReportExtract.Sections;

/// <summary>A table of contents (目录): its entries are no headings, and its page numbers are no part of a title.</summary>
public sealed partial class SectionSplitter
{
    /// <summary>目录 / 目 录 standing alone on its line.</summary>
    private static bool IsContentsLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length is < 2 or > 8 || line[0] != '目' || line[^1] != '录')
        {
            return false;
        }

        foreach (var c in line[1..^1])
        {
            if (!ChineseText.IsBlank(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A contents line without a numbered marker: 前言……1, or a page number alone.</summary>
    private static bool IsContentsEntryLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        var digits = line.Length - line.TrimEnd("0123456789").Length;
        if (digits is 0 or > 3)
        {
            return false;
        }

        var rest = line[..^digits];
        return rest.Length == 0 || rest.Length != rest.TrimEnd(ContentsLeaders).Length;
    }

    private const string ContentsLeaders = ".…·-—_ \t\u3000";

    /// <summary>A title with any contents leaders and page number removed.</summary>
    internal static ReadOnlySpan<char> WithoutPageNumber(ReadOnlySpan<char> title)
    {
        var withoutDigits = title.TrimEnd("0123456789");
        var withoutLeaders = withoutDigits.TrimEnd(ContentsLeaders);
        return withoutLeaders.Length < withoutDigits.Length || withoutDigits.Length == title.Length ? withoutLeaders : title;
    }

    private enum ContentsState
    {
        None,
        Open,
        Closed,
    }

    /// <summary>A 目录 block: its entries are held back until the document repeats the first one.</summary>
    private sealed class ContentsTracker
    {
        public ContentsState State { get; private set; }

        public List<Heading> Entries { get; } = [];

        public void Open() => State = ContentsState.Open;

        public List<Heading> Close(bool keepEntries)
        {
            State = ContentsState.Closed;
            return keepEntries ? Entries : [];
        }

        /// <summary>
        /// Body text ended the list before an exact repeat. Where the numbering started over (the body's
        /// 一、 worded differently from the contents line) the headings from there on are real; a single
        /// entry with a body was never a list; otherwise all entries were contents.
        /// </summary>
        public List<Heading> CloseOnBody()
        {
            var first = Entries.Count > 0 ? Entries[0].Match : default;
            var restart = Entries.FindLastIndex(h => h.Match.Family == first.Family && h.Match.Number == first.Number);
            var kept = restart > 0 ? Entries[restart..] : Close(keepEntries: Entries.Count < 2);
            State = ContentsState.Closed;
            return kept;
        }

        public bool IsRepeatOfFirst(Heading heading)
        {
            if (Entries.Count == 0)
            {
                return false;
            }

            var first = Entries[0];
            if (first.Match.Family != heading.Match.Family || first.Match.Number != heading.Match.Number)
            {
                return false;
            }

            var a = WithoutPageNumber(first.Title);
            var b = WithoutPageNumber(heading.Title);
            return a.SequenceEqual(b) || (Math.Min(a.Length, b.Length) >= 4 && (a.StartsWith(b) || b.StartsWith(a)));
        }
    }
}
