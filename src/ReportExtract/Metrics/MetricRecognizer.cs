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
    /// <summary>How far left of a number its subject and cues are looked for; keeps 1 MB lines linear.</summary>
    private const int LeftReach = 48;

    /// <summary>How far right of a unit a trailing subject is looked for.</summary>
    private const int RightReach = 24;

    /// <summary>How much of the sentence before a figure the catalog sees as context.</summary>
    private const int ContextReach = 120;

    private readonly IndicatorCatalog _catalog;
    private readonly UnitLexicon _units;
    private readonly QualifierLexicon _qualifiers;
    private readonly MetricExclusions _exclusions;
    private readonly SubjectFinder _subjects;
    private readonly CarriedSubjects _carried;
    private readonly IClauseSegmenter? _segmenter;
    private readonly TableCellReader _tables;

    /// <summary>A recognizer that names indicators from <paramref name="catalog"/> (the built-in one by default).</summary>
    public MetricRecognizer(IndicatorCatalog? catalog = null)
        : this(catalog, new JiebaClauseSegmenter(JiebaSegmenter.LoadEmbedded()))
    {
    }

    /// <summary>A recognizer whose subject finder cuts words with <paramref name="segmenter"/> (none: character rules only).</summary>
    internal MetricRecognizer(IndicatorCatalog? catalog, IClauseSegmenter? segmenter)
        : this(catalog ?? IndicatorCatalog.LoadBuiltIn(), segmenter, UnitLexicon.LoadEmbedded(), QualifierLexicon.LoadEmbedded(), MetricExclusions.LoadEmbedded())
    {
    }

    /// <summary>A recognizer over the given catalog, word cutter and lexicons (the pipeline builder shares them between stages).</summary>
    internal MetricRecognizer(IndicatorCatalog catalog, IClauseSegmenter? segmenter, UnitLexicon units, QualifierLexicon qualifiers, MetricExclusions exclusions)
    {
        _catalog = catalog;
        _units = units;
        _qualifiers = qualifiers;
        _exclusions = exclusions;
        _subjects = new SubjectFinder(segmenter);
        _carried = new CarriedSubjects(_subjects);
        _segmenter = segmenter;
        _tables = new TableCellReader(new TableLocator(units), _units, _subjects.Generic);
    }

    /// <summary>The catalog that names indicators.</summary>
    public IndicatorCatalog Catalog => _catalog;

    /// <summary>Every figure of <paramref name="text"/>, sorted by position.</summary>
    public MetricRecognition Recognize(string text, ImmutableArray<Section> sections, int? reportYear)
    {
        var names = new RangeSet(MetricExclusions.NameRanges(text));
        var sentences = new SentenceSplitter(text);
        var years = new YearScope(text, sentences, names, sections);
        var tables = _tables.Read(text);
        var edges = _segmenter is null ? null : new WordEdges(_segmenter, text);
        var context = new Context(text, sections, reportYear, sentences, years, edges);

        var metrics = ImmutableArray.CreateBuilder<Metric>();
        foreach (var figure in FindFigures(text, names, tables.Blocks, sentences))
        {
            metrics.Add(Describe(context, figure, metrics));
        }

        foreach (var cell in tables.Figures)
        {
            metrics.Add(DescribeCell(context, cell));
        }

        metrics.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new MetricRecognition(metrics.ToImmutable(), tables.Warnings);
    }

    /// <summary>A figure found in prose, before its context is read.</summary>
    private readonly record struct Figure(
        int Start, int End, double Value, UnitEntry Unit, Approximation? Approx, Delta? Delta, int LeftEnd, int RightStart);

    private sealed record Context(string Text, ImmutableArray<Section> Sections, int? ReportYear, SentenceSplitter Sentences, YearScope Years, WordEdges? Edges);

    /// <summary>Walks the text once, number by number, and yields the figures among them.</summary>
    private List<Figure> FindFigures(string text, RangeSet names, RangeSet tables, SentenceSplitter sentences)
    {
        var figures = new List<Figure>();
        var i = 0;
        while (i < text.Length)
        {
            var k = text.AsSpan(i).IndexOfAny(ChineseNumberParser.StartChars);
            if (k < 0)
            {
                break;
            }

            var p = i + k;
            if (tables.Find(p) is { } table)
            {
                i = table.End;
                continue;
            }

            if (names.Find(p) is { } name)
            {
                i = name.End;
                continue;
            }

            i = ReadFigureAt(text, p, sentences, figures);
        }

        return figures;
    }

    /// <summary>Reads the figure (or range, fraction, 百分之 rate) starting at <paramref name="p"/>; returns where to go on.</summary>
    private int ReadFigureAt(string text, int p, SentenceSplitter sentences, List<Figure> figures)
    {
        // 百分之八十 and 千分之五 are rates written as fractions of 100 and 1000.
        if (text.AsSpan(p).StartsWith("百分之") || text.AsSpan(p).StartsWith("千分之"))
        {
            if (ChineseNumberParser.TryParse(text, p + 3, out var part) && !part.BareMultiplier)
            {
                var perMille = text[p] == '千';
                var unit = _units.Match(perMille ? "‰" : "%", 0, true)!;
                AddFigure(text, p, part.End, part.Value, unit, null, sentences, figures, part);
                return part.End;
            }

            return p + 3;
        }

        if (!ChineseNumberParser.TryParse(text, p, out var number))
        {
            return p + 1;
        }

        // A number too long for a double (a digit dump, an ID) is no figure; JSON has no infinity either.
        if (!double.IsFinite(number.Value))
        {
            return number.End;
        }

        // A digit glued to an earlier number part (1.2.3, 2022-01) belongs to a code, not a figure.
        if (p > 1 && text[p - 1] is '.' or '-' or '/' && ChineseNumberParser.IsArabicDigit(text[p - 2]))
        {
            return number.End;
        }

        // 三分之一: a fraction, read as a rate in %.
        if (text.AsSpan(number.End).StartsWith("分之") && ChineseNumberParser.TryParse(text, number.End + 2, out var numerator)
            && number.Value > 0 && !numerator.BareMultiplier)
        {
            var unit = _units.Match("%", 0, true)!;
            AddFigure(text, p, numerator.End, numerator.Value / number.Value * 100, unit, null, sentences, figures, number);
            return numerator.End;
        }

        // A lone 百/千/万/亿 (千家万户) or a lone 一 (一是, 统一) is almost never a figure; 十 alone is (十余次), and so is a
        // multiplier with 余/多 (千余件, 百余人次).
        var approximateRound = number.End < text.Length && text[number.End] is '余' or '多';
        // A few measure words make even a lone 一 a figure (每季度编写一册).
        if ((number.BareMultiplier && text[p] is not ('十' or '拾') && !approximateRound)
            || (!number.Arabic && number.Length == 1 && text[p] is '一' or '壹' && _units.Match(text, number.End, false) is not { AfterLoneOne: true }))
        {
            return number.End;
        }

        var (unitEntry, insideApprox, unitEnd) = ReadUnit(text, number);
        if (unitEntry is null && _units.MatchDuration(text, p, number.End) is { } years)
        {
            // 连续3年, 长达两年: a duration, where elsewhere a number before 年 is a year.
            (unitEntry, unitEnd) = (years, number.End + years.Surface.Length);
        }

        if (unitEntry is null)
        {
            return TryRange(text, number, sentences, figures) ?? number.End;
        }

        if (TryUnitRange(text, number, unitEntry, unitEnd, sentences, figures) is { } rangeEnd)
        {
            return rangeEnd;
        }

        AddFigure(text, p, unitEnd, number.Value * unitEntry.Scale, unitEntry, insideApprox, sentences, figures, number);
        return unitEnd;
    }

    /// <summary>5万元至8万元: a range whose ends both carry the unit. Returns where to go on, or null.</summary>
    private int? TryUnitRange(string text, in NumberToken low, UnitEntry lowUnit, int lowEnd, SentenceSplitter sentences, List<Figure> figures)
    {
        var pos = lowEnd;
        if (pos >= text.Length || text[pos] is not ('至' or '到' or '-' or '—' or '~' or '～' or '－' or '–'))
        {
            return null;
        }

        pos++;
        if (pos < text.Length && text[pos] == '—')
        {
            pos++;
        }

        if (!ChineseNumberParser.TryParse(text, pos, out var high) || high.BareMultiplier)
        {
            return null;
        }

        var (highUnit, _, highEnd) = ReadUnit(text, high);
        if (highUnit is null || highUnit.Canonical != lowUnit.Canonical || high.Value * highUnit.Scale <= low.Value * lowUnit.Scale)
        {
            return null;
        }

        var lineStart = sentences.LineStart(low.Start);
        if (_exclusions.Excludes(text, low, lowEnd, lineStart) || _exclusions.Excludes(text, high, highEnd, lineStart))
        {
            return null;
        }

        var lowFigure = MakeFigure(text, low.Start, lowEnd, low.Value * lowUnit.Scale, lowUnit, Approximation.AtLeast, sentences);
        var highFigure = MakeFigure(text, high.Start, highEnd, high.Value * highUnit.Scale, highUnit, Approximation.AtMost, sentences);
        figures.Add(lowFigure with { RightStart = highFigure.RightStart });
        figures.Add(highFigure with { LeftEnd = lowFigure.LeftEnd });
        return highEnd;
    }

    /// <summary>The unit after a number, with 余/多 between them and one optional space (230.5 亿元 is read at the number).</summary>
    private (UnitEntry? Unit, Approximation? Inside, int End) ReadUnit(string text, in NumberToken number)
    {
        var pos = number.End;
        if (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        var afterQualifier = _qualifiers.MatchInside(text, pos, out var approx);
        if (afterQualifier > 0)
        {
            // 十余次, 1.7万余份; the qualifier counts only when a unit follows.
            var unitAfter = _units.Match(text, afterQualifier, number.Arabic);
            if (unitAfter is not null)
            {
                return (unitAfter, approx, afterQualifier + unitAfter.Surface.Length);
            }
        }

        // 3个多月, 两个余月: the qualifier sits inside the measure word 个月.
        if (pos + 1 < text.Length && text[pos] == '个' && _qualifiers.MatchInside(text, pos + 1, out var split) is var rest and > 0
            && _units.MatchSplit(text, pos, rest, number.Arabic) is { } whole)
        {
            return (whole, split, rest + whole.Surface.Length - 1);
        }

        var unit = _units.Match(text, pos, number.Arabic);
        return unit is null ? (null, null, number.End) : (unit, null, pos + unit.Surface.Length);
    }

    /// <summary>X至Y件, X-Y件: two figures sharing the unit of the second. Returns where to go on, or null.</summary>
    private int? TryRange(string text, in NumberToken low, SentenceSplitter sentences, List<Figure> figures)
    {
        var pos = low.End;
        if (pos >= text.Length || text[pos] is not ('至' or '到' or '-' or '—' or '~' or '～' or '－' or '–'))
        {
            return null;
        }

        pos++;
        if (pos < text.Length && text[pos] == '—')
        {
            pos++;
        }

        if (!ChineseNumberParser.TryParse(text, pos, out var high) || high.BareMultiplier || high.Arabic != low.Arabic)
        {
            return null;
        }

        var (unit, _, unitEnd) = ReadUnit(text, high);

        // A high end too long for a double (a digit dump) makes no range, as it makes no figure on its own.
        if (unit is null || !double.IsFinite(high.Value) || high.Value <= low.Value)
        {
            return null;
        }

        var lineStart = sentences.LineStart(low.Start);
        if (_exclusions.Excludes(text, low, unitEnd, lineStart) || _exclusions.Excludes(text, high, unitEnd, lineStart))
        {
            return unitEnd;
        }

        // 5到8万元: the high end's 万/亿 applies to a low end written without one.
        var carried = low.Value * unit.Scale * CarriedMultiplier(text, low, high);
        var lowFigure = MakeFigure(text, low.Start, low.End, carried, unit, Approximation.AtLeast, sentences);
        var highFigure = MakeFigure(text, high.Start, unitEnd, high.Value * unit.Scale, unit, Approximation.AtMost, sentences);
        figures.Add(lowFigure with { RightStart = highFigure.RightStart });
        figures.Add(highFigure with { LeftEnd = lowFigure.LeftEnd });
        return unitEnd;
    }

    private static double CarriedMultiplier(string text, in NumberToken low, in NumberToken high)
    {
        if (ChineseNumberParser.MultiplierValue(text[low.End - 1]) >= 1e4)
        {
            return 1;
        }

        var multiplier = 1.0;
        for (var i = high.End - 1; i > high.Start && ChineseNumberParser.MultiplierValue(text[i]) >= 1e4; i--)
        {
            multiplier *= ChineseNumberParser.MultiplierValue(text[i]);
        }

        return multiplier;
    }

    private void AddFigure(string text, int start, int end, double value, UnitEntry unit, Approximation? inside, SentenceSplitter sentences, List<Figure> figures, in NumberToken number)
    {
        if (_exclusions.Excludes(text, number, end, sentences.LineStart(start)))
        {
            return;
        }

        figures.Add(MakeFigure(text, start, end, value, unit, inside, sentences));
    }

    /// <summary>Reads the qualifiers and the change verb around a figure spanning [start, end).</summary>
    private Figure MakeFigure(string text, int start, int end, double value, UnitEntry unit, Approximation? inside, SentenceSplitter sentences)
    {
        var floor = Math.Max(sentences.SentenceAt(start).Start, start - LeftReach);
        var approx = inside;
        var leftEnd = start;
        var before = _qualifiers.MatchBefore(text, start, floor, out var beforeApprox);
        if (before < 0 && start - 1 > floor && text[start - 1] is '有' or '为' or '达' or '是')
        {
            before = _qualifiers.MatchBefore(text, start - 1, floor, out beforeApprox); // 大约有200户
        }
        if (before >= 0)
        {
            approx ??= beforeApprox;
            leftEnd = before;
        }

        var rightStart = end;
        var after = _qualifiers.MatchAfter(text, end, out var afterApprox);
        if (after >= 0)
        {
            approx ??= afterApprox;
            rightStart = after;
        }

        // A share cannot pass the whole: 100%以上 means at least 100 %.
        if (approx == Approximation.Over && unit.Canonical == "%" && value >= 100)
        {
            approx = Approximation.AtLeast;
        }

        Delta? delta = null;
        var verbEnd = leftEnd > floor && text[leftEnd - 1] == '了' ? leftEnd - 1 : leftEnd;
        var verbStart = _qualifiers.MatchDelta(text, verbEnd, floor, out var direction);
        if (verbStart >= 0)
        {
            delta = direction;
            leftEnd = verbStart;
        }

        return new Figure(start, end, value, unit, approx, delta, leftEnd, rightStart);
    }

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
        var clauseStart = context.Sentences.ClauseStart(figure.LeftEnd, floor);
        var ceiling = Math.Min(sentence.End, figure.RightStart + RightReach);
        var clauseEnd = context.Sentences.ClauseEnd(figure.RightStart, Math.Max(ceiling, figure.RightStart));
        var found = _subjects.Find(text, clauseStart, figure.LeftEnd, figure.RightStart, clauseEnd, figure.Unit.Kind == MetricKind.Rate, context.Edges,
            context.Sentences.MajorClauseEnd(figure.RightStart, Math.Max(ceiling, figure.RightStart)));

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

            subject ??= found.Fallback;

            // 综合执法事项1130项,占整体执法事项的21.20%: the share of the figure before it.
            if (anyUnit && subject is not null && text.AsSpan(clauseStart, figure.LeftEnd - clauseStart).Contains('占'))
            {
                subject = SubjectFinder.Share(subject);
            }
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
        var sentenceStart = Math.Max(sentence.Start, figure.Start - ContextReach);
        var indicator = _catalog.Classify(kind, figure.Unit.Canonical, figure.Delta, subject, cue, text.AsSpan(sentenceStart, figure.Start - sentenceStart));
        return new Metric(
            kind,
            Round(figure.Value),
            figure.Unit.Canonical,
            figure.Approx,
            figure.Delta,
            subject,
            indicator,
            context.Years.YearAt(figure.Start, context.ReportYear),
            SectionPath(context.Sections, figure.Start),
            text[figure.Start..figure.End],
            new TextSpan(figure.Start, figure.End),
            context.Sentences.SentenceText(figure.Start, figure.End));
    }

    /// <summary>Turns a table cell into a metric: kind and indicator read from all its row and column labels.</summary>
    private Metric DescribeCell(Context context, TableFigure cell)
    {
        var unit = cell.Unit;
        // A cell whose headers name no measure word counts cases where its labels or its table's caption name one
        // (行政复议|3; 维持|120 under 复议案件审结情况), else items.
        var kind = unit is null ? (_units.HasCaseCue(cell.Path) || _units.HasCaseCue(cell.Context) ? MetricKind.Case : MetricKind.Count) : KindOf(unit, cell.Path, cell.Context);
        var unitName = unit?.Canonical ?? string.Empty;
        return new Metric(
            kind,
            Round(cell.Value),
            unitName,
            null,
            null,
            cell.Subject,
            _catalog.Classify(kind, unitName, null, cell.Path, cell.Path),
            cell.Year ?? (cell.YearOffset is { } offset && context.ReportYear is { } report ? report + offset : context.Years.YearAt(cell.Start, context.ReportYear)),
            SectionPath(context.Sections, cell.Start),
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

    /// <summary>Path of the innermost section holding <paramref name="position"/>.</summary>
    private static string? SectionPath(ImmutableArray<Section> sections, int position)
    {
        string? path = null;
        var level = sections;
        while (true)
        {
            // A loop, not FirstOrDefault: a closure and a boxed enumerator per level and figure add up.
            Section? inner = null;
            foreach (var section in level)
            {
                if (position >= section.Span.Start && position < section.Span.End)
                {
                    inner = section;
                    break;
                }
            }

            if (inner is null)
            {
                return path;
            }

            path = inner.Path;
            level = inner.Sections;
        }
    }

    /// <summary>Binary noise from scaling (0.0038万 = 37.99999…) is no part of a stated figure.</summary>
    private static double Round(double value) => Math.Round(value, 6);
}
