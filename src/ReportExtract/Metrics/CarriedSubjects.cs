using System.Buffers;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>
/// Figures that take their subject from the words or the figure around them rather than from their own clause:
/// a 分别 list hands each figure its own member (城镇和农村居民人均可支配收入分别为3.2万元、1.5万元); a bracketed
/// earlier-year figure is the figure it annotates (受理案件1200件（上年980件）); a figure after 由/从 is what is named
/// before it (考核分值由2分…), and the figure a change reaches (…提高至5分) is the figure it started from.
/// </summary>
internal sealed class CarriedSubjects
{
    /// <summary>How far before a figure its 分别 is looked for; keeps long lines linear.</summary>
    private const int DistributionReach = 120;

    /// <summary>How far before 分别 its list of members is read.</summary>
    private const int MemberReach = 60;

    /// <summary>How close before a figure its 由/从 must stand.</summary>
    private const int OriginReach = 8;

    /// <summary>How much text a change verb with 至/到 may take between the figure it starts from and the one it reaches.</summary>
    private const int DestinationGap = 6;

    private static readonly SearchValues<char> ListMarks = SearchValues.Create("、和及与");
    private static readonly SearchValues<char> ListGapChars = SearchValues.Create("、和及与 以上左右余多");
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create("，,；;。\n");

    private readonly SubjectFinder _subjects;
    private readonly WordSet<(string First, string Second)> _folds;
    private readonly WordSet<bool> _notOrigin;

    public CarriedSubjects(SubjectFinder subjects)
    {
        _subjects = subjects;
        _folds = new(EmbeddedData.ReadRows("Metrics/folded-pairs.tsv").Select(r => (r[0], (r[1], r[2]))));
        _notOrigin = new(EmbeddedData.ReadRows("Metrics/subject-words.tsv").Where(r => r[0] == "not-origin").Select(r => (r[1], true)));
    }

    /// <summary>
    /// The member of a 分别 list the figure at <paramref name="figureStart"/> stands for, or null. A figure right after
    /// 分别 (分别为|3.2万元) takes its member over its own subject; one further on (…，同比增长5.1%、7.3%) only when
    /// <paramref name="subjectless"/>.
    /// </summary>
    public string? Distributed(string text, SentenceSplitter sentences, int sentenceStart, int figureStart, IReadOnlyList<Metric> earlier, WordEdges? edges, bool subjectless)
    {
        var limit = Math.Max(sentenceStart, figureStart - DistributionReach);
        var f = text.AsSpan(limit, figureStart - limit).LastIndexOf("分别");
        if (f < 0)
        {
            return null;
        }

        f += limit;
        if (text.AsSpan(f, figureStart - f).IndexOfAny('；', ';') >= 0)
        {
            return null;
        }

        // The figure's place in its group: figures joined by 、 or 和 share one verb (分别为3.2万元、1.5万元); a comma
        // starts another group (，同比增长5.1%、7.3%), which counts the members again from the first.
        var index = 0;
        var cursor = figureStart;
        var first = true;
        for (var k = earlier.Count - 1; k >= 0 && earlier[k].Span.Start > f; k--)
        {
            var m = earlier[k];
            if (m.Span.End <= cursor && IsListGap(text.AsSpan(m.Span.End, cursor - m.Span.End)))
            {
                index++;
                cursor = m.Span.Start;
            }
            else
            {
                first = false;
                break;
            }
        }

        // 分别为|X: only a short verb stands between 分别 and the first group.
        var tight = first && cursor - (f + 2) <= 4;
        if (!tight && !subjectless)
        {
            return null;
        }

        var members = Members(text, sentences, sentenceStart, f, edges);
        return index < members.Count ? members[index] : null;
    }

    /// <summary>The subjects listed before 分别 at <paramref name="f"/> (A、B, A和B, or a folded pair: 城乡 → 城镇, 农村).</summary>
    private List<string> Members(string text, SentenceSplitter sentences, int sentenceStart, int f, WordEdges? edges)
    {
        var start = sentences.MajorClauseStart(f, Math.Max(sentenceStart, f - MemberReach));
        var pieces = new List<(int Start, int End)>();
        var s = start;
        for (var k = start; k < f; k++)
        {
            if (text[k] == '、')
            {
                pieces.Add((s, k));
                s = k + 1;
            }
        }

        pieces.Add((s, f));

        // A和B: the last piece may join two more; 和 opening a piece (和解) joins nothing.
        var (lastStart, lastEnd) = pieces[^1];
        var join = text.AsSpan(lastStart + 1, Math.Max(0, lastEnd - lastStart - 2)).LastIndexOfAny('和', '及', '与');
        if (join >= 0)
        {
            var at = lastStart + 1 + join;
            var cut = at > lastStart && text[at] == '及' && text[at - 1] == '以' ? at - 1 : at;
            pieces[^1] = (lastStart, cut);
            pieces.Add((at + 1, lastEnd));
        }

        var members = new List<string>(pieces.Count);
        foreach (var (pieceStart, pieceEnd) in pieces)
        {
            var found = _subjects.Find(text, pieceStart, pieceEnd, pieceEnd, pieceEnd, false, edges);
            var member = found.Subject ?? found.Fallback;
            if (string.IsNullOrEmpty(member))
            {
                return [];
            }

            members.Add(member);
        }

        if (members.Count == 1)
        {
            return Unfold(members[0]);
        }

        // 一审、二审案件, 城镇和农村居民收入, 受理和办结申请: short members share the head the last piece spells out.
        var shortest = members[0].Length;
        var last = text.AsSpan(pieces[^1].Start, pieces[^1].End - pieces[^1].Start).Trim(' ');
        if (shortest <= 2 && members.Take(members.Count - 1).All(m => m.Length == shortest) && last.Length >= shortest + 2)
        {
            var head = last[shortest..].ToString();
            for (var i = 0; i < members.Count - 1; i++)
            {
                members[i] += head;
            }
        }

        return members;
    }

    /// <summary>城乡居民收入 → 城镇居民收入, 农村居民收入; nothing when no folded pair is in it.</summary>
    private List<string> Unfold(string member)
    {
        for (var i = 0; i < member.Length; i++)
        {
            if (_folds.TryMatchAt(member, i, out var folded, out var pair))
            {
                var before = member[..i];
                var after = member[(i + folded.Length)..];
                return [before + pair.First + after, before + pair.Second + after];
            }
        }

        return [];
    }

    /// <summary>True when only a list mark (、, 和) and qualifiers stand between two figures.</summary>
    public static bool IsListGap(ReadOnlySpan<char> gap) =>
        gap.Length is > 0 and <= 4 && gap.IndexOfAnyExcept(ListGapChars) < 0 && gap.IndexOfAny(ListMarks) >= 0;

    /// <summary>
    /// 受理行政案件1200件（上年980件）, （2021年4120件）: a figure in brackets right after another, with nothing but an
    /// earlier year before it, is that figure in the earlier year and takes its subject.
    /// </summary>
    public string? Bracketed(string text, int sentenceStart, int leftEnd, IReadOnlyList<Metric> earlier)
    {
        if (earlier.Count == 0 || earlier[^1].Span.Start < sentenceStart || earlier[^1].Span.End > leftEnd || earlier[^1].Table == true)
        {
            return null;
        }

        var previous = earlier[^1];
        var gap = text.AsSpan(previous.Span.End, leftEnd - previous.Span.End);
        var open = gap.IndexOfAny('（', '(');
        if (open is < 0 or > 2)
        {
            return null;
        }

        var inside = gap[(open + 1)..].Trim(' ').TrimEnd("为是：:的 ");
        return inside.IsEmpty || _subjects.Earlier.Contains(inside.ToString()) || IsYear(inside) ? previous.Subject : null;
    }

    /// <summary>
    /// 组织各类学习、培训、宣讲1.2万余次: a figure right after a list of nouns (、) counts them all, when the list holds no
    /// figure of its own; <paramref name="subject"/>, found for the last item (from <paramref name="clauseStart"/>), is
    /// widened to the list (学习、培训、宣讲), the first item read less its verb. Null when there is no such list.
    /// </summary>
    public string? Listed(string text, SentenceSplitter sentences, int floor, int clauseStart, string subject, WordEdges? edges)
    {
        if (clauseStart <= floor + 1 || text[clauseStart - 1] != '、' || !text.AsSpan(clauseStart).StartsWith(subject, StringComparison.Ordinal))
        {
            return null;
        }

        var listStart = clauseStart;
        while (listStart > floor + 1 && text[listStart - 1] == '、')
        {
            var item = sentences.ClauseStart(listStart - 1, floor);
            if (item == listStart - 1 || text.AsSpan(item, listStart - 1 - item).IndexOfAny(ChineseNumberParser.StartChars) >= 0)
            {
                break;
            }

            listStart = item;
        }

        if (listStart == clauseStart)
        {
            return null;
        }

        var firstEnd = text.IndexOf('、', listStart);
        var first = _subjects.Find(text, listStart, firstEnd, firstEnd, firstEnd, false, edges).Subject;
        var listed = first is null ? null : string.Concat(first, text.AsSpan(firstEnd, clauseStart - firstEnd), subject);
        return listed is { Length: <= SubjectText.MaxSubject } ? listed : null;
    }

    /// <summary>
    /// 以每年5万元|的价格购买专业律师服务: a sum followed by 的, a price word and a verb of buying pays for what is bought
    /// (专业律师服务费用); null otherwise.
    /// </summary>
    public string? Purchased(string text, int start, int end)
    {
        if (start + 1 >= end || text[start] != '的' || !_subjects.Words.Prices.TryMatchAt(text, start + 1, out var price, out var paid))
        {
            return null;
        }

        var verb = start + 1 + price.Length;
        if (!_subjects.Words.Leads.TryMatchAt(text, verb, out var lead, out _))
        {
            return null;
        }

        var s = verb + lead.Length;
        var e = s;
        while (e < end && SubjectText.IsSubjectChar(text[e]))
        {
            e++;
        }

        return e - s >= 2 ? SubjectText.Clip(text, s, Math.Min(e, s + SubjectText.MaxSubject - paid.Length)) + paid : null;
    }

    /// <summary>2021年, 2021年度, 2021年同期.</summary>
    private static bool IsYear(ReadOnlySpan<char> words)
    {
        var year = words.IndexOf('年');
        if (year != 4)
        {
            return false;
        }

        foreach (var c in words[..4])
        {
            if (ChineseNumberParser.DigitValue(c) < 0)
            {
                return false;
            }
        }

        return words[5..] is "" or "度" or "同期";
    }

    /// <summary>
    /// 考核分值由2分提高至5分, 办理时限由法定24.1个工作日压缩至…: the subject named before a 由/从 close before a figure
    /// that a change (…至, …到) follows, or null when there is none, when no change follows (每个案件均由1名局领导牵头:
    /// 由 names an agent) or when a verb between them opens a clause of its own (由市局组织培训3次).
    /// </summary>
    public string? Origin(string text, int clauseStart, int leftEnd, int rightStart, int rightEnd, WordEdges? edges)
    {
        if (text.AsSpan(rightStart, Math.Min(rightEnd, rightStart + OriginReach) - rightStart).IndexOfAny('至', '到') < 0)
        {
            return null;
        }

        var from = Math.Max(clauseStart, leftEnd - OriginReach);
        var k = text.AsSpan(from, leftEnd - from).LastIndexOfAny('由', '从');
        if (k < 0)
        {
            return null;
        }

        k += from;
        if (k == clauseStart || _notOrigin.TryMatchAt(text, k, out _, out _) || _notOrigin.TryMatchEndingAt(text, k + 1, clauseStart, out _, out _)
            || _subjects.HasLead(text, k + 1, leftEnd))
        {
            return null;
        }

        return _subjects.Find(text, clauseStart, k, k, k, false, edges).Subject;
    }

    /// <summary>
    /// …缩短到1个工作日, …提高至5分: a figure a change reaches is the figure it started from, the nearest one of its
    /// unit just before it in the clause.
    /// </summary>
    public static string? Destination(string text, int sentenceStart, int leftEnd, string unit, IReadOnlyList<Metric> earlier)
    {
        var e = leftEnd;
        while (e > sentenceStart && text[e - 1] == ' ')
        {
            e--;
        }

        if (e == sentenceStart || text[e - 1] is not ('至' or '到'))
        {
            return null;
        }

        for (var k = earlier.Count - 1; k >= 0 && earlier[k].Span.Start >= sentenceStart; k--)
        {
            var m = earlier[k];
            if (m.Unit == unit)
            {
                var gap = e - m.Span.End;
                // A bare 至 between them is a range (8万元至5万元), not a change; a change needs its verb (提高至).
                return gap is >= 2 and <= DestinationGap && text.AsSpan(m.Span.End, gap).IndexOfAny(ClauseBreaks) < 0 ? m.Subject : null;
            }
        }

        return null;
    }
}
