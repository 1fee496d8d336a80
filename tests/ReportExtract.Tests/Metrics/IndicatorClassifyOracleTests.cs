using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The catalog's classification, which reads each text once for the words of every rule, answers what asking each
/// definition and rule in turn with a search per word list answers (the reference below, written from the catalog's
/// contract), on figures of seeded random subjects, sentences, clauses, table lead-ins and words after the figure,
/// built from the catalog's own words.
/// </summary>
public sealed class IndicatorClassifyOracleTests
{
    private static bool AnyIn(ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Definition by definition, rule by rule: the longest subject word wins, ties go to catalog order.</summary>
    private static string? Reference(IndicatorCatalog catalog, MetricKind kind, string unit, string subject, string context, string sentence, string clause, string topic, string after)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var definition in catalog.Definitions)
        {
            if ((!definition.Kinds.IsEmpty && !definition.Kinds.Contains(kind)) || (!definition.Units.IsEmpty && !definition.Units.Contains(unit))
                || AnyIn(subject, definition.Exclude) || AnyIn(topic, definition.TopicExclude))
            {
                continue;
            }

            foreach (var rule in definition.Rules)
            {
                var length = rule.Subject.Where(w => w.Length > 0 && subject.Contains(w, StringComparison.Ordinal)).Select(w => w.Length).DefaultIfEmpty(0).Max();
                var where = rule.Sentence ? sentence : context;
                if (length > bestLength
                    && (rule.Context.IsEmpty || AnyIn(where, rule.Context))
                    && !AnyIn(where, rule.ContextExclude)
                    && !AnyIn(clause, rule.ClauseExclude)
                    && (rule.After.IsEmpty || AnyIn(after, rule.After)))
                {
                    best = definition.Id;
                    bestLength = length;
                }
            }
        }

        return best;
    }

    /// <summary>The built-in catalog and one with made-up definitions: empty words in every list, no kinds or units, past 64 definitions.</summary>
    private static IndicatorCatalog Catalog(string which) => which == "built-in" ? BuiltIn.Catalog : BuiltIn.Catalog.Merge(
        Enumerable.Range(0, 70).Select(i => new IndicatorDefinition(
            $"extra_{i}",
            $"extra {i}",
            i % 3 == 0 ? [] : [(MetricKind)(i % 5)],
            i % 4 == 0 ? [] : [i % 2 == 0 ? "件" : "人次"],
            [
                new IndicatorRule([i == 69 ? string.Empty : $"测试{i % 10}", i % 7 == 0 ? "案件" : "人员"], i % 5 == 0 ? ["开展", ""] : [], i % 6 == 1 ? ["上年"] : [], i % 2 == 0)
                { ClauseExclude = i % 9 == 2 ? ["其中"] : [], After = i % 8 == 3 ? ["以上", i == 11 ? "" : "余"] : [] },
            ],
            i % 10 == 4 ? ["其他"] : i == 68 ? [""] : [])
        { TopicExclude = i % 11 == 5 ? ["计划"] : [] }));

    public static TheoryData<string> Catalogs => ["built-in", "large"];

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Answers_what_each_definition_and_rule_asked_in_turn_answers(string which)
    {
        var catalog = Catalog(which);
        var definitions = catalog.Definitions;
        string[] words = [.. definitions.SelectMany(d => d.Rules.SelectMany(r => r.Subject.Concat(r.Context).Concat(r.ContextExclude).Concat(r.ClauseExclude).Concat(r.After))
            .Concat(d.Exclude).Concat(d.TopicExclude)).Where(w => w.Length > 0).Distinct(), "，", "。", "1", "共", "件"];
        string[] units = [.. definitions.SelectMany(d => d.Units).Distinct(), "元", "other"];
        var random = new Random(which.Length);
        string Text(int maxWords) => WordText.Of(random, words, maxWords);

        var answered = 0;
        for (var round = 0; round < 6000; round++)
        {
            var kind = (MetricKind)random.Next(5);
            var unit = units[random.Next(units.Length)];
            var subject = Text(4);
            if (random.Next(4) > 0)
            {
                // Mostly a figure one definition takes, with one of its subject words among others.
                var definition = definitions[random.Next(definitions.Length)];
                var rule = definition.Rules[random.Next(definition.Rules.Length)];
                kind = definition.Kinds.IsEmpty ? kind : definition.Kinds[random.Next(definition.Kinds.Length)];
                unit = definition.Units.IsEmpty ? unit : definition.Units[random.Next(definition.Units.Length)];
                subject = Text(2) + rule.Subject[random.Next(rule.Subject.Length)] + Text(2);
            }

            var after = Text(3);
            var topic = random.Next(3) == 0 ? Text(4) : string.Empty;
            string expected;
            string? actual;
            if (random.Next(4) > 0)
            {
                // Prose: the sentence up to the figure, the context and the own clause its suffixes (or empty: the defaults).
                var sentence = Text(12);
                var contextStart = random.Next(sentence.Length + 1);
                var clauseStart = random.Next(contextStart, sentence.Length + 1);
                var contextSpan = sentence.AsSpan(contextStart);
                var sentenceSpan = random.Next(5) == 0 ? default : sentence.AsSpan();
                var clauseSpan = random.Next(5) == 0 ? default : sentence.AsSpan(clauseStart);
                actual = catalog.Classify(kind, unit, null, subject, contextSpan, sentenceSpan, clauseSpan, topic, after);
                var context = contextSpan.ToString();
                expected = Reference(catalog, kind, unit, subject, context, sentenceSpan.IsEmpty ? context : sentence, clauseSpan.IsEmpty ? context : clauseSpan.ToString(), topic, after) ?? "-";
            }
            else
            {
                // Unrelated strings, as a table cell's path, a form's subject or a caller of its own may pass.
                string context = Text(6), sentence = Text(8), clause = Text(4);
                actual = catalog.Classify(kind, unit, null, subject, context, sentence, clause, topic, after);
                expected = Reference(catalog, kind, unit, subject, context, sentence.Length == 0 ? context : sentence, clause.Length == 0 ? context : clause, topic, after) ?? "-";
            }

            (actual ?? "-").Should().Be(expected, "{0} {1} subject {2}", kind, unit, subject);
            answered += actual is null ? 0 : 1;
        }

        answered.Should().BeGreaterThan(1500, "many figures answer an indicator");
        catalog.Classify(MetricKind.Case, "件", null, null, "行政诉讼案件").Should().BeNull("a figure without a subject takes no indicator");
    }
}
