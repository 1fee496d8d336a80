using System.Text;
using System.Text.RegularExpressions;
using ReportExtract.Metadata;
using ReportExtract.Tests.Common;

namespace ReportExtract.Tests.Metadata;

/// <summary>The year counting of the report-year finder answers as its year pattern run over the text would.</summary>
public sealed class ReportYearFinderTests
{
    // The finder's Arabic year pattern, as the reference the count from each 年 back must agree with.
    private static readonly Regex ArabicYear = new(@"(?<y>(?:19|20)[0-9]{2})[ \t]*年", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant);

    [Fact]
    public void Years_before_their_nian_are_counted_once_each()
    {
        var counts = new Dictionary<int, int>();

        ReportYearFinder.CountArabicYears("2021年完成，2022 年增长，20212022年，1899年，2100年，12022年，2021\t年", counts);

        counts.Should().BeEquivalentTo(new Dictionary<int, int> { [2021] = 2, [2022] = 3 });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(2022)]
    public void Agrees_with_the_year_pattern_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["年", "1", "2", "9", "0", "19", "20", " ", "\t", "，", "增长", "二〇二二", "\n"];
        for (var round = 0; round < 1000; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                text.Append(random.Next(4) == 0 ? DateLines.Random(random) : pieces[random.Next(pieces.Length)]);
            }

            var expected = new Dictionary<int, int>();
            foreach (Match m in ArabicYear.Matches(text.ToString()))
            {
                var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                expected[year] = expected.GetValueOrDefault(year) + 1;
            }

            var counts = new Dictionary<int, int>();
            ReportYearFinder.CountArabicYears(text.ToString(), counts);

            counts.Should().BeEquivalentTo(expected, $"in '{text}'");
        }
    }
}
