using System.Collections.Immutable;
using System.Globalization;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Sections;

/// <summary>
/// Turns the numbered headings of a report (一、 第一部分 （一） 1. （1） ①) into a section tree.
/// Spans are UTF-16 offsets into the normalized text; every node carries the kind of its top-level section.
/// </summary>
/// <remarks>
/// Levels are not a fixed table: a numbering family's rank is the order in which it first appears, so a
/// report that nests 1. directly under 一、 and another that puts （一） between them both come out right.
/// One pass over the lines, constant work per line, so the cost is linear in the text.
/// </remarks>
public sealed partial class SectionSplitter
{
    // A marker alone on its line takes its title from the next line when that line is this short.
    private const int DetachedTitleLimit = 60;

    private readonly SectionKindLexicon _kinds;
    private readonly ImmutableArray<string> _trailingChrome;

    /// <summary>A splitter with the built-in section-kind lexicon.</summary>
    public SectionSplitter()
        : this(SectionKindLexicon.LoadEmbedded())
    {
    }

    /// <summary>A splitter that names top-level sections with <paramref name="kinds"/>.</summary>
    public SectionSplitter(SectionKindLexicon kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        _kinds = kinds;
        _trailingChrome = [.. EmbeddedData.ReadLines("Sections/trailing-chrome.txt")];
    }

    /// <summary>The section tree of <paramref name="text"/>.</summary>
    public ImmutableArray<Section> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headings = FindHeadings(text);
        if (headings.Count == 0)
        {
            return [];
        }

        var bodyEnd = BodyEnd(text, headings[^1].LineEnd);
        var roots = BuildTree(text, headings, bodyEnd);
        AssignKinds(roots);
        var sections = ImmutableArray.CreateBuilder<Section>(roots.Count);
        for (var i = 0; i < roots.Count; i++)
        {
            sections.Add(roots[i].ToSection(text, (i + 1).ToString(CultureInfo.InvariantCulture), 1));
        }

        return sections.MoveToImmutable();
    }

    /// <summary>Every heading line in document order, without the entries of a table of contents.</summary>
    private static List<Heading> FindHeadings(string text)
    {
        var headings = new List<Heading>();
        var contents = new ContentsTracker();
        var pos = 0;
        var previousEnd = '\n';
        while (pos <= text.Length)
        {
            var lineEnd = LineEnd(text, pos);
            var match = ContinuesSentence(previousEnd) ? null : HeadingRecognizer.Recognize(text, pos, lineEnd);
            previousEnd = match is not null ? '\n' : LastNonBlank(text, pos, lineEnd) ?? previousEnd;
            var next = lineEnd + 1;
            if (match is not { } m)
            {
                if (headings.Count == 0 && contents.State == ContentsState.None && IsContentsLine(text.AsSpan(pos, lineEnd - pos)))
                {
                    contents.Open();
                }
                else if (contents.State == ContentsState.Open && !IsBlankLine(text, pos, lineEnd) && !IsContentsEntryLine(text.AsSpan(pos, lineEnd - pos)))
                {
                    headings.AddRange(contents.CloseOnBody());
                }

                pos = next;
                continue;
            }

            var title = text.Substring(m.TitleStart, m.TitleEnd - m.TitleStart);
            var headingEnd = lineEnd;
            if (m.TitleStart == m.TitleEnd && DetachedTitle(text, next) is { } detached)
            {
                title = text[detached.Start..detached.End];
                headingEnd = detached.LineEnd;
                next = detached.LineEnd + 1;
            }

            var heading = new Heading(m, pos, headingEnd, title);

            if (contents.State == ContentsState.Open)
            {
                if (!contents.IsRepeatOfFirst(heading))
                {
                    contents.Entries.Add(heading);
                    pos = next;
                    continue;
                }

                contents.Close(keepEntries: false);
            }

            headings.Add(heading);
            pos = next;
        }

        if (contents.State == ContentsState.Open)
        {
            // A contents marker followed only by headings and never repeated: they are the headings.
            headings.AddRange(contents.Close(keepEntries: true));
        }

        return headings;
    }

    /// <summary>
    /// A line that follows one broken off after a comma or an opening bracket continues that sentence
    /// (hard-wrapped text: …全年开展以下工作,1.制定方案, / 2.开展培训), so its number is no heading.
    /// </summary>
    private static bool ContinuesSentence(char previousEnd) => previousEnd is '，' or ',' or '、' or '（' or '(' or '《' or '“' or '‘';

    private static char? LastNonBlank(string text, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (!ChineseText.IsBlank(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }

    /// <summary>The next line after a bare marker, when it reads as that marker's title.</summary>
    private static (int Start, int End, int LineEnd)? DetachedTitle(string text, int pos)
    {
        while (pos <= text.Length)
        {
            var lineEnd = LineEnd(text, pos);
            if (!IsBlankLine(text, pos, lineEnd))
            {
                var line = text.AsSpan(pos, lineEnd - pos).Trim();
                if (line.Length > DetachedTitleLimit || line.Contains('。') || HeadingRecognizer.Recognize(text, pos, lineEnd) is not null)
                {
                    return null;
                }

                var start = text.IndexOf(line[0], pos);
                return (start, start + line.Length, lineEnd);
            }

            pos = lineEnd + 1;
        }

        return null;
    }

    /// <summary>
    /// Nests headings by family rank (order of first appearance) and closes each section before the next peer.
    /// A family already open continues where its number follows on (inner list first, then outer), so a list
    /// that starts over at 1 inside an open item of its own family (the rows 一、二、三 of a table in section 三、)
    /// nests there once; any other number, a repeat or a gap, stays a sibling of the innermost open item.
    /// </summary>
    private static List<Heading> BuildTree(string text, List<Heading> headings, int bodyEnd)
    {
        Span<int> rank = stackalloc int[FamilyCount];
        rank.Fill(-1);
        var nextRank = 0;
        var roots = new List<Heading>();
        var open = new List<Heading>();
        foreach (var heading in headings)
        {
            ref var r = ref rank[(int)heading.Match.Family];
            if (r < 0)
            {
                r = nextRank++;
            }

            var keep = OpenDepthFor(open, heading, r);
            for (var i = open.Count - 1; i >= keep; i--)
            {
                open[i].End = TrimEnd(text, heading.LineStart, open[i].MinEnd);
            }

            open.RemoveRange(keep, open.Count - keep);
            heading.Rank = r;
            if (open.Count == 0)
            {
                roots.Add(heading);
            }
            else
            {
                open[^1].AddChild(heading);
            }

            open.Add(heading);
        }

        for (var i = open.Count - 1; i >= 0; i--)
        {
            open[i].End = Math.Max(TrimEnd(text, bodyEnd, open[i].MinEnd), open[i].MinEnd);
        }

        return roots;
    }

    /// <summary>How many open sections stay open (as ancestors) when <paramref name="heading"/> arrives.</summary>
    private static int OpenDepthFor(List<Heading> open, Heading heading, int rank)
    {
        var family = heading.Match.Family;
        var number = heading.Match.Number;
        int innermost = -1, sameFamily = 0;
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i].Match.Family != family)
            {
                continue;
            }

            sameFamily++;
            innermost = innermost < 0 ? i : innermost;
            if (number == open[i].Match.Number + 1)
            {
                return i;
            }
        }

        if (innermost < 0)
        {
            // A family not open: close everything of its rank or below.
            var keep = open.Count;
            while (keep > 0 && open[keep - 1].Rank >= rank)
            {
                keep--;
            }

            return keep;
        }

        // Starting over at 1 inside an item numbered 2 or more nests, once per family; anything else is a sibling.
        return number == 1 && sameFamily == 1 && open[innermost].Match.Number >= 2 ? open.Count : innermost;
    }

    /// <summary>
    /// Kinds come from the top-level titles; top-level sections the lexicon cannot name but that stand
    /// before the report's shortcomings or plans are its achievements (topical headings such as 提升依法全面履职水平).
    /// </summary>
    private void AssignKinds(List<Heading> roots)
    {
        foreach (var root in roots)
        {
            root.Kind = _kinds.Classify(root.Title);
        }

        var turn = roots.FindIndex(n => n.Kind is SectionKind.Shortcomings or SectionKind.Plans);
        for (var i = 0; i < turn; i++)
        {
            if (roots[i].Kind == SectionKind.Other)
            {
                roots[i].Kind = SectionKind.Achievements;
            }
        }
    }

    private static int LineEnd(string text, int pos)
    {
        if (pos >= text.Length)
        {
            return text.Length;
        }

        var newline = text.IndexOf('\n', pos);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>Start of the line that contains <paramref name="pos"/> (0 when before the text).</summary>
    private static int PreviousLineStart(string text, int pos)
    {
        if (pos <= 0)
        {
            return 0;
        }

        var newline = text.LastIndexOf('\n', Math.Min(pos, text.Length) - 1);
        return newline + 1;
    }

    private static bool IsBlankLine(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!ChineseText.IsBlank(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Backs <paramref name="end"/> off trailing whitespace, never before <paramref name="floor"/>.</summary>
    private static int TrimEnd(string text, int end, int floor)
    {
        while (end > floor && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '\u3000'))
        {
            end--;
        }

        return end;
    }

    /// <summary>How many heading families there are (read once: each call of Enum.GetValues makes an array).</summary>
    private static readonly int FamilyCount = Enum.GetValues<HeadingFamily>().Length;

    /// <summary>
    /// A heading line, and the section it opens as the tree is built (one object for both: a report has dozens of
    /// headings); mutable only inside <see cref="Split"/>.
    /// </summary>
    private sealed class Heading(HeadingMatch match, int lineStart, int lineEnd, string title)
    {
        public HeadingMatch Match { get; } = match;

        public int LineStart { get; } = lineStart;

        public int LineEnd { get; } = lineEnd;

        public string Title { get; } = title;

        /// <summary>Its family's rank, set when the tree is built.</summary>
        public int Rank { get; set; }

        // Most sections are leaves: only those with children make a list of them.
        private List<Heading>? _children;

        public int End { get; set; }

        public SectionKind Kind { get; set; } = SectionKind.Other;

        /// <summary>A section never ends inside its own heading.</summary>
        public int MinEnd => Match.TitleEnd;

        public void AddChild(Heading child) => (_children ??= []).Add(child);

        public Section ToSection(string text, string path, int level)
        {
            var marker = text[Match.MarkerStart..Match.MarkerEnd];
            var children = ImmutableArray<Section>.Empty;
            if (_children is { } nodes)
            {
                var builder = ImmutableArray.CreateBuilder<Section>(nodes.Count);
                for (var i = 0; i < nodes.Count; i++)
                {
                    var child = nodes[i];
                    child.Kind = Kind;
                    // One allocation for the path: small numbers come from the runtime's cache of their strings.
                    builder.Add(child.ToSection(text, string.Concat(path, ".", (i + 1).ToString(CultureInfo.InvariantCulture)), level + 1));
                }

                children = builder.MoveToImmutable();
            }

            return new Section(path, level, marker, Title, Kind, new TextSpan(Match.MarkerStart, End), children);
        }
    }
}
