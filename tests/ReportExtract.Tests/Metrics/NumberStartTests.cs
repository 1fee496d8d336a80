using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>The figure scan's table of number starts finds what the parser's SearchValues find.</summary>
public sealed class NumberStartTests
{
    [Fact]
    public void Every_character_is_a_start_exactly_when_the_search_values_hold_it()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = new string((char)c, 1);
            var expected = text.AsSpan().IndexOfAny(ChineseNumberParser.StartChars);
            if (ChineseNumberParser.IndexOfStart(text) != expected)
            {
                ChineseNumberParser.IndexOfStart(text).Should().Be(expected, "U+{0:X4}", c);
            }
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(2026)]
    public void Finds_the_first_start_as_the_search_values_do_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "全年共受理统一进一步案件件次，。 ab1２〇○零一二两三十百千万亿壹拾佰仟";
        for (var round = 0; round < 2000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            ChineseNumberParser.IndexOfStart(text).Should().Be(text.AsSpan().IndexOfAny(ChineseNumberParser.StartChars), "text {0}", text);
        }
    }
}
