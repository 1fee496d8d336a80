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
    private readonly WordSet<bool> _stops;
    private readonly WordSet<bool> _keeps;
    private readonly IClauseTagger? _tagger;

    public SubjectFinder(IClauseTagger? tagger = null)
    {
        var rows = LexiconData.ReadRows("subject-words.tsv").ToList();
        WordSet<bool> Of(string role) => new(rows.Where(r => r[0] == role).Select(r => (r[1], true)));
        _leads = Of("lead");
        _trails = Of("trail");
        _strips = Of("strip");
        _stops = Of("stop");
        _keeps = Of("keep");
        _tagger = tagger;
    }

    /// <summary>
    /// The subject of a figure whose left context is [<paramref name="leftFloor"/>, <paramref name="leftEnd"/>)
    /// and right context is [<paramref name="rightStart"/>, <paramref name="rightEnd"/>), both inside one clause.
    /// </summary>
    public SubjectResult Find(string text, int leftFloor, int leftEnd, int rightStart, int rightEnd)
    {
        var (before, verbFinal, elliptical, verbStart) = Before(text, leftFloor, leftEnd);
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

    private (string? Subject, bool VerbFinal, bool Elliptical, int VerbStart) Before(string text, int floor, int end)
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

        if (_tagger is not null)
        {
            return TaggedBefore(text, s, e);
        }

        // A verb right before the number: the noun comes after it, or the verb phrase is the subject.
        if (_leads.TryMatchEndingAt(text, e, s, out var finalVerb, out _))
        {
            var verbStart = e - finalVerb.Length;
            var phraseStart = LastLeadEnd(text, s, verbStart);
            return (null, true, false, StripPrefixes(text, phraseStart, e));
        }

        var start = StripPrefixes(text, LastLeadEnd(text, s, e), e);
        return start < e ? (Clip(text, start, e), false, false, -1) : (null, false, false, -1);
    }

    private (string? Subject, bool VerbFinal, bool Elliptical, int VerbStart) TaggedBefore(string text, int s, int e)
    {
        var words = _tagger!.Tag(text.AsSpan(s, e - s));
        if (words.Count == 0)
        {
            return (null, false, false, -1);
        }

        var last = words[^1];
        if (IsVerbTag(last.Tag) && !IsNounTag(last.Tag))
        {
            var k = words.Count - 1;
            while (k > 0 && !IsVerbTag(words[k - 1].Tag) && !IsFunctionTag(words[k - 1].Tag))
            {
                k--;
            }

            return (null, true, false, StripPrefixes(text, s + words[k].Start, e));
        }

        var first = words.Count;
        while (first > 0 && IsNounTag(words[first - 1].Tag))
        {
            first--;
        }

        if (first == words.Count)
        {
            return (null, false, false, -1);
        }

        var start = StripPrefixes(text, s + words[first].Start, e);
        return start < e ? (Clip(text, start, e), false, false, -1) : (null, false, false, -1);
    }

    private string? After(string text, int start, int end)
    {
        var e = start;
        while (e < end && IsSubjectChar(text[e]) && !StopsAt(text, e))
        {
            e++;
        }

        if (e == start)
        {
            return null;
        }

        if (_tagger is not null)
        {
            var words = _tagger.Tag(text.AsSpan(start, e - start));
            var n = 0;
            while (n < words.Count && IsNounTag(words[n].Tag))
            {
                n++;
            }

            return n == 0 ? null : Clip(text, start, start + words[n - 1].Start + words[n - 1].Length);
        }

        return Clip(text, start, e);
    }

    private bool StopsAt(string text, int position) =>
        _stops.TryMatchAt(text, position, out _, out _) || _leads.TryMatchAt(text, position, out _, out _);

    private int LastLeadEnd(string text, int floor, int end)
    {
        // The subject starts after the last verb or preposition that leaves a word after it; a single character left
        // (完成|率, 发布|会) shows the verb was part of the noun.
        for (var k = end - 2; k > floor; k--)
        {
            if (_leads.TryMatchEndingAt(text, k, floor, out _, out _))
            {
                return k;
            }
        }

        return floor;
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

    private static bool IsNounTag(string tag) => tag.Length > 0 && (tag[0] == 'n' || tag is "vn" or "an" or "eng" or "j" or "l" or "i");

    private static bool IsVerbTag(string tag) => tag.Length > 0 && tag[0] == 'v' && tag != "vn";

    private static bool IsFunctionTag(string tag) => tag.Length > 0 && tag[0] is 'p' or 'c' or 'u' or 'd' or 'r' or 'x' or 'm' or 'q' or 'f';
}
