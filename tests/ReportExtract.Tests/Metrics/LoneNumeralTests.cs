using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The figure scan turns a lone 一 or 百/千/万/亿 inside a word away by the character after it, before parsing; the full
/// reading would have turned every such numeral away too: no figure, and the scan goes on right after it.
/// </summary>
public sealed class LoneNumeralTests
{
    private const string Numerals = "一壹百千万亿佰仟十二两三〇";

    private static readonly FigureScanner Scanner = new(UnitLexicon.LoadEmbedded(), QualifierLexicon.LoadEmbedded(), MetricExclusions.LoadEmbedded());

    /// <summary>What may stand after the character that follows the numeral (a unit's tail, a fraction's, nothing).</summary>
    private static readonly string[] Tails = ["件次。", "之一", "余人", "。", string.Empty];

    [Fact]
    public void Every_numeral_turned_away_by_its_next_character_is_no_figure_when_read_in_full()
    {
        var turnedAway = 0;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // One text per character: each numeral with the character and a tail after it, behind a word and a comma.
            var text = new StringBuilder();
            var starts = new List<int>();
            for (var k = 0; k < Numerals.Length; k++)
            {
                text.Append("统计，");
                starts.Add(text.Length);
                text.Append(Numerals[k]).Append((char)c).Append(Tails[(c + k) % Tails.Length]);
            }

            var s = text.ToString();
            var sentences = new SentenceSplitter(s);
            foreach (var p in starts)
            {
                if (!Scanner.StandsAloneInWord(s, p))
                {
                    continue;
                }

                turnedAway++;
                var figures = new List<Figure>();
                var next = Scanner.ReadFigureAt(s, p, sentences, figures);
                if (next != p + 1 || figures.Count > 0)
                {
                    figures.Should().BeEmpty("{0} at {1} of {2} is turned away", s[p], p, s);
                    next.Should().Be(p + 1, "{0} at {1} of {2} is turned away", s[p], p, s);
                }
            }
        }

        turnedAway.Should().BeGreaterThan(6 * 60_000, "most characters after 一 and 百/千/万/亿 make no number");
    }

    [Theory]
    [InlineData("编写一册学习资料", 2)]
    [InlineData("千余件", 0)]
    [InlineData("万分之三", 0)]
    [InlineData("一百二十件", 0)]
    [InlineData("十人", 0)]
    [InlineData("统一", 1)]
    public void A_numeral_that_may_start_a_figure_is_read_in_full(string text, int p)
    {
        Scanner.StandsAloneInWord(text, p).Should().BeFalse();
    }

    [Theory]
    [InlineData("统一部署", 1)]
    [InlineData("进一步加强", 1)]
    [InlineData("千家万户", 0)]
    [InlineData("千家万户", 2)]
    public void A_numeral_inside_a_word_is_turned_away(string text, int p)
    {
        Scanner.StandsAloneInWord(text, p).Should().BeTrue();
    }
}
