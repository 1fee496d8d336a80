using ReportExtract.Metrics;
using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>
/// The first tag read off the dictionary walk (<see cref="JiebaSegmenter.MayOpenWithTag"/>) never turns away a clause whose
/// first tagged word does carry the tag, checked against <c>posseg</c>-style tagging without the HMM; and the word edges'
/// verb question and kept tagging answer as tagging each clause afresh.
/// </summary>
public sealed class JiebaFirstTagTests
{
    private static readonly JiebaSegmenter Segmenter = BuiltIn.Segmenter;

    private static readonly (string Name, Func<string, bool> Accepts)[] Tags =
    [
        ("verb", t => t.Length > 0 && t[0] == 'v' && t != "vn"),
        ("noun", t => t.Length > 0 && t[0] == 'n'),
        ("x", t => t == "x"),
        ("eng", t => t == "eng"),
        ("m", t => t == "m"),
    ];

    /// <summary>A clause as the subject finder asks about: a few characters from a random place of a random text.</summary>
    private static string RandomClause(Random random)
    {
        var text = JiebaEdgeWithoutCutTests.RandomText(random);
        var start = random.Next(text.Length);
        return text.Substring(start, Math.Min(text.Length - start, random.Next(1, 14)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(31)]
    [InlineData(2026)]
    public void A_tag_turned_away_is_never_the_first_tag_on_seeded_random_clauses(int seed)
    {
        var random = new Random(seed);
        var user = Segmenter.WithUserDictionary(["依法行政ABC 20 nz", "联审联办 9 v", "ab12 3 v"]);
        var turnedAway = new int[Tags.Length];
        var taken = new int[Tags.Length];
        for (var round = 0; round < 3000; round++)
        {
            var clause = RandomClause(random);
            foreach (var segmenter in new[] { Segmenter, user })
            {
                var tokens = segmenter.Tag(clause, hmm: false);
                for (var t = 0; t < Tags.Length; t++)
                {
                    var (name, accepts) = Tags[t];
                    var holds = tokens.Count > 0 && accepts(tokens[0].Tag);
                    if (segmenter.MayOpenWithTag(clause, accepts))
                    {
                        taken[t]++;
                    }
                    else
                    {
                        holds.Should().BeFalse("{0} opens [{1}] as {2}", name, clause, tokens.Count > 0 ? tokens[0].Tag : "nothing");
                        turnedAway[t]++;
                    }
                }
            }
        }

        turnedAway.Should().OnlyContain(n => n > 500, "each tag is turned away from many clauses");
        taken.Should().OnlyContain(n => n > 100, "and may open many");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(2026)]
    public void A_long_tag_turned_away_is_on_no_token_after_the_start_on_seeded_random_clauses(int seed)
    {
        var random = new Random(seed);
        var user = Segmenter.WithUserDictionary(["联审联办 9 v", "ab12 3 v"]);
        int turnedAway = 0, taken = 0;
        for (var round = 0; round < 3000; round++)
        {
            var clause = RandomClause(random);
            foreach (var segmenter in new[] { Segmenter, user })
            {
                var tokens = segmenter.Tag(clause, hmm: false);
                foreach (var (name, accepts) in Tags)
                {
                    var from = random.Next(0, 4);
                    var minLength = random.Next(2, 4);
                    if (segmenter.MayHoldLongTag(clause, from, minLength, accepts))
                    {
                        taken++;
                        continue;
                    }

                    turnedAway++;
                    tokens.Any(t => t.Start >= from && t.Length >= minLength && accepts(t.Tag)).Should().BeFalse(
                        "no {0} of {1}+ from {2} in [{3}]", name, minLength, from, clause);
                }
            }
        }

        turnedAway.Should().BeGreaterThan(5000);
        taken.Should().BeGreaterThan(5000);
    }

    [Theory]
    [InlineData("召开局务会议", true)]
    [InlineData("局务会议", false)]
    [InlineData("，召开", false)]
    [InlineData("", false)]
    public void The_verb_question_reads_the_words_the_clause_may_open_with(string clause, bool may)
    {
        new JiebaClauseSegmenter(Segmenter).MayOpenWithVerb(clause).Should().Be(may);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2026)]
    public void The_word_edges_answer_as_tagging_each_clause_afresh(int seed)
    {
        var random = new Random(seed);
        var segmenter = new JiebaClauseSegmenter(Segmenter);
        for (var round = 0; round < 200; round++)
        {
            var text = JiebaEdgeWithoutCutTests.RandomText(random);
            var edges = new WordEdges(segmenter, text);
            for (var q = 0; q < 10; q++)
            {
                var start = random.Next(text.Length);
                var length = Math.Min(text.Length - start, random.Next(0, 12));
                var expected = segmenter.TaggedWords(text.AsSpan(start, length));
                // Asked twice in a row, then in the other order, as the subject finder does.
                for (var again = 0; again < 2; again++)
                {
                    var opens = edges.OpensWithVerb(start, length, out var verbLength);
                    opens.Should().Be(expected is [{ Verb: true }, ..], "[{0}]", text.Substring(start, length));
                    verbLength.Should().Be(opens ? expected[0].Length : 0);
                    edges.TaggedWords(start, length).Should().Equal(expected);
                }
            }
        }
    }
}
