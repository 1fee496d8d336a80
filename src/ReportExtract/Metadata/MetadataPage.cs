using System.Buffers;
using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metadata;

/// <summary>
/// What the metadata finders share for one document: its head and foot as lines, the page labels found there, and
/// which head lines are labels (so no finder mistakes them for a title or prose). Built once per document.
/// </summary>
internal sealed class MetadataPage
{
    // The head is everything before the first section, at most this many lines.
    private const int HeadLines = 80;

    // When the text opens with a heading, its first prose line is looked for this many lines into the first section.
    private const int OpeningSectionLines = 4;

    // The foot: the last non-blank lines, where signatures and trailing page labels stand.
    private const int FootLines = 12;

    private MetadataPage(string text, ImmutableArray<Section> sections, List<TextLine> head, List<TextLine> foot, int[] presentingLeadAt, List<int> reviewAt)
    {
        Text = text;
        Sections = sections;
        Head = head;
        Foot = foot;
        PresentingLeadAt = presentingLeadAt;
        ReviewAt = reviewAt;
    }

    /// <summary>Sentences that present the report are searched for this far into the text (a cover letter can come first).</summary>
    public const int ProseWindow = 20_000;

    public string Text { get; }

    public ImmutableArray<Section> Sections { get; }

    /// <summary>The lines before the first section (at most <see cref="HeadLines"/>).</summary>
    public List<TextLine> Head { get; }

    /// <summary>The last non-blank lines after the head (of a page without headings, of its head's second half).</summary>
    public List<TextLine> Foot { get; }

    /// <summary>Indexes of head lines that are labels or values under them.</summary>
    public HashSet<int> HeadUsed { get; } = [];

    /// <summary>Indexes of head lines that are values under a label of their own line.</summary>
    public HashSet<int> HeadValues { get; } = [];

    /// <summary>Every labelled value of the head, then of the foot.</summary>
    public List<LabelledValue> Labels { get; } = [];

    /// <summary>
    /// Where each of the lexicon's presenting leads (现将, 现公布 …) first stands in the first <see cref="ProseWindow"/>
    /// characters, -1 where it does not, in the lexicon's order: the issuer and the year are both read after it.
    /// </summary>
    public int[] PresentingLeadAt { get; }

    /// <summary>
    /// Every place of <see cref="ReportYearFinder.ReviewWord"/> (回顾) in the first <see cref="ProseWindow"/> characters,
    /// in order: found in the presenting leads' pass, where a search of its own read the window a second time.
    /// </summary>
    public List<int> ReviewAt { get; }

    public static MetadataPage Read(string text, ImmutableArray<Section> sections, MetadataLexicon lexicon, PageLabels labels)
    {
        // The head stops at the line of the first heading (which may be indented).
        var headEnd = sections.IsDefaultOrEmpty ? text.Length
            : sections[0].Span.Start == 0 ? 0
            : text.LastIndexOf('\n', sections[0].Span.Start - 1) + 1;
        var head = TextLines.Head(text, headEnd, HeadLines);
        var footFloor = head.Count > 0 ? Math.Min(text.Length, head[^1].End + 1) : 0;
        var foot = TextLines.Foot(text, footFloor, FootLines);
        if (foot.Count == 0 && SecondHalf(text, head) is { } secondHalf)
        {
            // A page without headings is head to its end (up to HeadLines lines), which left its signature in no
            // foot. Its second half is read as the foot too: the signature stands there, the page's own labels
            // and dates before the prose do not.
            foot = TextLines.Foot(text, secondHalf, FootLines);
        }

        var window = text.AsSpan(0, Math.Min(text.Length, ProseWindow));
        var reviewAt = new List<int>();
        var leadAt = FirstOccurrences(window, lexicon.PresentingLeads, lexicon.PresentingLeadAndReviewStarts, ReportYearFinder.ReviewWord, reviewAt);
        var page = new MetadataPage(text, sections, head, foot, leadAt, reviewAt);
        labels.Scan(text, head, page.Labels, page.HeadUsed, page.HeadValues);
        labels.Scan(text, foot, page.Labels, used: null);
        return page;
    }

    /// <summary>
    /// Where each of <paramref name="words"/> first occurs in <paramref name="window"/> (-1 where it does not), as
    /// <c>window.IndexOf(word)</c> would say, in one pass over the positions where some word can start.
    /// </summary>
    internal static int[] FirstOccurrences(ReadOnlySpan<char> window, ImmutableArray<string> words, SearchValues<char> starts) =>
        FirstOccurrences(window, words, starts, null, null);

    /// <summary>
    /// The same, adding to <paramref name="everyAt"/> every place of <paramref name="every"/> (a non-empty word that
    /// cannot overlap itself, whose first character <paramref name="starts"/> holds), as successive IndexOf calls would.
    /// </summary>
    internal static int[] FirstOccurrences(ReadOnlySpan<char> window, ImmutableArray<string> words, SearchValues<char> starts, string? every, List<int>? everyAt)
    {
        var at = new int[words.Length];
        var missing = 0;
        for (var k = 0; k < words.Length; k++)
        {
            // An empty word is at the start, as IndexOf says.
            at[k] = words[k].Length == 0 ? 0 : -1;
            missing += at[k] < 0 ? 1 : 0;
        }

        for (var pos = 0; (missing > 0 || every is not null) && pos < window.Length; pos++)
        {
            var next = window[pos..].IndexOfAny(starts);
            if (next < 0)
            {
                break;
            }

            pos += next;
            var rest = window[pos..];
            if (every is not null && rest.StartsWith(every, StringComparison.Ordinal))
            {
                everyAt!.Add(pos);
            }

            for (var k = 0; k < words.Length; k++)
            {
                // 我 and 现 start many a word of running text: the second character turns nearly all of them away
                // before a comparison of the whole word.
                var word = words[k];
                if (at[k] < 0 && word[0] == rest[0] && (word.Length == 1 || (rest.Length > 1 && word[1] == rest[1]))
                    && rest.StartsWith(word, StringComparison.Ordinal))
                {
                    at[k] = pos;
                    missing--;
                }
            }
        }

        return at;
    }

    /// <summary>Where the second half of the head's non-blank lines starts, or null for a head of one line.</summary>
    private static int? SecondHalf(string text, List<TextLine> head)
    {
        var nonBlank = head.FindAll(l => !l.TrimmedOf(text).IsEmpty);
        return nonBlank.Count > 1 ? nonBlank[nonBlank.Count / 2].Start : null;
    }

    /// <summary>The first labelled value of <paramref name="field"/> that <paramref name="read"/> accepts.</summary>
    public T? Label<T>(LabelField field, Func<string, T?> read)
        where T : class
    {
        foreach (var value in Labels)
        {
            if (value.Field == field && read(value.Value) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>The first labelled date of <paramref name="field"/>.</summary>
    public DateOnly? LabelDate(LabelField field)
    {
        foreach (var value in Labels)
        {
            if (value.Field == field && DateText.FirstDate(value.Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The first prose line of the head after the title (or from the top when there is none); when the head has no
    /// prose (the text opens with 一、总体情况), the first prose line of the first section.
    /// </summary>
    public ReadOnlySpan<char> OpeningLine((int First, int Last) title)
    {
        for (var i = title.Last + 1; i < Head.Count; i++)
        {
            var line = Head[i].TrimmedOf(Text);
            if (!HeadUsed.Contains(i) && IsProse(line))
            {
                return line;
            }
        }

        if (Sections.IsDefaultOrEmpty)
        {
            return [];
        }

        var text = Text;
        var pos = Sections[0].Span.Start;
        for (var lines = 0; lines < OpeningSectionLines && pos < text.Length; lines++)
        {
            var end = text.IndexOf('\n', pos);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(pos, end - pos).Trim();
            if (lines > 0 && IsProse(line))
            {
                return line;
            }

            pos = end + 1;
        }

        return [];
    }

    private static bool IsProse(ReadOnlySpan<char> line) => line.Length > 15 && line.IndexOfAny("，,。") >= 0;
}
