using System.Collections.Frozen;
using System.Numerics;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>
/// The catalog's cheap rejections (the figure's kind, its unit, any subject word of the definition at all) answered for
/// every definition at once, as a bit set over catalog order. Asked definition by definition, the subject was searched
/// once per definition for every figure; here it is read once for the words of all of them. Immutable once built.
/// </summary>
internal sealed class IndicatorPrefilter
{
    private static readonly int KindCount = Enum.GetValues<MetricKind>().Length;

    // Per unit, the definitions that take each kind of figure of it, kind after kind in one array (what the unit and
    // the kind admit, combined when built: one array read per figure); _otherUnit for a unit no definition names.
    private readonly FrozenDictionary<string, ulong[]> _byUnit;
    private readonly ulong[] _otherUnit;

    // Definitions with an empty subject word: every subject holds it.
    private readonly ulong[] _anySubject;

    // The subject words and the excluded words of every definition, numbered in one table: the subject is read once
    // for all of them, and each definition asks its own by mask.
    private readonly NumberedWords _words;
    private readonly WordMask[] _subjectWords;

    public IndicatorPrefilter(IReadOnlyList<IndicatorDefinition> definitions)
    {
        Words = (definitions.Count + 63) >> 6;
        ulong[][] byKind = [.. Enumerable.Range(0, KindCount).Select(_ => new ulong[Words])];
        var anyUnit = new ulong[Words];
        _anySubject = new ulong[Words];
        var byUnit = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        for (var d = 0; d < definitions.Count; d++)
        {
            var definition = definitions[d];
            for (var kind = 0; kind < KindCount; kind++)
            {
                if (definition.Kinds.IsEmpty || definition.Kinds.Contains((MetricKind)kind))
                {
                    Add(byKind[kind], d);
                }
            }

            if (definition.Units.IsEmpty)
            {
                Add(anyUnit, d);
            }

            foreach (var unit in definition.Units)
            {
                if (!byUnit.TryGetValue(unit, out var set))
                {
                    byUnit[unit] = set = new ulong[Words];
                }

                Add(set, d);
            }

            if (definition.Rules.Any(r => r.Subject.Contains(string.Empty)))
            {
                Add(_anySubject, d);
            }
        }

        // A definition is admitted by a unit it names or by any unit when it names none, and by a kind it names.
        ulong[] Admitted(ulong[]? unitSet)
        {
            var admitted = new ulong[KindCount * Words];
            for (var kind = 0; kind < KindCount; kind++)
            {
                for (var w = 0; w < Words; w++)
                {
                    admitted[(kind * Words) + w] = byKind[kind][w] & (anyUnit[w] | (unitSet?[w] ?? 0));
                }
            }

            return admitted;
        }

        _byUnit = byUnit.ToFrozenDictionary(u => u.Key, u => Admitted(u.Value), StringComparer.Ordinal);
        _otherUnit = Admitted(null);
        _words = new NumberedWords(definitions.SelectMany(d => d.Rules.SelectMany(r => r.Subject).Concat(d.Exclude)));
        _subjectWords = [.. definitions.Select(d => _words.MaskOf(d.Rules.SelectMany(r => r.Subject).Where(w => w.Length > 0)))];
        WordSetLength = _words.SetLength;
    }

    /// <summary>How many 64-bit words a set of definitions takes.</summary>
    public int Words { get; }

    /// <summary>How many 64-bit words a set of subject and excluded words (by <see cref="WordId"/>) takes.</summary>
    public int WordSetLength { get; }

    /// <summary>The number of a non-empty subject or excluded word of the catalog in a set of words, or -1 for any other word.</summary>
    public int WordId(string word) => _words.IdOf(word);

    /// <summary>The mask of <paramref name="words"/>, subject or excluded words of the catalog, against a set <see cref="Candidates"/> fills.</summary>
    public WordMask Mask(IEnumerable<string> words) => _words.MaskOf(words);

    /// <summary>True when <paramref name="contained"/>, as <see cref="Candidates"/> set it, holds the word numbered <paramref name="id"/>.</summary>
    public static bool Holds(ReadOnlySpan<ulong> contained, int id) => NumberedWords.Holds(contained, id);

    /// <summary>
    /// Sets in <paramref name="candidates"/> (<see cref="Words"/> long) the definitions that take figures of
    /// <paramref name="kind"/> and <paramref name="unit"/> and have a subject word that <paramref name="subject"/> contains,
    /// and, when there is one, in <paramref name="contained"/> (<see cref="WordSetLength"/> long) every subject or
    /// excluded word of the catalog that <paramref name="subject"/> contains: the rules then weigh their words, and the
    /// definitions their exclusions, without searching the subject again.
    /// </summary>
    public void Candidates(MetricKind kind, string unit, string subject, Span<ulong> candidates, Span<ulong> contained)
    {
        contained.Clear();
        var any = 0UL;
        if ((uint)kind < (uint)KindCount)
        {
            var admitted = _byUnit.GetValueOrDefault(unit, _otherUnit).AsSpan((int)kind * Words, Words);
            admitted.CopyTo(candidates);
            foreach (var bits in admitted)
            {
                any |= bits;
            }
        }
        else
        {
            candidates.Clear();
        }

        if (any == 0)
        {
            return;
        }

        _words.Find(subject, contained);
        for (var w = 0; w < candidates.Length; w++)
        {
            for (var bits = candidates[w] & ~_anySubject[w]; bits != 0; bits &= bits - 1)
            {
                var definition = (w << 6) + BitOperations.TrailingZeroCount(bits);
                if (!_subjectWords[definition].Meets(contained))
                {
                    candidates[w] &= ~(1UL << (definition & 63));
                }
            }
        }
    }

    private static void Add(ulong[] set, int definition) => set[definition >> 6] |= 1UL << (definition & 63);
}
