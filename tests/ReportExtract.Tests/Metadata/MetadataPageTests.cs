using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ReportExtract.Metadata;

namespace ReportExtract.Tests.Metadata;

/// <summary>What the metadata finders share per document answers as the searches it replaces would.</summary>
public sealed class MetadataPageTests
{
    private static readonly MetadataLexicon Lexicon = MetadataLexicon.LoadEmbedded();

    [Fact]
    public void First_occurrences_of_the_presenting_leads_are_where_IndexOf_finds_them()
    {
        var text = "我们实现了目标。现向社会发布本报告，现将我局2023年报告如下。现将有关情况公布。";

        var at = MetadataPage.FirstOccurrences(text, Lexicon.PresentingLeads, Lexicon.PresentingLeadStarts);

        at.Should().Equal(Lexicon.PresentingLeads.Select(lead => text.IndexOf(lead, StringComparison.Ordinal)));
        at[Lexicon.PresentingLeads.IndexOf("现将")].Should().Be(text.IndexOf("现将", StringComparison.Ordinal));
        at[Lexicon.PresentingLeads.IndexOf("现公布")].Should().Be(-1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(13)]
    public void First_occurrences_agree_with_IndexOf_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        // The shipped leads, and words that overlap, nest and share first characters, with an empty one.
        ImmutableArray<string>[] lists =
        [
            Lexicon.PresentingLeads,
            ["现将", "现将我", "将我局", "我局", "局", "现", "向社会公布", "社会"],
            ["", "现公布", "公布"],
        ];
        foreach (var words in lists)
        {
            var starts = SearchValues.Create([.. words.Where(w => w.Length > 0).Select(w => w[0]).Distinct()]);
            for (var round = 0; round < 50; round++)
            {
                var text = RandomText(random, words);
                var expected = words.Select(w => text.IndexOf(w, StringComparison.Ordinal));

                MetadataPage.FirstOccurrences(text, words, starts).Should().Equal(expected, $"in '{text}'");
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(21)]
    public void Every_place_of_the_review_word_found_in_the_same_pass_is_where_successive_IndexOf_calls_find_it(int seed)
    {
        var random = new Random(seed);
        // The review word among the leads, whole and cut, and beside leads that share no character with it.
        ImmutableArray<string> words = [.. Lexicon.PresentingLeads, ReportYearFinder.ReviewWord, "回", "顾", "回顾回顾"];
        var found = 0;
        for (var round = 0; round < 200; round++)
        {
            var text = RandomText(random, words);
            var reviewAt = new List<int>();
            var at = MetadataPage.FirstOccurrences(text, Lexicon.PresentingLeads, Lexicon.PresentingLeadAndReviewStarts, ReportYearFinder.ReviewWord, reviewAt);

            at.Should().Equal(Lexicon.PresentingLeads.Select(lead => text.IndexOf(lead, StringComparison.Ordinal)), $"in '{text}'");
            var expected = new List<int>();
            for (var k = text.IndexOf(ReportYearFinder.ReviewWord, StringComparison.Ordinal); k >= 0; k = text.IndexOf(ReportYearFinder.ReviewWord, k + 2, StringComparison.Ordinal))
            {
                expected.Add(k);
            }

            reviewAt.Should().Equal(expected, $"in '{text}'");
            found += expected.Count;
        }

        found.Should().BeGreaterThan(100, "the texts hold the review word");
    }

    private static string RandomText(Random random, ImmutableArray<string> words)
    {
        const string filler = "的一是在了我现将向社会公布局区年报告，。\n ";
        var text = new StringBuilder();
        var length = random.Next(0, 60);
        for (var i = 0; i < length; i++)
        {
            if (random.Next(6) == 0)
            {
                var w = words[random.Next(words.Length)];
                // Cut words now and then so that prefixes stand where a whole word does not.
                text.Append(w.Length > 1 && random.Next(3) == 0 ? w[..random.Next(1, w.Length)] : w);
            }
            else
            {
                text.Append(filler[random.Next(filler.Length)]);
            }
        }

        return text.ToString();
    }
}
