using System.Buffers;
using System.Globalization;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>One unit surface of Resources/Metrics/units.tsv.</summary>
/// <param name="Surface">The unit as written (万元 is read as 万 + 元).</param>
/// <param name="Kind">The kind; <see cref="MetricKind.Case"/> units fall back to counts outside a legal context.</param>
/// <param name="Scale">Multiplies the value (成 → 10 %).</param>
/// <param name="Canonical">The unit written on the metric.</param>
/// <param name="ArabicOnly">Only after an Arabic number (3分 is a score, 三分 an adverb).</param>
/// <param name="NotBefore">Characters that, right after the surface, show a longer word (部门).</param>
internal sealed record UnitEntry(string Surface, MetricKind Kind, double Scale, string Canonical, bool ArabicOnly, string NotBefore);

/// <summary>Measure words and units after a number, and the kind of figure each makes.</summary>
internal sealed class UnitLexicon
{
    private readonly WordSet<UnitEntry> _units;
    private readonly SearchValues<string> _caseCues;

    private UnitLexicon(IEnumerable<UnitEntry> units, IEnumerable<string> caseCues)
    {
        _units = new WordSet<UnitEntry>(units.Select(u => (u.Surface, u)));
        CaseCues = [.. caseCues];
        _caseCues = SearchValues.Create([.. CaseCues], StringComparison.Ordinal);
    }

    /// <summary>The lexicon built from the embedded data files.</summary>
    public static UnitLexicon Default { get; } = Load();

    /// <summary>Words that make a 件/宗/起 figure a legal case.</summary>
    public IReadOnlyList<string> CaseCues { get; }

    /// <summary>The longest unit starting at <paramref name="start"/> that fits a number written as <paramref name="arabic"/>.</summary>
    public UnitEntry? Match(string text, int start, bool arabic)
    {
        foreach (var (surface, unit) in _units.StartingWith(text, start))
        {
            var end = start + surface.Length;
            if (text.AsSpan(start).StartsWith(surface, StringComparison.Ordinal) && (arabic || !unit.ArabicOnly)
                && (end >= text.Length || !unit.NotBefore.Contains(text[end], StringComparison.Ordinal)))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="span"/> names a legal case or matter.</summary>
    public bool HasCaseCue(ReadOnlySpan<char> span) => span.ContainsAny(_caseCues);

    private static UnitLexicon Load()
    {
        var units = LexiconData.ReadRows("units.tsv").Select(row => new UnitEntry(
            row[0],
            ParseKind(row[1]),
            double.Parse(row[2], CultureInfo.InvariantCulture),
            row[3],
            row[4] == "arabic",
            row[5] == "-" ? string.Empty : row[5]));
        var cues = LexiconData.ReadRows("case-cues.txt").Select(row => row[0]);
        return new UnitLexicon(units, cues);
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
