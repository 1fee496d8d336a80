namespace ReportExtract.Metrics;

/// <summary>One word of a clause with its part-of-speech tag (jieba.posseg tags: n, vn, v, m, q, x …).</summary>
internal readonly record struct ClauseWord(int Start, int Length, string Tag);

/// <summary>Segments and tags a short clause; the seam through which the segmenter serves subject finding.</summary>
internal interface IClauseTagger
{
    /// <summary>The words of <paramref name="clause"/>, offsets relative to it.</summary>
    IReadOnlyList<ClauseWord> Tag(ReadOnlySpan<char> clause);
}

/// <summary>What <see cref="SubjectFinder"/> found for a figure.</summary>
/// <param name="Subject">The noun phrase, or null.</param>
/// <param name="Elliptical">The figure continues an earlier one (作为共同被告的1件) and takes its subject.</param>
internal readonly record struct SubjectResult(string? Subject, bool Elliptical);

/// <summary>
/// Finds what a figure counts: the noun phrase right after the unit (召开18次|机关学习会), else the one right before the
/// number (处理|行政处罚案件|32件). Words come from Resources/Metrics/subject-words.tsv; when a tagger is plugged in,
/// its tags bound the noun phrase.
/// </summary>
internal sealed class SubjectFinder
{
    /// <summary>Subjects are noun phrases; a longer run has lost its boundary and is cut to its tail.</summary>
    public const int MaxSubject = 16;

    private readonly WordSet<bool> _leads;
    private readonly WordSet<bool> _trails;
    private readonly WordSet<bool> _strips;
    private readonly WordSet<bool> _keeps;
    private readonly WordSet<bool> _afterStops;
    private readonly IClauseTagger? _tagger;

    public SubjectFinder(IClauseTagger? tagger = null)
    {
        var rows = LexiconData.ReadRows("subject-words.tsv").ToList();
        WordSet<bool> Of(string role) => new(rows.Where(r => r[0] == role).Select(r => (r[1], true)));
        _leads = new(rows.Where(r => r[0] is "lead" or "left").Select(r => (r[1], true)));
        _afterStops = new(rows.Where(r => r[0] is "lead" or "stop").Select(r => (r[1], true)));
        _trails = Of("trail");
        _strips = Of("strip");
        _keeps = Of("keep");
        Generic = new HashSet<string>(rows.Where(r => r[0] == "generic").Select(r => r[1]), StringComparer.Ordinal);
        _tagger = tagger;
    }

    /// <summary>Table column headers that add nothing to a row header (数值, 数量).</summary>
    public IReadOnlySet<string> Generic { get; }

    /// <summary>
    /// The subject of a figure whose left context is [<paramref name="leftFloor"/>, <paramref name="leftEnd"/>)
    /// and right context is [<paramref name="rightStart"/>, <paramref name="rightEnd"/>), both inside one clause.
    /// </summary>
    public SubjectResult Find(string text, int leftFloor, int leftEnd, int rightStart, int rightEnd, bool rate = false)
    {
        var (before, verbFinal, elliptical, verbStart) = Before(text, leftFloor, leftEnd, rate);
        var after = After(text, rightStart, rightEnd);
        if (after is not null && (before is null || verbFinal || after.Length >= 2))
        {
            return new(after, false);
        }

        if (before is not null)
        {
            return new(before, false);
        }

        if (verbFinal && verbStart >= 0)
        {
            // 罚款663.70万元, 开展安全生产检查900余次: the verb phrase itself is what is counted.
            return new(Clip(text, verbStart, TrimLeftEnd(text, leftFloor, leftEnd)), false);
        }

        return new(null, elliptical);
    }

    private int TrimLeftEnd(string text, int floor, int end)
    {
        var e = end;
        while (e > floor && text[e - 1] == ' ')
        {
            e--;
        }

        while (e > floor && _trails.TryMatchEndingAt(text, e, floor, out var word, out _) && !_keeps.TryMatchEndingAt(text, e, floor, out _, out _))
        {
            e -= word.Length;
        }

        return e;
    }

    private (string? Subject, bool VerbFinal, bool Elliptical, int VerbStart) Before(string text, int floor, int end, bool rate)
    {
        var e = TrimLeftEnd(text, floor, end);
        if (e <= floor)
        {
            return (null, false, false, -1);
        }

        if (text[e - 1] == '的')
        {
            return (null, false, true, -1);
        }

        // A title right before the number names what is counted: 制发《行政执法监督通知书》31份.
        if (text[e - 1] == '》')
        {
            var open = text.LastIndexOf('《', e - 1, e - floor);
            return open >= 0 && e - 1 - open > 1 ? (Clip(text, open + 1, e - 1), false, false, -1) : (null, false, false, -1);
        }

        var s = e;
        while (s > floor && IsSubjectChar(text[s - 1]) && text[s - 1] != '的')
        {
            s--;
        }

        if (s == e)
        {
            return (null, false, false, -1);
        }

        var words = Boundaries(text, s, e);

        // A verb right before the number: the noun comes after it, or the verb phrase is the subject.
        if (_leads.TryMatchEndingAt(text, e, s, out var finalVerb, out _) && words.IsWord(e - finalVerb.Length, e))
        {
            var verbStart = e - finalVerb.Length;
            var phraseStart = LastLeadEnd(text, s, verbStart + 2, words);
            return (null, true, false, StripPrefixes(text, phraseStart, e));
        }

        var start = StripPrefixes(text, LastLeadEnd(text, s, e, words, rate), e);

        // 提高至7.5分: a change verb or function word alone names nothing.
        var bare = _afterStops.TryMatchAt(text, start, out var word, out _) && start + word.Length == e;
        return start < e && !bare ? (Clip(text, start, e), false, false, -1) : (null, false, false, -1);
    }

    private string? After(string text, int start, int end)
    {
        var run = start;
        while (run < end && IsSubjectChar(text[run]))
        {
            run++;
        }

        var words = Boundaries(text, start, run);
        var e = start;
        while (e < run && !StopsAt(text, e, words))
        {
            e++;
        }

        return e == start ? null : Clip(text, start, e);
    }

    private bool StopsAt(string text, int position, WordBoundaries words) =>
        _afterStops.TryMatchAt(text, position, out var stop, out _) && (stop.Length == 1 || words.IsWord(position, position + stop.Length));

    private int LastLeadEnd(string text, int floor, int end, WordBoundaries words, bool rate = false)
    {
        // The subject starts after the last verb or preposition that leaves a word after it; a single character left
        // (完成|率, 发布|会) shows the verb was part of the noun. With a segmenter, the verb must also be a word of its own
        // (监管|完成率 holds no 完成).
        for (var k = end - 2; k > floor; k--)
        {
            // A rate names a compound (调解成功率, 出庭应诉率): only a conjunction or list mark cuts it.
            if (_leads.TryMatchEndingAt(text, k, floor, out var lead, out _) && (lead.Length == 1 || (!rate && words.IsWord(k - lead.Length, k))))
            {
                return k;
            }
        }

        return floor;
    }

    /// <summary>Word edges of [start, end) from the segmenter; without one, every position is an edge.</summary>
    private WordBoundaries Boundaries(string text, int start, int end)
    {
        if (_tagger is null || end <= start)
        {
            return default;
        }

        var edges = new HashSet<int>();
        foreach (var word in _tagger.Tag(text.AsSpan(start, end - start)))
        {
            edges.Add(start + word.Start);
            edges.Add(start + word.Start + word.Length);
        }

        return new WordBoundaries(edges);
    }

    /// <summary>Where words start and end; an empty value accepts every range.</summary>
    private readonly struct WordBoundaries(HashSet<int>? edges)
    {
        public bool IsWord(int start, int end) => edges is null || (edges.Contains(start) && edges.Contains(end));
    }

    private int StripPrefixes(string text, int start, int end)
    {
        var s = start;
        while (s < end && _strips.TryMatchAt(text, s, out var word, out _) && s + word.Length < end)
        {
            s += word.Length;
        }

        return s;
    }

    private static string Clip(string text, int start, int end) =>
        end - start > MaxSubject ? text[(end - MaxSubject)..end] : text[start..end];

    private static bool IsSubjectChar(char c) =>
        c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or '+' or '·' || char.IsAsciiLetter(c);
}
