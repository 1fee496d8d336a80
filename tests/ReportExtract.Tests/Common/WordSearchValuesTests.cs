using System.Buffers;
using System.Text;
using ReportExtract.Common;

namespace ReportExtract.Tests.Common;

/// <summary>The metric stage's word search answers exactly what an ordinal SearchValues&lt;string&gt; answers.</summary>
public sealed class WordSearchValuesTests
{
    [Theory]
    [InlineData("全年共受理申请", true)]
    [InlineData("其中依申请公开", true)]
    [InlineData("较上年增长", false)]
    [InlineData("共", false)]
    [InlineData("", false)]
    public void Finds_a_word_among_others_that_share_its_first_character(string text, bool expected) =>
        new WordSearchValues(["共受理", "共办理", "其中", "其他"]).IsContainedIn(text).Should().Be(expected);

    [Fact]
    public void An_empty_word_is_contained_in_every_text_and_no_word_in_none()
    {
        new WordSearchValues(["", "合计"]).IsContainedIn("").Should().BeTrue();
        new WordSearchValues([]).IsContainedIn("合计").Should().BeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2026)]
    public void Agrees_with_SearchValues_of_strings_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "共受理办其中他合计总较上年增减件人次，。 ab";
        string Random(int min, int max)
        {
            var b = new StringBuilder();
            for (var n = random.Next(min, max); n > 0; n--)
            {
                b.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return b.ToString();
        }

        var found = 0;
        for (var round = 0; round < 300; round++)
        {
            string[] words = [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => Random(1, 4))];
            var reference = SearchValues.Create(words, StringComparison.Ordinal);
            var search = new WordSearchValues(words);
            for (var probe = 0; probe < 20; probe++)
            {
                var text = Random(0, 12);
                var expected = text.AsSpan().ContainsAny(reference);
                found += expected ? 1 : 0;
                text.AsSpan().ContainsAny(search).Should().Be(expected, "words {0}, text {1}", string.Join("|", words), text);
            }
        }

        found.Should().BeInRange(600, 5400, "the probes hold texts with and without a word");
    }
}
