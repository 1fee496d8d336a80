using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ReportExtract.Metadata;
using ReportExtract.Tests.Common;

namespace ReportExtract.Tests.Metadata;

/// <summary>The date finder's searches answer as the plainer searches they replace would.</summary>
public sealed class DateFinderTests
{
    private static readonly MetadataLexicon Lexicon = MetadataLexicon.LoadEmbedded();

    [Fact]
    public void The_last_line_opening_with_an_attachment_word_is_found_above_the_end()
    {
        var text = "正文第一段。\n  附件：1.统计表\n附件2 说明\n内容附件不算\n\n抄送：市政府办公室\n";
        var words = Lexicon.SignatureFollowers;

        var last = DateFinder.LastLineStarting(text, text.Length, 0, words, Firsts(words));
        var before = DateFinder.LastLineStarting(text, last, 0, words, Firsts(words));

        text[last..].Should().StartWith("抄送");
        text[before..].Should().StartWith("附件2");
        DateFinder.LastLineStarting(text, text.Length, last, words, Firsts(words)).Should().Be(-1, "a line starting at the floor is not above it");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    public void The_last_line_agrees_with_a_search_word_by_word_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        ImmutableArray<string>[] lists = [Lexicon.SignatureFollowers, ["附件", "附", "件附", "(此件", "此件"]];
        foreach (var words in lists)
        {
            for (var round = 0; round < 200; round++)
            {
                var text = RandomText(random, words);
                var floor = random.Next(0, text.Length + 1);
                var end = text.Length;
                for (var step = 0; step < 3; step++)
                {
                    var expected = WordByWord(text, end, floor, words);

                    DateFinder.LastLineStarting(text, end, floor, words, Firsts(words)).Should().Be(expected, $"end {end}, floor {floor} in '{text}'");
                    if (expected < 0)
                    {
                        break;
                    }

                    end = expected;
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(2022)]
    public void The_opening_prefilter_passes_every_line_the_speech_pattern_matches(int seed)
    {
        var random = new Random(seed);
        var matched = 0;
        for (var round = 0; round < 4000; round++)
        {
            var text = DateLines.Random(random).Trim();
            if (DateFinder.MatchesSpeechDateLine(text))
            {
                matched++;
                DateFinder.OpensWithDate(text).Should().BeTrue($"'{text}' is a speech line");
            }
        }

        matched.Should().BePositive("the generator makes speech lines too");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(2022)]
    public void The_bracket_prefilter_passes_every_line_the_headline_date_pattern_matches(int seed)
    {
        var random = new Random(seed);
        string[] opens = ["(", "（", "【", " (", "（ "];
        string[] closes = [")", "）", " )", "）。", "", ")\t"];
        var matched = 0;
        for (var round = 0; round < 4000; round++)
        {
            var date = DateLines.Random(random).Trim();
            var text = $"某某局2021年度法治政府建设报告 {opens[random.Next(opens.Length)]}{date}{closes[random.Next(closes.Length)]}".Trim();
            if (DateFinder.MatchesHeadlineDate(text))
            {
                matched++;
                DateFinder.ClosesWithBracket(text).Should().BeTrue($"'{text}' closes with a headline date");
            }
        }

        matched.Should().BePositive("the generator makes headline dates too");
    }

    /// <summary>The search the line walk replaces: each word's last occurrence with only blanks before it on its line.</summary>
    private static int WordByWord(string text, int end, int floor, ImmutableArray<string> words)
    {
        var best = -1;
        foreach (var word in words)
        {
            var at = end;
            while (at > floor)
            {
                var hit = text.LastIndexOf(word, at - 1, at - floor, StringComparison.Ordinal);
                if (hit < 0)
                {
                    break;
                }

                var lineStart = hit == 0 ? 0 : text.LastIndexOf('\n', hit - 1) + 1;
                if (text.AsSpan(lineStart, hit - lineStart).Trim().IsEmpty)
                {
                    best = Math.Max(best, lineStart);
                    break;
                }

                at = hit;
            }
        }

        return best > floor ? best : -1;
    }

    private static SearchValues<char> Firsts(ImmutableArray<string> words) =>
        words == Lexicon.SignatureFollowers ? Lexicon.SignatureFollowerStarts : SearchValues.Create([.. words.Select(w => w[0]).Distinct()]);

    private static string RandomText(Random random, ImmutableArray<string> words)
    {
        const string filler = "正文附件此件抄送印发（(年月日，。  \u3000\t\n\n";
        var text = new StringBuilder();
        var length = random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(5) == 0 ? words[random.Next(words.Length)] : filler[random.Next(filler.Length)]);
        }

        return text.ToString();
    }
}
