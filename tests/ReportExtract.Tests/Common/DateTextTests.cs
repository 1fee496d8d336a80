using ReportExtract.Common;

namespace ReportExtract.Tests.Common;

/// <summary>Dates in the shapes reports write them, and lines that only look like signatures.</summary>
public sealed class DateTextTests
{
    [Theory]
    [InlineData("2022-02-25 14:12", "2022-02-25")]
    [InlineData("2022/2/5", "2022-02-05")]
    [InlineData("2022.01.10", "2022-01-10")]
    [InlineData("2022年1月10日", "2022-01-10")]
    [InlineData("2022 年 1 月 10 日", "2022-01-10")]
    [InlineData("二〇二二年一月十日", "2022-01-10")]
    [InlineData("二○二三年十二月三十一日", "2023-12-31")]
    [InlineData("二〇二一年十一月二十日", "2021-11-20")]
    [InlineData("2022年2月30日", null)]
    [InlineData("全年办理案件100件", null)]
    public void First_date(string text, string? expected) =>
        (DateText.FirstDate(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData("2022年2月21日", "")]
    [InlineData("  二〇二二年一月十日  ", "")]
    [InlineData("温岭市人民政府 2022年2月21日", "温岭市人民政府")]
    [InlineData("2022年3月1日起施行的新规定已全面落实", null)]
    [InlineData("日期:2022-01-14", null)]
    [InlineData("截至2022年12月31日,全年办理案件。", null)]
    public void Signature_date_lines(string line, string? who)
    {
        var found = DateText.SignatureDate(line);
        if (who is null)
        {
            found.Should().BeNull();
        }
        else
        {
            found.Should().NotBeNull();
            found!.Value.Who.Should().Be(who);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(2022)]
    public void The_ending_prefilter_passes_every_line_the_signature_pattern_matches(int seed)
    {
        var random = new Random(seed);
        var matched = 0;
        for (var round = 0; round < 4000; round++)
        {
            var trimmed = DateLines.Random(random).Trim();
            if (DateText.MatchesSignatureLine(trimmed))
            {
                matched++;
                DateText.EndsLikeDate(trimmed).Should().BeTrue($"'{trimmed}' is a signature line");
            }
        }

        matched.Should().BePositive("the generator makes signature lines too");
    }
}
