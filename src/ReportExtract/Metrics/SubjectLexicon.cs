using System.Buffers;
using System.Collections.Frozen;
using ReportExtract.Common;

namespace ReportExtract.Metrics;

/// <summary>
/// The words that shape a subject, by role, from Resources/Metrics/subject-words.tsv (the roles are described there):
/// verbs that open a subject, function words before a number, reporter prefixes, words that end a trailing subject,
/// generic heads and headers, and the rest. Read once; shared by every <see cref="SubjectFinder"/>.
/// </summary>
internal sealed class SubjectLexicon
{
    private SubjectLexicon(List<string[]> rows)
    {
        WordSet<bool> Of(params string[] roles) => new(rows.Where(r => roles.Contains(r[0])).Select(r => (r[1], true)));
        Leads = Of("lead", "left");
        AfterStops = Of("lead", "stop");
        Trails = Of("trail");
        Strips = Of("strip");
        Keeps = Of("keep");
        Heads = Of("head");
        AfterYear = Of("after-year");
        AfterCues = Of("after");
        NotAfter = Of("not-after");
        Stops = Of("stop");
        Ordinals = Of("ordinal");
        Occupy = Of("occupy");
        Grades = Of("grade");
        Prices = new(rows.Where(r => r[0] == "price" && r.Length > 2).Select(r => (r[1], r[2])));
        Void = rows.Where(r => r[0] == "void").Select(r => r[1]).ToFrozenSet(StringComparer.Ordinal);
        Earlier = rows.Where(r => r[0] == "earlier").Select(r => r[1]).ToFrozenSet(StringComparer.Ordinal);
        Generic = rows.Where(r => r[0] == "generic").Select(r => r[1]).ToFrozenSet(StringComparer.Ordinal);
        ShareEnds = [.. rows.Where(r => r[0] == "share-end").Select(r => r[1])];
    }

    /// <summary>The lexicon of the embedded data file.</summary>
    public static SubjectLexicon LoadEmbedded() => new(EmbeddedData.ReadRows("Metrics/subject-words.tsv").ToList());

    public WordSet<bool> Leads { get; }

    public WordSet<bool> AfterStops { get; }

    public WordSet<bool> Trails { get; }

    public WordSet<bool> Strips { get; }

    public WordSet<bool> Keeps { get; }

    public WordSet<bool> Heads { get; }

    public WordSet<bool> AfterYear { get; }

    public WordSet<bool> AfterCues { get; }

    public WordSet<bool> NotAfter { get; }

    public WordSet<bool> Stops { get; }

    public WordSet<bool> Ordinals { get; }

    /// <summary>Verbs made with 占 (占用, 占地): 占 in them starts no share.</summary>
    public WordSet<bool> Occupy { get; }

    /// <summary>Words after a number that make it a grade opening a noun (1级指标), not a figure's number.</summary>
    public WordSet<bool> Grades { get; }

    /// <summary>Words after a sum and 的 that name what it pays (的价格|购买…), with the word the subject gets (费用).</summary>
    public WordSet<string> Prices { get; }

    public FrozenSet<string> Void { get; }

    public FrozenSet<string> Earlier { get; }

    public FrozenSet<string> Generic { get; }

    /// <summary>Endings that already name a share or rate (率, 占比, 比例).</summary>
    public string[] ShareEnds { get; }

    /// <summary>
    /// What rounds (分4次|集中清理规范性文件) are rounds of: the words after the unit up to a stop word; verbs stay, since the
    /// rounds count the action with its object.
    /// </summary>
    public string? Rounds(string text, int start, int end, WordEdges? edges)
    {
        var run = start;
        while (run < end && SubjectText.IsSubjectChar(text[run]))
        {
            run++;
        }

        var words = new WordBoundaries(edges, start, run);
        var e = start;
        while (e < run && !(Stops.TryMatchAt(text, e, out var stop, out _) && words.IsWord(e, e + stop.Length)))
        {
            e++;
        }

        return e == start ? null : SubjectText.Clip(text, start, e);
    }

    /// <summary>
    /// The subject of a share of <paramref name="part"/> (…占整体的20%): what is measured is the part's share, 综合执法事项占比,
    /// unless the words already name a rate (纠错率, 占比, 比例).
    /// </summary>
    public string Share(string part) =>
        ShareEnds.Any(end => part.EndsWith(end, StringComparison.Ordinal)) ? part : part + "占比";
}

/// <summary>The word edges of one region of the text, asked of the per-call <see cref="WordEdges"/>.</summary>
internal readonly struct WordBoundaries(WordEdges? edges, int start, int end)
{
    public bool IsWord(int wordStart, int wordEnd) => edges is null || edges.IsWord(wordStart, wordEnd, start, end);
}

/// <summary>Character rules for subject text: which characters a noun phrase holds, and how a run is clipped to one.</summary>
internal static class SubjectText
{
    /// <summary>Subjects are noun phrases; a longer run has lost its boundary and is cut to its tail.</summary>
    public const int MaxSubject = 16;

    private static readonly SearchValues<char> Quotes = SearchValues.Create("“”‘’");

    /// <summary>The subject text of [<paramref name="start"/>, <paramref name="end"/>), at most <see cref="MaxSubject"/> long.</summary>
    public static string Clip(string text, int start, int end)
    {
        // “双随机”抽查: quotation marks set off a name inside the noun phrase; the subject keeps the words only.
        var words = text.AsSpan(start, end - start).ContainsAny(Quotes) ? string.Concat(text[start..end].Split(['“', '”', '‘', '’'])) : null;
        if (words is not null)
        {
            return words.Length > MaxSubject ? words[^MaxSubject..] : words;
        }

        return end - start > MaxSubject ? text[(end - MaxSubject)..end] : text[start..end];
    }

    public static bool IsSubjectChar(char c) =>
        c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or '+' or '·' or '“' or '”' or '‘' or '’' || char.IsAsciiLetter(c);
}
