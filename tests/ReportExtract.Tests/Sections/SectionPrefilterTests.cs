using System.Text;
using System.Text.RegularExpressions;
using ReportExtract.Common;
using ReportExtract.Model;
using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>
/// The section splitter's shortcuts answer as the slow ways they replace: the marker read by hand is the one the regular
/// expression it replaces matched, and the lexicon's one pass over a title picks the rule searching the title
/// for each keyword in turn picks.
/// </summary>
public sealed partial class SectionPrefilterTests
{
    [Fact]
    public void The_marker_reader_reads_what_the_marker_pattern_matches_after_any_first_character()
    {
        // Every character opening a marker of some kind, with what would make it one (the random lines try the rest).
        string[] rests = ["、", "一部分", "十篇", ".2023年", "一）", " 1)"];
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            foreach (var rest in rests)
            {
                var line = c + rest;
                HeadingRecognizer.MarkerLength(line).Should().Be(Oracle(line), $"U+{(int)c:X4}: '{line}'");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_marker_reader_reads_what_the_marker_pattern_matches_on_random_lines(int seed)
    {
        const string alphabet = "第一二三四五六七八九十百（(（)）)0123456789０１２３４５６７８９①⑩⑳⑴  \t、、.．..。部分章篇年年是x";
        string[] pieces = ["19", "20", "2023", "年", "部分", "一、", "(三)", "12", "１２", "1、2"];
        var random = new Random(seed);
        var markers = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var b = new StringBuilder();
            var length = random.Next(0, 16);
            while (b.Length < length)
            {
                b.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var line = b.ToString();
            var expected = Oracle(line);
            HeadingRecognizer.MarkerLength(line).Should().Be(expected, $"'{line}'");
            markers += expected > 0 ? 1 : 0;
        }

        markers.Should().BeGreaterThan(1000, "the lines must hold markers too, or the check proves nothing");
    }

    /// <summary>The marker's length by the regular expression the splitter used before it read markers by hand.</summary>
    private static int Oracle(string window)
    {
        var match = MarkerPattern().Match(window);
        return match.Success ? match.Length : 0;
    }

    [GeneratedRegex(
        """
        ^(?:
            第(?<part>[一二三四五六七八九十]{1,3})(?:部分|章|篇)
          | (?<cn>[一二三四五六七八九十]{1,3})[ \t]*(?:、|[.．](?:(?![0-9０-９])|(?=(?:19|20)[0-9]{2}[ \t]*年)))
          | [（(][ \t]*(?<cnp>[一二三四五六七八九十]{1,3})[ \t]*[)）]
          | (?<dg>[0-9０-９]{1,2})[ \t]*(?:[.．](?:(?![0-9０-９])|(?=(?:19|20)[0-9]{2}[ \t]*年))|、(?![0-9０-９]{1,2}(?![0-9０-９])))
          | [（(][ \t]*(?<dgp>[0-9０-９]{1,2})[ \t]*[)）]
          | (?<circ>[①-⑳])
        )
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

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
