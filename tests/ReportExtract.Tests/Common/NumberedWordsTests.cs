using System.Text;
using ReportExtract.Common;

namespace ReportExtract.Tests.Common;

/// <summary>
/// One search for numbered words answers, word by word, what a search of the text for each word answers, for the text
/// and for its suffixes; a mask answers what a search for any of its words answers.
/// </summary>
public sealed class NumberedWordsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(2026)]
    public void Finds_each_word_of_the_text_and_of_its_suffixes_as_a_search_per_word_does(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "共受理办其中他合计总较上年增减件人次，。 ab\n\0";
        string Random(int min, int max)
        {
            var b = new StringBuilder();
            for (var n = random.Next(min, max); n > 0; n--)
            {
                b.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return b.ToString();
        }

        var hits = 0;
        for (var round = 0; round < 200; round++)
        {
            // Up to 150 words, so that sets take more than one 64-bit word; some repeated, one sometimes empty.
            string[] words = [.. Enumerable.Range(0, random.Next(1, 150)).Select(_ => Random(random.Next(2) == 0 ? 0 : 1, 4))];
            var numbered = new NumberedWords(words);
            string[] distinct = [.. words.Where(w => w.Length > 0).Distinct()];
            numbered.Count.Should().Be(distinct.Length);
            for (var probe = 0; probe < 10; probe++)
            {
                var text = Random(0, 40);
                var first = random.Next(text.Length + 2);
                var second = random.Next(text.Length + 2);
                var found = new ulong[numbered.SetLength];
                var fromFirst = new ulong[numbered.SetLength];
                var fromSecond = new ulong[numbered.SetLength];
                numbered.Find(text, found, first, fromFirst, second, fromSecond);
                var alone = new ulong[numbered.SetLength];
                numbered.Find(text, alone);
                alone.Should().Equal(found);
                foreach (var word in distinct)
                {
                    var id = numbered.IdOf(word);
                    id.Should().BeInRange(0, distinct.Length - 1);
                    NumberedWords.Holds(found, id).Should().Be(text.Contains(word, StringComparison.Ordinal), "{0} in {1}", word, text);
                    NumberedWords.Holds(fromFirst, id).Should().Be(first <= text.Length && text[first..].Contains(word, StringComparison.Ordinal), "{0} in {1} from {2}", word, text, first);
                    NumberedWords.Holds(fromSecond, id).Should().Be(second <= text.Length && text[second..].Contains(word, StringComparison.Ordinal), "{0} in {1} from {2}", word, text, second);
                    hits += NumberedWords.Holds(found, id) ? 1 : 0;
                }

                // A list of some of the words: its mask meets the text exactly when a search for its words finds one.
                string[] list = [.. words.Where(_ => random.Next(4) == 0)];
                var mask = numbered.MaskOf(list);
                mask.IsEmpty.Should().Be(list.Length == 0);
                mask.Meets(found).Should().Be(list.Any(w => text.Contains(w, StringComparison.Ordinal)), "list {0} in {1}", string.Join("|", list), text);
            }
        }

        hits.Should().BeGreaterThan(1000, "the texts hold words of the lists");
        NumberedWords.Holds([ulong.MaxValue], -1).Should().BeFalse("-1 numbers no word");
    }

    [Fact]
    public void A_word_that_is_not_numbered_has_no_mask_and_no_number()
    {
        var numbered = new NumberedWords(["合计", "", "其中"]);
        numbered.IdOf("").Should().Be(-1);
        numbered.IdOf("总计").Should().Be(-1);
        numbered.Invoking(n => n.MaskOf(["总计"])).Should().Throw<ArgumentException>();
        numbered.MaskOf([""]).Meets(new ulong[numbered.SetLength]).Should().BeTrue("the empty word stands in every text");
    }
}
