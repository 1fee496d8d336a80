using System.Collections.Immutable;
using ReportExtract.Metadata;
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
public sealed class SectionSplitter
{
    // A marker alone on its line takes its title from the next line when that line is this short.
    private const int DetachedTitleLimit = 60;

    // Short lines just above a closing date are the signature block, not the last section's body.
    private const int SignatureNameLimit = 30;
    private const int SignatureNameLines = 3;

    // Closing page furniture (分享到, 打印本页) is only looked for on lines this short.
    private const int TrailingChromeLimit = 30;

    private static readonly Lazy<ImmutableArray<string>> DefaultTrailingChrome = new(() => [.. EmbeddedLexicon.ReadLines("Sections", "trailing-chrome.txt")]);

    private readonly SectionKindLexicon _kinds;
    private readonly ImmutableArray<string> _trailingChrome;

    /// <summary>A splitter with the built-in section-kind lexicon.</summary>
    public SectionSplitter()
        : this(SectionKindLexicon.Default)
    {
    }

    /// <summary>A splitter that names top-level sections with <paramref name="kinds"/>.</summary>
    public SectionSplitter(SectionKindLexicon kinds)
    {
        _kinds = kinds;
        _trailingChrome = DefaultTrailingChrome.Value;
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
            sections.Add(roots[i].ToSection(text, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 1));
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

            var heading = new Heading(m, pos, lineEnd, text.Substring(m.TitleStart, m.TitleEnd - m.TitleStart));
            if (m.TitleStart == m.TitleEnd && DetachedTitle(text, next) is { } detached)
            {
                heading = heading with { Title = text[detached.Start..detached.End], LineEnd = detached.LineEnd };
                next = detached.LineEnd + 1;
            }

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
            if (!HeadingRecognizer.IsBlank(text[i]))
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
    private static List<Node> BuildTree(string text, List<Heading> headings, int bodyEnd)
    {
        Span<int> rank = stackalloc int[Enum.GetValues<HeadingFamily>().Length];
        rank.Fill(-1);
        var nextRank = 0;
        var roots = new List<Node>();
        var open = new List<Node>();
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
            var node = new Node(heading, r);
            (open.Count == 0 ? roots : open[^1].Children).Add(node);
            open.Add(node);
        }

        for (var i = open.Count - 1; i >= 0; i--)
        {
            open[i].End = Math.Max(TrimEnd(text, bodyEnd, open[i].MinEnd), open[i].MinEnd);
        }

        return roots;
    }

    /// <summary>How many open sections stay open (as ancestors) when <paramref name="heading"/> arrives.</summary>
    private static int OpenDepthFor(List<Node> open, Heading heading, int rank)
    {
        var family = heading.Match.Family;
        var number = heading.Match.Number;
        int innermost = -1, sameFamily = 0;
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i].Heading.Match.Family != family)
            {
                continue;
            }

            sameFamily++;
            innermost = innermost < 0 ? i : innermost;
            if (number == open[i].Heading.Match.Number + 1)
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
        return number == 1 && sameFamily == 1 && open[innermost].Heading.Match.Number >= 2 ? open.Count : innermost;
    }

    /// <summary>
    /// Kinds come from the top-level titles; top-level sections the lexicon cannot name but that stand
    /// before the report's shortcomings or plans are its achievements (topical headings such as 提升依法全面履职水平).
    /// </summary>
    private void AssignKinds(List<Node> roots)
    {
        foreach (var root in roots)
        {
            root.Kind = _kinds.Classify(root.Heading.Title);
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

    /// <summary>Where the last section's body ends: before a closing signature (names over a date line).</summary>
    private int BodyEnd(string text, int lastHeadingLineEnd)
    {
        var end = text.Length;
        var lineStart = PreviousLineStart(text, end);
        while (lineStart > lastHeadingLineEnd && (IsBlankLine(text, lineStart, LineEnd(text, lineStart)) || IsTrailingChrome(text.AsSpan(lineStart, LineEnd(text, lineStart) - lineStart))))
        {
            end = lineStart;
            lineStart = PreviousLineStart(text, lineStart - 1);
        }

        if (lineStart <= lastHeadingLineEnd || DateText.SignatureDate(text.AsSpan(lineStart, LineEnd(text, lineStart) - lineStart)) is null)
        {
            return end;
        }

        var cut = lineStart;
        var names = 0;
        var probe = PreviousLineStart(text, lineStart - 1);
        while (probe > lastHeadingLineEnd && names < SignatureNameLines)
        {
            var probeEnd = LineEnd(text, probe);
            if (!IsBlankLine(text, probe, probeEnd))
            {
                if (!IsSignatureName(text.AsSpan(probe, probeEnd - probe)) || HeadingRecognizer.Recognize(text, probe, probeEnd) is not null)
                {
                    break;
                }

                cut = probe;
                names++;
            }

            probe = PreviousLineStart(text, probe - 1);
        }

        return cut;
    }

    private bool IsTrailingChrome(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length > TrailingChromeLimit)
        {
            return false;
        }

        foreach (var prefix in _trailingChrome)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSignatureName(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.Length is > 0 and <= SignatureNameLimit && line.IndexOfAny("。，,；;：:！？!?") < 0;
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
            if (!HeadingRecognizer.IsBlank(text[i]))
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
            if (!HeadingRecognizer.IsBlank(c))
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

    private sealed record Heading(HeadingMatch Match, int LineStart, int LineEnd, string Title);

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

    /// <summary>A section being built: mutable only inside <see cref="Split"/>.</summary>
    private sealed class Node(Heading heading, int rank)
    {
        public Heading Heading { get; } = heading;

        public int Rank { get; } = rank;

        public List<Node> Children { get; } = [];

        public int End { get; set; }

        public SectionKind Kind { get; set; } = SectionKind.Other;

        /// <summary>A section never ends inside its own heading.</summary>
        public int MinEnd => Heading.Match.TitleEnd;

        public Section ToSection(string text, string path, int level)
        {
            var marker = text[Heading.Match.MarkerStart..Heading.Match.MarkerEnd];
            var children = ImmutableArray.CreateBuilder<Section>(Children.Count);
            for (var i = 0; i < Children.Count; i++)
            {
                var child = Children[i];
                child.Kind = Kind;
                children.Add(child.ToSection(text, $"{path}.{i + 1}", level + 1));
            }

            return new Section(path, level, marker, Heading.Title, Kind, new TextSpan(Heading.Match.MarkerStart, End), children.MoveToImmutable());
        }
    }
}
