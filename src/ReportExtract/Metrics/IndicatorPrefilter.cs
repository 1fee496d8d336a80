using System.Buffers;
using System.Collections.Frozen;
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
    private readonly SearchValues<char> _wordStarts;
    private readonly FrozenDictionary<char, (string Word, int Definition)[]> _wordsByStart;

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
        _wordsByStart = words.GroupBy(w => w.Word[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _wordStarts = SearchValues.Create([.. _wordsByStart.Keys]);
    }

    /// <summary>How many 64-bit words a set of definitions takes.</summary>
    public int Words { get; }

    /// <summary>
    /// Sets in <paramref name="candidates"/> (<see cref="Words"/> long) the definitions that take figures of
    /// <paramref name="kind"/> and <paramref name="unit"/> and have a subject word that <paramref name="subject"/> contains.
    /// </summary>
    public void Candidates(MetricKind kind, string unit, string subject, Span<ulong> candidates)
    {
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
        for (var at = text.IndexOfAny(_wordStarts); at >= 0;)
        {
            var rest = text[at..];
            foreach (var (word, definition) in _wordsByStart[rest[0]])
            {
                var bit = 1UL << (definition & 63);
                if ((candidates[definition >> 6] & ~named[definition >> 6] & bit) != 0 && rest.StartsWith(word, StringComparison.Ordinal))
                {
                    named[definition >> 6] |= bit;
                }
            }

            var next = rest[1..].IndexOfAny(_wordStarts);
            at = next < 0 ? -1 : at + 1 + next;
        }

        for (var w = 0; w < candidates.Length; w++)
        {
            candidates[w] &= named[w];
        }
    }

    private static void Add(ulong[] set, int definition) => set[definition >> 6] |= 1UL << (definition & 63);
}
