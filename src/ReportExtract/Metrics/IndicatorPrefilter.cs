using System.Collections.Frozen;
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

    private readonly ulong[][] _byKind;
    private readonly ulong[] _anyUnit;
    private readonly FrozenDictionary<string, ulong[]> _byUnit;

    // Definitions with an empty subject word: every subject holds it.
    private readonly ulong[] _anySubject;
    // A bitmap, not SearchValues: a set of CJK characters would fall back to a probabilistic map, slow on Chinese subjects.
    private readonly CharBitmap _wordStarts;
    private readonly FrozenDictionary<char, (string Word, int Definition, int Id)[]> _wordsByStart;
    private readonly FrozenDictionary<string, int> _wordIds;

    public IndicatorPrefilter(IReadOnlyList<IndicatorDefinition> definitions)
    {
        Words = (definitions.Count + 63) >> 6;
        _byKind = [.. Enumerable.Range(0, KindCount).Select(_ => new ulong[Words])];
        _anyUnit = new ulong[Words];
        _anySubject = new ulong[Words];
        var byUnit = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        var words = new List<(string Word, int Definition)>();
        for (var d = 0; d < definitions.Count; d++)
        {
            var definition = definitions[d];
            for (var kind = 0; kind < KindCount; kind++)
            {
                if (definition.Kinds.IsEmpty || definition.Kinds.Contains((MetricKind)kind))
                {
                    Add(_byKind[kind], d);
                }
            }

            if (definition.Units.IsEmpty)
            {
                Add(_anyUnit, d);
            }

            foreach (var unit in definition.Units)
            {
                if (!byUnit.TryGetValue(unit, out var set))
                {
                    byUnit[unit] = set = new ulong[Words];
                }

                Add(set, d);
            }

            foreach (var word in definition.Rules.SelectMany(r => r.Subject).Distinct(StringComparer.Ordinal))
            {
                if (word.Length == 0)
                {
                    Add(_anySubject, d);
                }
                else
                {
                    words.Add((word, d));
                }
            }
        }

        _byUnit = byUnit.ToFrozenDictionary(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, _) in words)
        {
            ids.TryAdd(word, ids.Count);
        }

        _wordIds = ids.ToFrozenDictionary(StringComparer.Ordinal);
        WordSetLength = (ids.Count + 63) >> 6;
        _wordsByStart = words.GroupBy(w => w.Word[0]).ToFrozenDictionary(g => g.Key, g => g.Select(w => (w.Word, w.Definition, ids[w.Word])).ToArray());
        _wordStarts = new CharBitmap(_wordsByStart.Keys);
    }

    /// <summary>How many 64-bit words a set of definitions takes.</summary>
    public int Words { get; }

    /// <summary>How many 64-bit words a set of subject words (by <see cref="WordId"/>) takes.</summary>
    public int WordSetLength { get; }

    /// <summary>The number of a non-empty subject word of the catalog in a set of words, or -1 for any other word.</summary>
    public int WordId(string word) => _wordIds.TryGetValue(word, out var id) ? id : -1;

    /// <summary>True when <paramref name="contained"/>, as <see cref="Candidates"/> set it, holds the word numbered <paramref name="id"/>.</summary>
    public static bool Holds(ReadOnlySpan<ulong> contained, int id) => id >= 0 && (contained[id >> 6] & (1UL << (id & 63))) != 0;

    /// <summary>
    /// Sets in <paramref name="candidates"/> (<see cref="Words"/> long) the definitions that take figures of
    /// <paramref name="kind"/> and <paramref name="unit"/> and have a subject word that <paramref name="subject"/> contains,
    /// and in <paramref name="contained"/> (<see cref="WordSetLength"/> long) every subject word of those definitions that
    /// <paramref name="subject"/> contains: the rules then weigh their words without searching the subject again.
    /// </summary>
    public void Candidates(MetricKind kind, string unit, string subject, Span<ulong> candidates, Span<ulong> contained)
    {
        contained.Clear();
        var byKind = (uint)kind < (uint)KindCount ? _byKind[(int)kind] : null;
        _byUnit.TryGetValue(unit, out var byUnit);
        var any = 0UL;
        for (var w = 0; w < candidates.Length; w++)
        {
            candidates[w] = (byKind?[w] ?? 0) & (_anyUnit[w] | (byUnit?[w] ?? 0));
            any |= candidates[w];
        }

        if (any == 0)
        {
            return;
        }

        Span<ulong> named = candidates.Length <= 16 ? stackalloc ulong[candidates.Length] : new ulong[candidates.Length];
        _anySubject.CopyTo(named);
        var text = subject.AsSpan();
        for (var at = _wordStarts.IndexOfAny(text); at >= 0;)
        {
            var rest = text[at..];
            foreach (var (word, definition, id) in _wordsByStart[rest[0]])
            {
                var bit = 1UL << (definition & 63);
                if ((candidates[definition >> 6] & bit) != 0 && (Holds(contained, id) || rest.StartsWith(word, StringComparison.Ordinal)))
                {
                    named[definition >> 6] |= bit;
                    contained[id >> 6] |= 1UL << (id & 63);
                }
            }

            var next = _wordStarts.IndexOfAny(rest[1..]);
            at = next < 0 ? -1 : at + 1 + next;
        }

        for (var w = 0; w < candidates.Length; w++)
        {
            candidates[w] &= named[w];
        }
    }

    private static void Add(ulong[] set, int definition) => set[definition >> 6] |= 1UL << (definition & 63);
}
