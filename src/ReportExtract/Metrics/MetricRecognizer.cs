using System.Collections.Immutable;
using ReportExtract.Model;
using ReportExtract.Segmentation;
using ReportExtract.Tables;

namespace ReportExtract.Metrics;

/// <summary>The figures of a report and what the recognizer wants the reader to know (cells it could not read).</summary>
public sealed record MetricRecognition(ImmutableArray<Metric> Metrics, ImmutableArray<string> Warnings);

/// <summary>
/// Finds every figure a report states: number (Arabic, Chinese, mixed), unit and kind, qualifier, change, subject, year,
/// section, sentence, and the catalog indicator. Spans are UTF-16 offsets into the normalized text and cover the number
/// and its unit, with 余/多 between them (1.7万余份); qualifiers before the number (约, 近, 超过) and after the unit
/// (以上, 左右) set <see cref="Metric.Approx"/> but stay outside the span. A range (10至20件) gives two metrics: the low
/// end (span: its number) with at_least, the high end (span: number and unit) with at_most.
/// </summary>
public sealed class MetricRecognizer
{
    /// <summary>How far left of a number its subject is looked for; keeps 1 MB lines linear.</summary>
    private const int LeftReach = 48;

    /// <summary>How far right of a unit a trailing subject is looked for.</summary>
    private const int RightReach = 24;

    /// <summary>How much of the sentence before a figure the catalog sees as context.</summary>
    private const int ContextReach = 120;

    /// <summary>How long a sentence opening a line may be to be read as a run-in heading of the sentences after it.</summary>
    private const int RunInHeading = 30;

    private readonly IndicatorCatalog _catalog;
    private readonly UnitLexicon _units;
    private readonly FigureScanner _figures;
    private readonly IndicatorCues _cues;
    private readonly SubjectFinder _subjects;
    private readonly CarriedSubjects _carried;
    private readonly IClauseSegmenter? _segmenter;
    private readonly TableCellReader _tables;
    private readonly YearCues _yearCues;

    /// <summary>A recognizer that names indicators from <paramref name="catalog"/> (the built-in one by default).</summary>
    public MetricRecognizer(IndicatorCatalog? catalog = null)
        : this(catalog, new JiebaClauseSegmenter(JiebaSegmenter.LoadEmbedded()))
    {
    }

    /// <summary>A recognizer whose subject finder cuts words with <paramref name="segmenter"/> (none: character rules only).</summary>
    internal MetricRecognizer(IndicatorCatalog? catalog, IClauseSegmenter? segmenter)
        : this(catalog ?? IndicatorCatalog.LoadBuiltIn(), segmenter, UnitLexicon.LoadEmbedded(), QualifierLexicon.LoadEmbedded(), MetricExclusions.LoadEmbedded(), TableWords.LoadEmbedded())
    {
    }

    /// <summary>A recognizer over the given catalog, word cutter and lexicons (the pipeline builder shares them between stages).</summary>
    internal MetricRecognizer(IndicatorCatalog catalog, IClauseSegmenter? segmenter, UnitLexicon units, QualifierLexicon qualifiers, MetricExclusions exclusions, TableWords tableWords)
    {
        _catalog = catalog;
        _units = units;
        _subjects = new SubjectFinder(segmenter);
        _carried = new CarriedSubjects(_subjects);
        _segmenter = segmenter;
        _tables = new TableCellReader(new TableLocator(units, tableWords), _units, _subjects.Generic);
        _figures = new FigureScanner(units, qualifiers, exclusions);
        _cues = new IndicatorCues();
        _yearCues = YearCues.LoadEmbedded();
    }

    /// <summary>The catalog that names indicators.</summary>
    public IndicatorCatalog Catalog => _catalog;

    /// <summary>Every figure of <paramref name="text"/>, sorted by position.</summary>
    public MetricRecognition Recognize(string text, ImmutableArray<Section> sections, int? reportYear)
    {
        var names = new RangeSet(MetricExclusions.NameRanges(text));
        var sentences = new SentenceSplitter(text);
        var years = new YearScope(text, sentences, names, sections, _yearCues);
        var tables = _tables.Read(text);
        var edges = _segmenter is null ? null : new WordEdges(_segmenter, text);
        var context = new Context(text, sections, reportYear, sentences, years, edges);

        var metrics = ImmutableArray.CreateBuilder<Metric>();
        foreach (var figure in _figures.FindFigures(text, names, tables.Blocks, sentences))
        {
            metrics.Add(Describe(context, figure, metrics));
        }

        _cues.DropBreakdownParts(text, metrics);
        // The lead-in of a table is read once for all its cells.
        var lastTable = (Start: -1, LeadIn: string.Empty);
        var blocks = tables.Blocks.Ranges;
        var block = 0;
        foreach (var cell in tables.Figures)
        {
            var table = tables.Blocks.Find(cell.Start);
            if (table is { } t && t.Start != lastTable.Start)
            {
                // The lead-in stops at the table before, whose rows say nothing of this one.
                while (block < blocks.Length && blocks[block].End <= t.Start)
                {
                    block++;
                }

                var floor = block > 0 ? blocks[block - 1].End : 0;
                lastTable = (t.Start, IndicatorCues.LeadIn(text, t.Start, floor).ToString());
            }

            metrics.Add(DescribeCell(context, cell, table is null ? string.Empty : lastTable.LeadIn));
        }

        metrics.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new MetricRecognition(metrics.ToImmutable(), tables.Warnings);
    }

    private sealed record Context(string Text, ImmutableArray<Section> Sections, int? ReportYear, SentenceSplitter Sentences, YearScope Years, WordEdges? Edges);


    /// <summary>Turns a figure into a metric: subject, kind, year, section, sentence, indicator.</summary>
    private Metric Describe(Context context, Figure figure, ImmutableArray<Metric>.Builder earlier)
    {
        var text = context.Text;
        var sentence = context.Sentences.SentenceAt(figure.Start);
        // 同比增长5.1%、7.3%: the figures of a list share the change verb of the first.
        if (figure.Delta is null && earlier.Count > 0 && earlier[^1] is { Delta: { } shared, Table: not true } listed
            && listed.Span.Start >= sentence.Start && CarriedSubjects.IsListGap(text.AsSpan(listed.Span.End, Math.Max(0, figure.LeftEnd - listed.Span.End))))
        {
            figure = figure with { Delta = shared };
        }

        // The subject of a figure lies after the previous figure (全市28个执法单位|29179件…), unless they share it (a range).
        var previousEnd = earlier.Count > 0 ? earlier[^1].Span.End : 0;
        var floor = Math.Max(sentence.Start, figure.LeftEnd - LeftReach);
        if (previousEnd <= figure.LeftEnd)
        {
            floor = Math.Max(floor, previousEnd);
        }

        floor = Math.Min(floor, figure.LeftEnd);
        // 纠错(含撤销、确认违法)29件: a short bracket between a noun and its figure qualifies the noun, which still names it.
        var leftEnd = BeforeBracket(text, floor, figure.LeftEnd);
        var clauseStart = context.Sentences.ClauseStart(leftEnd, floor);
        var ceiling = Math.Min(sentence.End, figure.RightStart + RightReach);
        var clauseEnd = context.Sentences.ClauseEnd(figure.RightStart, Math.Max(ceiling, figure.RightStart));
        var majorEnd = context.Sentences.MajorClauseEnd(figure.RightStart, Math.Max(ceiling, figure.RightStart));
        var found = _subjects.Find(text, clauseStart, leftEnd, figure.RightStart, clauseEnd, figure.Unit.Kind == MetricKind.Rate, context.Edges, majorEnd);
        if (found.Subject is { } own && _carried.Listed(text, context.Sentences, floor, clauseStart, own, context.Edges) is { } whole)
        {
            found = found with { Subject = whole };
        }

        if (figure.Unit.Kind == MetricKind.Amount && _carried.Purchased(text, figure.RightStart, majorEnd) is { } paidFor)
        {
            found = new SubjectResult(paidFor, false);
        }

        // A figure of a 分别 list, of a change from one value to another (由2分提高至5分), or in brackets after another
        // ((上年980件)) takes its subject from them.
        var subject = _carried.Distributed(text, context.Sentences, sentence.Start, figure.Start, earlier, context.Edges, found.Subject is null || figure.Delta is not null)
            ?? _carried.Origin(text, clauseStart, figure.LeftEnd, figure.RightStart, sentence.End, context.Edges)
            ?? CarriedSubjects.Destination(text, sentence.Start, figure.LeftEnd, figure.Unit.Canonical, earlier)
            ?? found.Subject
            ?? _carried.Bracketed(text, sentence.Start, figure.LeftEnd, earlier);
        if (subject is null && found.Elliptical)
        {
            // 行政诉讼案件2件,作为共同被告的1件: the later figure continues the earlier one of its unit; a share
            // (占…的21.20%) continues the nearest figure of any unit.
            var anyUnit = figure.Unit.Kind == MetricKind.Rate;
            for (var k = earlier.Count - 1; k >= 0 && earlier[k].Span.Start >= sentence.Start; k--)
            {
                if ((anyUnit || earlier[k].Unit == figure.Unit.Canonical) && earlier[k].Subject is not null)
                {
                    subject = earlier[k].Subject;
                    break;
                }
            }

            // 压缩审批时限,共压缩1049个工作日: a bare verb repeated from earlier in the sentence counts its object there.
            subject ??= RepeatedObject(context, sentence.Start, clauseStart, found.Fallback) ?? found.Fallback;

            // 综合执法事项1130项,占整体执法事项的21.20%: the share of the figure before it.
            if (anyUnit && subject is not null && text.AsSpan(clauseStart, figure.LeftEnd - clauseStart).Contains('占'))
            {
                subject = _subjects.Share(subject);
            }
        }

        // 压缩审批时限,共压缩1049个工作日: a lone verb standing for its subject counts the object it took earlier on.
        if (subject is { Length: 2 } && IsLoneVerbClause(text.AsSpan(clauseStart, Math.Max(0, figure.LeftEnd - clauseStart)), subject)
            && _segmenter?.TaggedWords(subject) is [{ Verb: true }])
        {
            subject = RepeatedObject(context, sentence.Start, clauseStart, subject) ?? subject;
        }

        // 一、行政决策(占总分值的15%): a share in brackets after a noun phrase is that phrase's share.
        if (figure.Unit.Kind == MetricKind.Rate && BracketedShare(context, sentence.Start, figure.LeftEnd) is { } share)
        {
            subject = share;
        }

        if (subject is null && figure.Delta is not null)
        {
            // 受理申请45件,较上年增长12.5%: a change with no subject of its own is the change of the figure it follows.
            for (var k = earlier.Count - 1; k >= 0 && earlier[k].Span.Start >= sentence.Start; k--)
            {
                if (earlier[k].Subject is not null)
                {
                    subject = earlier[k].Subject;
                    break;
                }
            }
        }

        // The catalog sees the comma clause of the figure and the one before it (处理行政处罚案件32件,涉及金额539万元),
        // not the whole sentence, whose far clauses speak of other things.
        var reach = Math.Max(sentence.Start, figure.Start - ContextReach);
        var clause = context.Sentences.MajorClauseStart(figure.Start, reach);
        var contextStart = clause > reach ? context.Sentences.MajorClauseStart(clause - 1, reach) : clause;
        var cue = text.AsSpan(contextStart, figure.Start - contextStart);
        // 件 counts a case only where its own clause names one; the clause before may speak of something else.
        var kind = KindOf(figure.Unit, subject, text.AsSpan(clause, figure.Start - clause));
        if (kind == MetricKind.Count && figure.Unit.Kind == MetricKind.Case && IsPartOfCase(text, reach, figure.Start, figure.Unit.Canonical, earlier))
        {
            kind = MetricKind.Case;
        }
        // A run-in heading that opens the line (2.严格落实合法性审核机制。对60件…草案) names the topic of the sentence after it.
        var sentenceStart = Math.Max(sentence.Start, figure.Start - ContextReach);
        var lineStart = context.Sentences.LineStart(figure.Start);
        if (sentenceStart == sentence.Start && lineStart < sentence.Start && sentence.Start - lineStart <= RunInHeading)
        {
            sentenceStart = lineStart;
        }

        var ownClause = text.AsSpan(clause, figure.Start - clause);
        var indicator = _cues.IsResidual(ownClause) ? null
            : _catalog.Classify(kind, figure.Unit.Canonical, figure.Delta, subject, cue, text.AsSpan(sentenceStart, figure.Start - sentenceStart), ownClause,
                after: text.AsSpan(figure.End, Math.Max(figure.End, majorEnd) - figure.End));
        return new Metric(
            kind,
            Round(figure.Value),
            figure.Unit.Canonical,
            figure.Approx,
            figure.Delta,
            subject,
            indicator,
            context.Years.YearAt(figure.Start, context.ReportYear),
            SectionTree.PathAt(context.Sections, figure.Start),
            text[figure.Start..figure.End],
            new TextSpan(figure.Start, figure.End),
            context.Sentences.SentenceText(figure.Start, figure.End));
    }

    /// <summary>Turns a table cell into a metric: kind and indicator read from all its row and column labels.</summary>
    private Metric DescribeCell(Context context, TableFigure cell, string leadIn)
    {
        var unit = cell.Unit;
        // A cell whose headers name no measure word counts cases where its labels or its table's caption name one
        // (行政复议|3; 维持|120 under 复议案件审结情况), else items.
        var kind = unit is null ? (_units.HasCaseCue(cell.Path) || _units.HasCaseCue(cell.Context) ? MetricKind.Case : MetricKind.Count) : KindOf(unit, cell.Path, cell.Context);
        var unitName = unit?.Canonical ?? string.Empty;
        // The table's caption or the sentence before it says what its cells count (2014年复议案件审结情况 | 撤销 | 63).
        var topic = string.Concat(leadIn, "\n", cell.Path);
        return new Metric(
            kind,
            Round(cell.Value),
            unitName,
            null,
            null,
            cell.Subject,
            _catalog.Classify(kind, unitName, null, cell.Path, cell.Path, topic, cell.Path, leadIn),
            cell.Year ?? (cell.YearOffset is { } offset && context.ReportYear is { } report ? report + offset : context.Years.YearAt(cell.Start, context.ReportYear)),
            SectionTree.PathAt(context.Sections, cell.Start),
            context.Text[cell.Start..cell.End],
            new TextSpan(cell.Start, cell.End),
            context.Sentences.SentenceText(cell.Start, cell.End),
            Table: true,
            Row: cell.Row,
            Column: cell.Column);
    }

    /// <summary>件/宗/起 count legal cases only where the subject or clause names one, elsewhere items; 个 counts cases where the subject names one.</summary>
    private MetricKind KindOf(UnitEntry unit, string? subject, ReadOnlySpan<char> clause) =>
        unit.CountsCases && _units.HasCaseNoun(subject) ? MetricKind.Case
        : unit.Kind != MetricKind.Case ? unit.Kind
        : _units.HasCaseCue(subject) || _units.HasCaseCue(clause) ? MetricKind.Case
        : MetricKind.Count;

    /// <summary>
    /// 行政诉讼案件3件，其中单独被告2件; 审结14件，其中维持9件，撤销2件: the parts after 其中 of a case figure of the same unit
    /// count cases too.
    /// </summary>
    private static bool IsPartOfCase(string text, int sentenceStart, int position, string unit, ImmutableArray<Metric>.Builder earlier)
    {
        var among = text.AsSpan(sentenceStart, position - sentenceStart).LastIndexOf("其中");
        if (among < 0)
        {
            return false;
        }

        for (var k = earlier.Count - 1; k >= 0 && earlier[k].Span.Start >= sentenceStart; k--)
        {
            if (earlier[k].Unit == unit && earlier[k].Span.End <= sentenceStart + among)
            {
                return earlier[k].Kind == MetricKind.Case;
            }
        }

        return false;
    }

    /// <summary>共压缩|1049个工作日: a clause holding nothing but <paramref name="verb"/> and at most one adverb before it.</summary>
    private static bool IsLoneVerbClause(ReadOnlySpan<char> clause, string verb)
    {
        clause = clause.Trim(' ');
        return clause.EndsWith(verb, StringComparison.Ordinal) && clause.Length - verb.Length <= 1;
    }

    /// <summary>The object after an earlier use of <paramref name="verb"/> in the sentence (压缩|审批时限, …共压缩), or null.</summary>
    private static string? RepeatedObject(Context context, int sentenceStart, int clauseStart, string? verb)
    {
        if (verb is not { Length: >= 2 } || clauseStart - sentenceStart <= verb.Length)
        {
            return null;
        }

        var at = context.Text.LastIndexOf(verb, clauseStart - 1, clauseStart - sentenceStart, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + verb.Length;
        var end = context.Sentences.MajorClauseEnd(start, clauseStart);
        var run = start;
        while (run < end && SubjectText.IsSubjectChar(context.Text[run]) && context.Text[run] != '的')
        {
            run++;
        }

        return run - start >= 2 ? SubjectText.Clip(context.Text, start, run) : null;
    }

    /// <summary>The share of the noun phrase right before an open bracket whose words start with 占 ((占总分值的15%)), or null.</summary>
    private string? BracketedShare(Context context, int sentenceStart, int leftEnd)
    {
        var text = context.Text;
        var floor = Math.Max(sentenceStart, leftEnd - BracketReach);
        var open = text.AsSpan(floor, leftEnd - floor).LastIndexOfAny('(', '（');
        if (open < 0 || floor + open + 1 >= leftEnd || text[floor + open + 1] != '占')
        {
            return null;
        }

        var end = floor + open;
        var start = context.Sentences.ClauseStart(end, Math.Max(sentenceStart, end - LeftReach));
        return end > start && _subjects.Find(text, start, end, end, end, false, context.Edges).Subject is { } part ? _subjects.Share(part) : null;
    }

    /// <summary>Where the words before a figure end once a short closed bracket right before it is passed, or <paramref name="leftEnd"/>.</summary>
    private static int BeforeBracket(string text, int floor, int leftEnd)
    {
        if (leftEnd - 2 <= floor || text[leftEnd - 1] is not (')' or '）'))
        {
            return leftEnd;
        }

        var from = Math.Max(floor, leftEnd - 1 - BracketReach);
        var open = text.AsSpan(from, leftEnd - 1 - from).LastIndexOfAny('(', '（');
        return open > 0 && from + open > floor && SubjectText.IsSubjectChar(text[from + open - 1]) ? from + open : leftEnd;
    }

    /// <summary>How long a bracket between a noun and its figure may be.</summary>
    private const int BracketReach = 14;

    /// <summary>Binary noise from scaling (0.0038万 = 37.99999…) is no part of a stated figure.</summary>
    private static double Round(double value) => Math.Round(value, 6);
}
