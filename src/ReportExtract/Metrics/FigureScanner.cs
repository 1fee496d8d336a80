using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>A figure found in prose, before its context is read: its span, value and unit, the qualifiers and change verb
/// around it, and where its left and right context start once those are passed.</summary>
internal readonly record struct Figure(
    int Start, int End, double Value, UnitEntry Unit, Approximation? Approx, Delta? Delta, int LeftEnd, int RightStart);

/// <summary>
/// Finds the figures of prose in one pass: a number (Arabic, Chinese, mixed) with its unit, 余/多 between them, a range
/// (10至20件, 5万元至8万元), a fraction (三分之一) or a 百分之 rate, less those <see cref="MetricExclusions"/> rules out; and
/// reads the qualifiers (约, 以上) and the change verb (同比增长) around each. What the figure counts is read later.
/// </summary>
internal sealed class FigureScanner
{
    /// <summary>How far left of a number its qualifiers and change verb are looked for; keeps 1 MB lines linear.</summary>
    private const int LeftReach = 48;

    private readonly UnitLexicon _units;
    private readonly QualifierLexicon _qualifiers;
    private readonly MetricExclusions _exclusions;

    /// <summary>Characters that, right after a lone Chinese digit, may still make it a figure: a unit's or an inner
    /// qualifier's first character, 个 (3个多月), one space before a unit, a range's dash or 至.</summary>
    private readonly CharBitmap _extendsDigit;

    public FigureScanner(UnitLexicon units, QualifierLexicon qualifiers, MetricExclusions exclusions)
    {
        _units = units;
        _qualifiers = qualifiers;
        _exclusions = exclusions;
        _extendsDigit = new CharBitmap(units.Firsts + qualifiers.InsideFirsts + "个 " + RangeMarks);
    }

    /// <summary>What stands between the two ends of a range (10至20件, 5-8万元), as <see cref="TryRange"/> reads it.</summary>
    private const string RangeMarks = "至到-—~～－–";

    /// <summary>Walks the text once, number by number, and yields the figures among them.</summary>
    public List<Figure> FindFigures(string text, RangeSet names, RangeSet tables, SentenceSplitter sentences)
    {
        var figures = new List<Figure>();
        var inTable = new RangeCursor(tables);
        var inName = new RangeCursor(names);
        var i = 0;
        while (i < text.Length)
        {
            var k = ChineseNumberParser.IndexOfStart(text.AsSpan(i));
            if (k < 0)
            {
                break;
            }

            var p = i + k;
            if (inTable.Find(p) is { } table)
            {
                i = table.End;
                continue;
            }

            if (inName.Find(p) is { } name)
            {
                i = name.End;
                continue;
            }

            i = StandsAloneInWord(text, p) ? p + 1 : ReadFigureAt(text, p, sentences, figures);
        }

        return figures;
    }

    /// <summary>
    /// True when the numeral at <paramref name="p"/> is a lone 一 or 百/千/万/亿 or another lone Chinese digit that
    /// <see cref="ReadFigureAt"/> would turn away (统一, 一是, 千家万户, 二是, （三）), told by the next character alone,
    /// without parsing: one that cannot extend the number, open a fraction (分之) or 余/多, and, after 一, starts no unit
    /// that makes a lone 一 a figure (编写一册), after another digit no unit, inner qualifier or range at all.
    /// Most numerals of running Chinese are such characters inside words or outline numbers.
    /// </summary>
    internal bool StandsAloneInWord(string text, int p)
    {
        if (p + 1 >= text.Length)
        {
            return false;
        }

        var next = text[p + 1];
        if (ChineseNumberParser.IsStart(next) || next == '分')
        {
            return false;
        }

        return text[p] switch
        {
            '一' or '壹' => !_units.MayFollowLoneOne(next),
            '百' or '千' or '万' or '亿' or '佰' or '仟' => next is not ('余' or '多'),
            // 十 alone is a figure (十次); Arabic digits go on with a decimal point or a thousands group.
            '十' or '拾' => false,
            var digit => !ChineseNumberParser.IsArabicDigit(digit) && !_extendsDigit.Contains(next),
        };
    }

    /// <summary>Reads the figure (or range, fraction, 百分之 rate) starting at <paramref name="p"/>; returns where to go on.</summary>
    internal int ReadFigureAt(string text, int p, SentenceSplitter sentences, List<Figure> figures)
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
        if (before < 0 && _qualifiers.MatchLink(text, start, floor + 1) is var link and >= 0)
        {
            before = _qualifiers.MatchBefore(text, link, floor, out beforeApprox); // 大约有200户
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
}
