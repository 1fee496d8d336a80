using System.Text;
using ReportExtract.Common;
using ReportExtract.Model;
using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>
/// The section splitter's shortcuts answer as the slow ways they replace: a line whose first character opens no marker
/// is one the marker pattern does not match, and the lexicon's one pass over a title picks the rule searching the title
/// for each keyword in turn picks.
/// </summary>
public sealed class SectionPrefilterTests
{
    [Fact]
    public void No_marker_opens_with_a_character_outside_the_openings()
    {
        string[] rests = ["、总体情况", "一、", "部分 概述", "章", ".工作", "．2023年计划", "）", " 1）", "1)", "一）", "、", ""];
        var passedOver = 0;
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (HeadingRecognizer.MarkerOpenings.Contains(c))
            {
                continue;
            }

            passedOver++;
            foreach (var rest in rests)
            {
                var line = c + rest;
                HeadingRecognizer.MarkerPattern().IsMatch(line).Should().BeFalse($"U+{(int)c:X4} opens no marker ('{line}')");
            }
        }

        passedOver.Should().BeGreaterThan(60000);
    }

    [Fact]
    public void Every_opening_opens_a_marker()
    {
        string[] rests = ["一部分", "、", ")", "一)", "1)", "."];
        foreach (var c in Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => HeadingRecognizer.MarkerOpenings.Contains(c)))
        {
            rests.Any(rest => HeadingRecognizer.MarkerPattern().IsMatch(c + rest)).Should().BeTrue($"U+{(int)c:X4} is among the openings");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_lexicon_picks_the_first_rule_whose_keyword_the_title_holds(int seed)
    {
        var rules = SectionKindLexicon.Parse(EmbeddedData.ReadLines("Sections/section-kinds.txt")).ToList();
        var lexicon = new SectionKindLexicon(rules);
        var random = new Random(seed);
        var keywords = rules.Select(r => r.Item2).ToArray();
        var kinds = new HashSet<SectionKind>();
        for (var n = 0; n < 2000; n++)
        {
            var b = new StringBuilder();
            for (var k = random.Next(0, 5); k > 0; k--)
            {
                var keyword = keywords[random.Next(keywords.Length)];
                // Whole keywords, their halves (so a title holds a keyword's start but not all of it), other words.
                b.Append(random.Next(3) switch
                {
                    0 => keyword,
                    1 => keyword[..(keyword.Length / 2)],
                    _ => "推进法治政府建设",
                });
            }

            var title = b.ToString();
            var expected = rules.FirstOrDefault(r => title.Contains(r.Item2, StringComparison.Ordinal), (SectionKind.Other, string.Empty)).Item1;
            lexicon.Classify(title).Should().Be(expected, $"title '{title}'");
            kinds.Add(expected);
        }

        kinds.Should().HaveCountGreaterThan(3);
    }

    [Theory]
    [InlineData("工作展望", SectionKind.Plans)]
    [InlineData("问题与展望", SectionKind.Shortcomings)]
    [InlineData("回顾", SectionKind.Achievements)]
    public void An_empty_keyword_matches_every_title_from_its_place_in_the_order(string title, SectionKind expected)
    {
        var lexicon = new SectionKindLexicon([(SectionKind.Shortcomings, "问题"), (SectionKind.Plans, "展望"), (SectionKind.Achievements, string.Empty), (SectionKind.Leadership, "回顾")]);

        lexicon.Classify(title).Should().Be(expected);
    }
}
