using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>Where a qualifier stands relative to the figure.</summary>
internal enum QualifierPlace
{
    Before,
    Inside,
    After,

    /// <summary>A verb between a qualifier before the number and the number (大约|有|200户), itself no qualifier.</summary>
    Link,
}

/// <summary>Qualifiers (约, 余, 以上 …) and change verbs (增长, 下降 …) from Resources/Metrics.</summary>
internal sealed class QualifierLexicon
{
    private readonly WordSet<Approximation?> _before;
    private readonly WordSet<Approximation?> _inside;
    private readonly WordSet<Approximation?> _after;
    private readonly WordSet<Approximation?> _links;
    private readonly WordSet<Delta> _deltas;
    private readonly string _insideFirsts;

    private QualifierLexicon(IEnumerable<(string Word, QualifierPlace Place, Approximation? Approx)> qualifiers, IEnumerable<(string Word, Delta Direction)> deltas)
    {
        var list = qualifiers.ToList();
        _before = new(list.Where(q => q.Place == QualifierPlace.Before).Select(q => (q.Word, q.Approx)));
        _inside = new(list.Where(q => q.Place == QualifierPlace.Inside).Select(q => (q.Word, q.Approx)));
        _after = new(list.Where(q => q.Place == QualifierPlace.After).Select(q => (q.Word, q.Approx)));
        _links = new(list.Where(q => q.Place == QualifierPlace.Link).Select(q => (q.Word, q.Approx)));
        _deltas = new(deltas);
        _insideFirsts = new string([.. list.Where(q => q.Place == QualifierPlace.Inside && q.Word.Length > 0).Select(q => q.Word[0]).Distinct()]);
    }

    /// <summary>The first characters of the qualifiers between number and unit: <see cref="MatchInside"/> finds nothing at any other.</summary>
    public string InsideFirsts => _insideFirsts;

    /// <summary>A lexicon built from the embedded data files (each call reads them afresh).</summary>
    public static QualifierLexicon LoadEmbedded() => Load();

    /// <summary>A qualifier ending right before <paramref name="end"/> (约|100件); its start, or -1.</summary>
    public int MatchBefore(string text, int end, int floor, out Approximation? approx) =>
        _before.TryMatchEndingAt(text, end, floor, out var word, out approx) ? end - word.Length : -1;

    /// <summary>A qualifier between number and unit (1.7万|余|份); its end, or -1.</summary>
    public int MatchInside(string text, int start, out Approximation? approx) =>
        _inside.TryMatchAt(text, start, out var word, out approx) ? start + word.Length : -1;

    /// <summary>A qualifier right after the unit (60%|以上); its end, or -1.</summary>
    public int MatchAfter(string text, int start, out Approximation? approx) =>
        _after.TryMatchAt(text, start, out var word, out approx) ? start + word.Length : -1;

    /// <summary>A linking verb ending right before <paramref name="end"/> (大约|有|200户), starting at or after <paramref name="floor"/>; its start, or -1.</summary>
    public int MatchLink(string text, int end, int floor) =>
        _links.TryMatchEndingAt(text, end, floor, out var word, out _) ? end - word.Length : -1;

    /// <summary>A change verb ending right before <paramref name="end"/> (同比增长|12%); its start, or -1.</summary>
    public int MatchDelta(string text, int end, int floor, out Delta direction) =>
        _deltas.TryMatchEndingAt(text, end, floor, out var word, out direction) ? end - word.Length : -1;

    private static QualifierLexicon Load()
    {
        var qualifiers = EmbeddedData.ReadRows("Metrics/qualifiers.tsv").Select(row => (row[0], ParsePlace(row[1]), ParseApprox(row[2])));
        var deltas = EmbeddedData.ReadRows("Metrics/deltas.tsv").Select(row => (row[0], row[1] switch
        {
            "increase" => Delta.Increase,
            "decrease" => Delta.Decrease,
            _ => throw new InvalidDataException($"deltas.tsv: unknown direction '{row[1]}'"),
        }));
        return new QualifierLexicon(qualifiers, deltas);
    }

    private static QualifierPlace ParsePlace(string place) => place switch
    {
        "before" => QualifierPlace.Before,
        "inside" => QualifierPlace.Inside,
        "after" => QualifierPlace.After,
        "link" => QualifierPlace.Link,
        _ => throw new InvalidDataException($"qualifiers.tsv: unknown place '{place}'"),
    };

    /// <summary>Parses an approximation name as the schema spells it; "-" means none.</summary>
    public static Approximation? ParseApprox(string approx) => approx switch
    {
        "over" => Approximation.Over,
        "at_least" => Approximation.AtLeast,
        "about" => Approximation.About,
        "nearly" => Approximation.Nearly,
        "under" => Approximation.Under,
        "at_most" => Approximation.AtMost,
        "-" => null,
        _ => throw new InvalidDataException($"qualifiers.tsv: unknown approximation '{approx}'"),
    };
}
