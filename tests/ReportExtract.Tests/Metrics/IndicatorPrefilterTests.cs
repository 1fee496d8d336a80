using System.Text;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The catalog's prefilter admits exactly the definitions that asking each one in turn (kind, unit, any subject word) admits,
/// and finds in the subject exactly the subject words of those definitions that a search for each finds.
/// </summary>
public sealed class IndicatorPrefilterTests
{
    /// <summary>The rejections as the catalog made them definition by definition.</summary>
    private static bool Admits(IndicatorDefinition definition, string[] words, MetricKind kind, string unit, string subject) =>
        (definition.Kinds.IsEmpty || definition.Kinds.Contains(kind))
        && (definition.Units.IsEmpty || definition.Units.Contains(unit))
        && Array.Exists(words, word => subject.Contains(word, StringComparison.Ordinal));

    /// <summary>The built-in catalog and, past 64 definitions (two words of bits), made-up ones: no kinds, no units, an empty subject word.</summary>
    private static IndicatorCatalog LargeCatalog()
    {
        var extra = Enumerable.Range(0, 70).Select(i => new IndicatorDefinition(
            $"extra_{i}",
            $"extra {i}",
            i % 3 == 0 ? [] : [(MetricKind)(i % 5)],
            i % 4 == 0 ? [] : [i % 2 == 0 ? "件" : "人次"],
            [new IndicatorRule([i == 69 ? string.Empty : $"测试{i % 10}项", i % 7 == 0 ? "案件" : "人员"], [], [])],
            []));
        return BuiltIn.Catalog.Merge(extra);
    }

    public static TheoryData<string> Catalogs => ["built-in", "large"];

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Admits_what_each_definition_admits(string which)
    {
        var catalog = which == "large" ? LargeCatalog() : BuiltIn.Catalog;
        var prefilter = new IndicatorPrefilter(catalog.Definitions);
        var words = catalog.Definitions.SelectMany(d => d.Rules).SelectMany(r => r.Subject).Where(w => w.Length > 0).Distinct().ToArray();
        string[] units = [.. catalog.Definitions.SelectMany(d => d.Units).Distinct(), "元", "other"];
        var random = new Random(13);
        var alphabet = string.Concat(words);
        string Noise(int max)
        {
            var b = new StringBuilder();
            for (var n = random.Next(0, max); n > 0; n--)
            {
                b.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return b.ToString();
        }

        // Every subject word alone and among other characters, and text made of the words' characters.
        var subjects = words.Concat(words.Select(w => Noise(4) + w + Noise(4))).Concat(Enumerable.Range(0, 150).Select(_ => Noise(10))).Append(string.Empty);
        var wordsOf = catalog.Definitions.Select(d => d.Rules.SelectMany(r => r.Subject).ToArray()).ToArray();
        var candidates = new ulong[prefilter.Words];
        var contained = new ulong[prefilter.WordSetLength];
        var expected = new ulong[prefilter.Words];
        var admitted = 0;
        foreach (var subject in subjects)
        {
            foreach (var kind in Enum.GetValues<MetricKind>())
            {
                foreach (var unit in units)
                {
                    prefilter.Candidates(kind, unit, subject, candidates, contained);
                    Array.Clear(expected);
                    for (var d = 0; d < catalog.Definitions.Length; d++)
                    {
                        var takes = (catalog.Definitions[d].Kinds.IsEmpty || catalog.Definitions[d].Kinds.Contains(kind))
                            && (catalog.Definitions[d].Units.IsEmpty || catalog.Definitions[d].Units.Contains(unit));
                        foreach (var word in wordsOf[d].Where(w => w.Length > 0))
                        {
                            if (takes && IndicatorPrefilter.Holds(contained, prefilter.WordId(word)) != subject.Contains(word, StringComparison.Ordinal))
                            {
                                Assert.Fail($"word {word} of {catalog.Definitions[d].Id} in {subject} ({kind} {unit})");
                            }
                        }

                        if (Admits(catalog.Definitions[d], wordsOf[d], kind, unit, subject))
                        {
                            expected[d >> 6] |= 1UL << (d & 63);
                            admitted++;
                        }
                    }

                    if (!candidates.AsSpan().SequenceEqual(expected))
                    {
                        candidates.Should().Equal(expected, "the definitions for {0} {1} {2}", kind, unit, subject);
                    }
                }
            }
        }

        admitted.Should().BeGreaterThan(1000, "the subjects hold words of the catalog");
    }
}
