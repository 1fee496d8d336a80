namespace ReportExtract.Metrics;

/// <summary>What <see cref="SubjectFinder"/> found for a figure.</summary>
/// <param name="Subject">The noun phrase, or null.</param>
/// <param name="Elliptical">The figure continues an earlier one (作为共同被告的1件) and takes its subject.</param>
/// <param name="Fallback">The subject to use when an elliptical figure finds no earlier one (a bare verb: 受理22件).</param>
internal readonly record struct SubjectResult(string? Subject, bool Elliptical, string? Fallback = null);

/// <summary>
/// Finds what a figure counts: the noun phrase right after the unit (召开18次|机关学习会), else the one right before the
/// number (处理|行政处罚案件|32件). Words come from Resources/Metrics/subject-words.tsv; when a segmenter is plugged in,
/// a verb or stop word counts only where it is a word of its own (监管|完成率 holds no 完成).
/// </summary>
internal sealed class SubjectFinder
{
    private readonly SubjectLexicon _words = SubjectLexicon.LoadEmbedded();
    private readonly IClauseSegmenter? _segmenter;

    public SubjectFinder(IClauseSegmenter? segmenter = null) => _segmenter = segmenter;

    /// <summary>The word sets subjects are read with.</summary>
    public SubjectLexicon Words => _words;

    /// <summary>Table column headers that add nothing to a row header (数值, 数量).</summary>
    public IReadOnlySet<string> Generic => _words.Generic;

    /// <summary>Words inside a bracket after a figure that make the bracketed figure an earlier year's (上年, 去年同期).</summary>
    public IReadOnlySet<string> Earlier => _words.Earlier;

    /// <summary>The subject of a share of <paramref name="part"/> (综合执法事项 → 综合执法事项占比; 纠错率 stays).</summary>
    public string Share(string part) => _words.Share(part);

    /// <summary>True when a verb that opens a subject (处理, 组织) stands in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool HasLead(string text, int start, int end)
    {
        for (var k = end; k > start; k--)
        {
            if (_words.Leads.TryMatchEndingAt(text, k, start, out var lead, out _) && lead.Length > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject of a figure whose left context is [<paramref name="leftFloor"/>, <paramref name="leftEnd"/>)
    /// and right context is [<paramref name="rightStart"/>, <paramref name="rightEnd"/>), both inside one clause.
    /// </summary>
    /// <paramref name="reachEnd"/> (at least <paramref name="rightEnd"/>) ends the comma clause, where a modifier after the unit
    /// may reach its head noun (9条务实管用、操作简便的考核措施).
    public SubjectResult Find(string text, int leftFloor, int leftEnd, int rightStart, int rightEnd, bool rate = false, WordEdges? edges = null, int reachEnd = -1)
    {
        var found = FindRaw(text, leftFloor, leftEnd, rightStart, rightEnd, Math.Max(rightEnd, reachEnd), rate, edges);
        // 同比, 总数, 之间 name nothing counted: the figure continues the one before it, as a bare verb does.
        return found.Subject is { } s && _words.Void.Contains(s) ? new(null, true, found.Fallback) : found;
    }

    private SubjectResult FindRaw(string text, int leftFloor, int leftEnd, int rightStart, int rightEnd, int reachEnd, bool rate, WordEdges? edges)
    {
        var (before, verbFinal, elliptical, verbStart) = Before(text, leftFloor, leftEnd, rate, edges);
        if (before is not null && _words.Void.Contains(before))
        {
            // 全市|28个执法单位: a void word before the number leaves the subject to the words after the unit.
            (before, elliptical) = (null, true);
        }
        // 覆盖60%以上的执法领域: a share may name its whole after 的.
        var afterStart = rate && rightStart < rightEnd && text[rightStart] == '的' ? rightStart + 1 : rightStart;
        var after = After(text, afterStart, rightEnd, edges, reachEnd);
        if (!rate && Headed(text, rightStart, reachEnd, after is null, edges) is { } headed)
        {
            return new(headed, false);
        }

        // 分五批|举办专题培训班: after 分 (in N batches) the number counts rounds of what follows, less its verb.
        var trimmed = TrimLeftEnd(text, leftFloor, leftEnd);
        if (_words.AfterCues.TryMatchEndingAt(text, trimmed, leftFloor, out _, out _) && !_words.NotAfter.TryMatchEndingAt(text, trimmed, leftFloor, out _, out _)
            && _words.Rounds(text, SkipLead(text, afterStart, rightEnd), rightEnd, edges) is { Length: >= 2 } following)
        {
            return new(following, false);
        }

        // 召开局务会议4次|听取法治工作情况: a verb after the unit starts what was done there, not what was counted, when the
        // noun before the number is the object of a verb of its own (召开|局务会议); between two figures (47个执法单位|174件
        // 执法案卷) the words after the unit name the second one. A lone verb after the unit (纠错率连续3年|保持为零) names
        // nothing either way.
        if (after is not null && before is not null && !verbFinal && _segmenter is not null
            && OpensWithVerb(text, afterStart, Math.Min(rightEnd - afterStart, after.Length + 2), edges, out var verbLength)
            && (verbLength >= after.Length
                || (trimmed - before.Length > leftFloor && _words.Leads.TryMatchEndingAt(text, trimmed - before.Length, leftFloor, out _, out _))))
        {
            after = null;
        }

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
            // 开展安全生产检查900余次: the verb phrase itself is what is counted. A bare verb (收到申请25件,受理22件)
            // continues the figure before it, and stands for itself only when there is none.
            var end = TrimLeftEnd(text, leftFloor, leftEnd);
            var phrase = SubjectText.Clip(text, verbStart, end);
            var bare = _words.Leads.TryMatchAt(text, verbStart, out var verb, out _) && verbStart + verb.Length == end;
            return bare ? new(null, true, phrase) : new(phrase, false);
        }

        return new(null, elliptical, elliptical ? Modifier(text, leftFloor, leftEnd, edges) : null);
    }

    /// <summary>
    /// 其中,作出纠错决定的|191件: the 的-modifier right before the number, less its opening verb and prefixes, stands for what is
    /// counted when no earlier figure of the sentence does.
    /// </summary>
    private string? Modifier(string text, int floor, int end, WordEdges? edges)
    {
        var e = TrimLeftEnd(text, floor, end);
        if (e - 1 <= floor || text[e - 1] != '的')
        {
            return null;
        }

        e--;
        var s = e;
        while (s > floor && SubjectText.IsSubjectChar(text[s - 1]) && text[s - 1] != '的')
        {
            s--;
        }

        var start = StripPrefixes(text, LastLeadEnd(text, s, e, Boundaries(edges, s, e)), e);
        return e - start >= 2 ? SubjectText.Clip(text, start, e) : null;
    }

    private int TrimLeftEnd(string text, int floor, int end)
    {
        var e = end;
        while (e > floor && text[e - 1] == ' ')
        {
            e--;
        }

        while (e > floor && _words.Trails.TryMatchEndingAt(text, e, floor, out var word, out _) && !_words.Keeps.TryMatchEndingAt(text, e, floor, out _, out _))
        {
            e -= word.Length;
        }

        return e;
    }

    private (string? Subject, bool VerbFinal, bool Elliptical, int VerbStart) Before(string text, int floor, int end, bool rate, WordEdges? edges)
    {
        var e = TrimLeftEnd(text, floor, end);
        if (e <= floor)
        {
            // …,达到417亿元: a clause of function words only continues the figure before it.
            return (null, false, e < end && text.AsSpan(e, end - e).Trim(' ').Length > 0, -1);
        }

        if (text[e - 1] == '的')
        {
            return (null, false, true, -1);
        }

        // A title right before the number names what is counted: 制发《行政执法监督通知书》31份.
        if (text[e - 1] == '》')
        {
            var open = text.LastIndexOf('《', e - 1, e - floor);
            return open >= 0 && e - 1 - open > 1 ? (SubjectText.Clip(text, open + 1, e - 1), false, false, -1) : (null, false, false, -1);
        }

        var s = e;
        while (s > floor && SubjectText.IsSubjectChar(text[s - 1]) && text[s - 1] != '的')
        {
            s--;
        }

        if (s == e)
        {
            return (null, false, false, -1);
        }

        var words = Boundaries(edges, s, e);

        // 综合执法部门事项占整体执法事项20%: a share names its part, before 占; 占整体执法事项的21.20% continues the
        // figure before it.
        var share = text.AsSpan(s, e - s).LastIndexOf('占');
        if (rate && share >= 0 && !_words.Occupy.TryMatchAt(text, s + share, out _, out _))
        {
            var partEnd = s + share;
            var partStart = StripPrefixes(text, LastLeadEnd(text, s, partEnd, words, rate), partEnd);
            return partStart < partEnd ? (_words.Share(SubjectText.Clip(text, partStart, partEnd)), false, false, -1) : (null, false, true, -1);
        }

        // A verb right before the number: the noun comes after it, or the verb phrase is the subject.
        if (_words.Leads.TryMatchEndingAt(text, e, s, out var finalVerb, out _) && words.IsWord(e - finalVerb.Length, e))
        {
            var verbStart = e - finalVerb.Length;
            var phraseStart = LastLeadEnd(text, s, verbStart + 2, words);
            return (null, true, false, StripPrefixes(text, phraseStart, e));
        }

        var start = StripPrefixes(text, LastLeadEnd(text, s, e, words, rate), e);

        // 提高至7.5分: a change verb or function word alone names nothing.
        var bare = _words.AfterStops.TryMatchAt(text, start, out var word, out _) && start + word.Length == e;
        return start < e && !bare ? (SubjectText.Clip(text, start, e), false, false, -1) : (null, false, false, -1);
    }

    /// <summary>How far after a unit a 的 may close the modifier of the counted noun.</summary>
    private const int ModifierReach = 20;

    /// <summary>
    /// 32名由市人大常委会任命的部门主要负责人, 9条务实管用、操作简便的考核措施: the head noun after a 的-modifier that follows
    /// the unit, when no noun follows the unit directly (<paramref name="noNoun"/>) or the modifier is a list (、).
    /// </summary>
    private string? Headed(string text, int start, int reachEnd, bool noNoun, WordEdges? edges)
    {
        var limit = Math.Min(reachEnd, start + ModifierReach);
        var de = text.AsSpan(start, limit - start).IndexOf('的');
        if (de < 2)
        {
            return null;
        }

        var modifier = text.AsSpan(start, de);
        if (modifier.IndexOfAnyInRange('0', '9') >= 0 || !(noNoun || modifier.Contains('、')))
        {
            return null;
        }

        var headStart = start + de + 1;
        var headEnd = headStart;
        while (headEnd < reachEnd && SubjectText.IsSubjectChar(text[headEnd]))
        {
            headEnd++;
        }

        return After(text, headStart, headEnd, edges, reachEnd) is { Length: >= 2 } head ? head : null;
    }

    private string? After(string text, int start, int end, WordEdges? edges, int reachEnd = -1)
    {
        // 编写一册《学法用法情况资料汇编》: a title right after the unit names what is counted.
        if (start < end && text[start] == '《')
        {
            var close = text.IndexOf('》', start + 1, end - start - 1);
            return close > start + 1 ? SubjectText.Clip(text, start + 1, close) : null;
        }

        // 8项|1级指标: a grade number opens the noun it ranks.
        var run = start;
        while (run < end && char.IsAsciiDigit(text[run]))
        {
            run++;
        }

        run = run > start && _words.Grades.TryMatchAt(text, run, out var grade, out _) ? run + grade.Length : start;
        while (run < end && SubjectText.IsSubjectChar(text[run]))
        {
            run++;
        }

        // 9个镇（街道）开展督察: a short bracket inside the noun phrase stays in it.
        if (run > start && run < reachEnd && text[run] is '（' or '(')
        {
            var close = text.AsSpan(run + 1, Math.Min(reachEnd, run + 8) - run - 1).IndexOfAny('）', ')');
            if (close > 0 && text.AsSpan(run + 1, close).IndexOfAnyExceptInRange('\u4e00', '\u9fff') < 0)
            {
                run += close + 2;
                while (run < reachEnd && SubjectText.IsSubjectChar(text[run]))
                {
                    run++;
                }
            }
        }

        var words = Boundaries(edges, start, run);
        var e = start;
        // 198项|审批事项: a verb with its generic head (事项, 业务) is a noun, not the verb that ends the phrase.
        if (_words.Leads.TryMatchAt(text, start, out var lead, out _) && _words.Heads.TryMatchAt(text, start + lead.Length, out var head, out _))
        {
            e = start + lead.Length + head.Length;
        }

        while (e < run && !StopsAt(text, e, words))
        {
            e++;
        }

        // The second of two verbs starts two characters in or later: without a verb of two characters there, no tagging.
        if (e - start > ShortAfter && _segmenter is not null && _segmenter.MayHoldLongVerb(text.AsSpan(start, e - start), 2))
        {
            // 28个许可证联审联办, 1名局领导牵头包案: two verbs in a row end the noun phrase. A lone verb is a
            // nominalized part of it (社区调解委员会, 9起合同纠纷行政调解) and stays.
            var tagged = edges is null ? _segmenter.TaggedWords(text.AsSpan(start, e - start)) : edges.TaggedWords(start, e - start);
            for (var k = 1; k + 1 < tagged.Count; k++)
            {
                if (tagged[k].Verb && tagged[k + 1].Verb && tagged[k + 1].Length >= 2)
                {
                    e = start + tagged[k].Start;
                    break;
                }
            }
        }

        return e == start ? null : SubjectText.Clip(text, start, e);
    }

    private bool OpensWithVerb(string text, int start, int length, WordEdges? edges, out int verbLength)
    {
        if (edges is not null)
        {
            return edges.OpensWithVerb(start, length, out verbLength);
        }

        verbLength = _segmenter!.TaggedWords(text.AsSpan(start, length)) is [{ Verb: true } first, ..] ? first.Length : 0;
        return verbLength > 0;
    }

    /// <summary>A subject after the unit this short is taken as it is, untagged.</summary>
    private const int ShortAfter = 4;

    // A stop inside a word does not stop the phrase (5次|集中划转: 中 is part of 集中); without a segmenter every match stops.
    private bool StopsAt(string text, int position, WordBoundaries words) =>
        _words.AfterStops.TryMatchAt(text, position, out var stop, out _) && words.IsWord(position, position + stop.Length);

    /// <summary>A rate's run after a verb at least this long is a noun phrase of its own (实现|市级民主法治社区创建 100%);
    /// shorter, the verb is part of the rate's name (调解|成功率).</summary>
    private const int RateCompound = 5;

    private int LastLeadEnd(string text, int floor, int end, WordBoundaries words, bool rate = false)
    {
        // The subject starts after the last verb or preposition that leaves a word after it; a single character left
        // (完成|率, 发布|会) shows the verb was part of the noun. With a segmenter, the verb must also be a word of its own
        // (监管|完成率 holds no 完成).
        for (var k = end - 2; k > floor; k--)
        {
            // A rate names a compound (调解成功率, 出庭应诉率): only a conjunction or list mark cuts it.
            // A verb opening the run starts at a clause edge already; only its end would need the segmenter, and a
            // verb's end inside another word is rare enough (处理|行政处罚案件) to spare the cut.
            if (_words.Leads.TryMatchEndingAt(text, k, floor, out var lead, out _)
                && (lead.Length == 1 || ((!rate || end - k >= RateCompound) && (k - lead.Length == floor || words.IsWord(k - lead.Length, k))))
                && !(_words.Heads.TryMatchAt(text, k, out var head, out _) && k + head.Length == end))
            {
                return k;
            }
        }

        return floor;
    }

    private static WordBoundaries Boundaries(WordEdges? edges, int start, int end) => new(edges, start, end);

    /// <summary>Where the words after a unit start once a verb opening them is passed (举办|专题培训班).</summary>
    private int SkipLead(string text, int start, int end) =>
        _words.Leads.TryMatchAt(text, start, out var lead, out _) && lead.Length > 1 && start + lead.Length < end ? start + lead.Length : start;

    private int StripPrefixes(string text, int start, int end)
    {
        var s = start;
        // 第二批|取消: an ordinal says which round, not what is counted.
        if (s + 2 < end && text[s] == '第')
        {
            var k = s + 1;
            while (k < end && ChineseNumberParser.DigitValue(text[k]) >= 0 || (k < end && text[k] is '十' or '百'))
            {
                k++;
            }

            if (k > s + 1 && _words.Ordinals.TryMatchAt(text, k, out var round, out _) && k + round.Length < end)
            {
                s = k + round.Length;
            }
        }

        // 2024年|市场监管领域: the rest of a year is no part of what is counted.
        if (s > 0 && s < end && ChineseNumberParser.DigitValue(text[s - 1]) >= 0 && _words.AfterYear.TryMatchAt(text, s, out var yearRest, out _))
        {
            s = Math.Min(end, s + yearRest.Length);
        }

        while (s < end && _words.Strips.TryMatchAt(text, s, out var word, out _) && s + word.Length < end)
        {
            s += word.Length;
        }

        return s;
    }
}
