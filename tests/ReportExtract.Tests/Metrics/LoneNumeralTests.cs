using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The figure scan turns a lone 一 or 百/千/万/亿 inside a word, or another lone Chinese digit (二是, （三）), away by the
/// character after it, before parsing; the full reading would have turned every such numeral away too: no figure, and the
/// scan goes on right after it.
/// </summary>
public sealed class LoneNumeralTests
{
    // Every numeral a number may start with, Arabic digits too (never turned away: a decimal point or a group may follow).
    private const string Numerals = "一壹百千万亿佰仟十拾二两三〇○零四五六七八九贰叁肆伍陆柒捌玖3０";

    /// <summary>What stands before the numeral: a word and a comma, or a duration word (连续3年) that makes 年 a unit.</summary>
    private static readonly string[] Leads = ["统计，", "连续", "长达"];

    private static readonly FigureScanner Scanner = new(UnitLexicon.LoadEmbedded(), QualifierLexicon.LoadEmbedded(), MetricExclusions.LoadEmbedded());

    /// <summary>What may stand after the character that follows the numeral (a unit's tail, a fraction's, a range's high end, 个多月's, nothing).</summary>
    private static readonly string[] Tails = ["件次。", "之一", "余人", "。", string.Empty, "三件", "多月"];

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
                text.Append(Leads[(c + k) % Leads.Length]);
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

        turnedAway.Should().BeGreaterThan(30 * 60_000, "most characters after 一, 百/千/万/亿 and the other Chinese digits make no number");
    }

    [Theory]
    [InlineData("编写一册学习资料", 2)]
    [InlineData("千余件", 0)]
    [InlineData("万分之三", 0)]
    [InlineData("一百二十件", 0)]
    [InlineData("十人", 0)]
    [InlineData("统一", 1)]
    [InlineData("三个多月", 0)]
    [InlineData("二至三件", 0)]
    [InlineData("两 件", 0)]
    [InlineData("连续三年", 2)]
    [InlineData("五余人", 0)]
    [InlineData("1.推进", 0)]
    public void A_numeral_that_may_start_a_figure_is_read_in_full(string text, int p)
    {
        Scanner.StandsAloneInWord(text, p).Should().BeFalse();
    }

    [Theory]
    [InlineData("统一部署", 1)]
    [InlineData("进一步加强", 1)]
    [InlineData("千家万户", 0)]
    [InlineData("千家万户", 2)]
    [InlineData("二是加强", 0)]
    [InlineData("（三）严格执法", 1)]
    [InlineData("四、工作计划", 0)]
    public void A_numeral_inside_a_word_is_turned_away(string text, int p)
    {
        Scanner.StandsAloneInWord(text, p).Should().BeTrue();
    }
}
