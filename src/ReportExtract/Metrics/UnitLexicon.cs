using System.Globalization;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>One unit surface of Resources/Metrics/units.tsv.</summary>
/// <param name="Surface">The unit as written (万元 is read as 万 + 元).</param>
/// <param name="Kind">The kind; <see cref="MetricKind.Case"/> units fall back to counts outside a legal context.</param>
/// <param name="Scale">Multiplies the value (成 → 10 %).</param>
/// <param name="Canonical">The unit written on the metric.</param>
/// <param name="ArabicOnly">Only after an Arabic number (3分 is a score, 三分 an adverb).</param>
/// <param name="NotBefore">Characters that, right after the surface, show a longer word (部门).</param>
/// <param name="AfterLoneOne">A lone 一 before it is a figure (编写一册), where 一个/一项 are mostly set phrases.</param>
/// <param name="CountsCases">A count that is a case where its subject names one itself (办理复议案件3个).</param>
/// <param name="DurationOnly">Only after a duration word (连续3年); elsewhere a number before it is a date (2021年).</param>
internal sealed record UnitEntry(string Surface, MetricKind Kind, double Scale, string Canonical, bool ArabicOnly, string NotBefore, bool AfterLoneOne = false, bool CountsCases = false, bool DurationOnly = false);

/// <summary>Measure words and units after a number, and the kind of figure each makes.</summary>
internal sealed class UnitLexicon
{
    private readonly WordSet<UnitEntry> _units;
    private readonly WordSearchValues _caseCues;
    private readonly string _loneOneFirsts;
    private readonly string _firsts;
    private readonly string[] _caseNouns;
    private readonly WordSet<bool> _durationCues = new(EmbeddedData.ReadRows("Metrics/duration-cues.txt").Select(r => (r[0], true)));

    private UnitLexicon(IEnumerable<UnitEntry> units, IEnumerable<string> caseCues, IEnumerable<string> caseNouns)
    {
        _caseNouns = [.. caseNouns];
        var list = units.ToList();
        _units = new WordSet<UnitEntry>(list.Select(u => (u.Surface, u)));
        _loneOneFirsts = new string([.. list.Where(u => u.AfterLoneOne && u.Surface.Length > 0).Select(u => u.Surface[0]).Distinct()]);
        _firsts = new string([.. list.Where(u => u.Surface.Length > 0).Select(u => u.Surface[0]).Distinct()]);
        Surfaces = [.. list.Select(u => u.Surface)];
        CaseCues = [.. caseCues];
        _caseCues = new WordSearchValues(CaseCues);
    }

    /// <summary>A lexicon built from the embedded data files (each call reads them afresh).</summary>
    public static UnitLexicon LoadEmbedded() => Load();

    /// <summary>
    /// True when a unit that makes a lone 一 a figure (册, 篇: the `one` flag) starts with <paramref name="c"/>; when false,
    /// <see cref="Match"/> at <paramref name="c"/> finds no such unit, whatever follows.
    /// </summary>
    public bool MayFollowLoneOne(char c) => _loneOneFirsts.Contains(c);

    /// <summary>
    /// The first characters of every unit, duration units included: where the character after a number is none of them,
    /// <see cref="Match"/>, <see cref="MatchDuration"/> and <see cref="MatchSplit"/> find nothing there.
    /// </summary>
    public string Firsts => _firsts;

    /// <summary>Every unit as written.</summary>
    public IReadOnlyList<string> Surfaces { get; }

    /// <summary>Words that make a 件/宗/起 figure a legal case.</summary>
    public IReadOnlyList<string> CaseCues { get; }

    /// <summary>The longest unit starting at <paramref name="start"/> that fits a number written as <paramref name="arabic"/>.</summary>
    public UnitEntry? Match(string text, int start, bool arabic)
    {
        foreach (var (surface, unit) in _units.StartingWith(text, start))
        {
            var end = start + surface.Length;
            if (text.AsSpan(start).StartsWith(surface, StringComparison.Ordinal) && (arabic || !unit.ArabicOnly) && !unit.DurationOnly
                && (end >= text.Length || !unit.NotBefore.Contains(text[end], StringComparison.Ordinal)))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>
    /// The duration unit (年) at <paramref name="start"/> when a duration word (连续, 长达: duration-cues.txt) ends right before
    /// the number at <paramref name="numberStart"/>; else null.
    /// </summary>
    public UnitEntry? MatchDuration(string text, int numberStart, int start)
    {
        if (!_durationCues.TryMatchEndingAt(text, numberStart, Math.Max(0, numberStart - 4), out _, out _))
        {
            return null;
        }

        foreach (var (surface, unit) in _units.StartingWith(text, start))
        {
            var end = start + surface.Length;
            if (unit.DurationOnly && text.AsSpan(start).StartsWith(surface, StringComparison.Ordinal)
                && (end >= text.Length || !unit.NotBefore.Contains(text[end], StringComparison.Ordinal)))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>
    /// A unit of two or more characters whose first character is at <paramref name="first"/> and whose rest starts at
    /// <paramref name="rest"/>: 3个多月 holds 个月 with 多 inside it.
    /// </summary>
    public UnitEntry? MatchSplit(string text, int first, int rest, bool arabic)
    {
        foreach (var (surface, unit) in _units.StartingWith(text, first))
        {
            var end = rest + surface.Length - 1;
            if (surface.Length > 1 && text.AsSpan(rest).StartsWith(surface.AsSpan(1), StringComparison.Ordinal) && (arabic || !unit.ArabicOnly)
                && (end >= text.Length || !unit.NotBefore.Contains(text[end], StringComparison.Ordinal)))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="span"/> names a legal case or matter.</summary>
    public bool HasCaseCue(ReadOnlySpan<char> span) => span.ContainsAny(_caseCues);

    /// <summary>True when <paramref name="subject"/> ends in a word that names a legal case (案件, 复议, 处罚决定), its head noun:
    /// 案件问题线索 counts clues.</summary>
    public bool HasCaseNoun(string? subject)
    {
        foreach (var noun in _caseNouns)
        {
            if (subject is not null && subject.EndsWith(noun, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static UnitLexicon Load()
    {
        var units = EmbeddedData.ReadRows("Metrics/units.tsv").Select(row => new UnitEntry(
            row[0],
            ParseKind(row[1]),
            double.Parse(row[2], CultureInfo.InvariantCulture),
            row[3],
            row[4].Split(',').Contains("arabic"),
            row[5] == "-" ? string.Empty : row[5],
            row[4].Split(',').Contains("one"),
            row[4].Split(',').Contains("cases"),
            row[4].Split(',').Contains("duration")));
        var cues = EmbeddedData.ReadRows("Metrics/case-cues.txt").ToList();
        return new UnitLexicon(units, cues.Select(row => row[0]), cues.Where(row => row.Length > 1 && row[1] == "subject").Select(row => row[0]));
    }

    private static MetricKind ParseKind(string kind) => kind switch
    {
        "amount" => MetricKind.Amount,
        "rate" => MetricKind.Rate,
        "case" => MetricKind.Case,
        "count" => MetricKind.Count,
        "quantity" => MetricKind.Quantity,
        _ => throw new InvalidDataException($"units.tsv: unknown kind '{kind}'"),
    };
}
