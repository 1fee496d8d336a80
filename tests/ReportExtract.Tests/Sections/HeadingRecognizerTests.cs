using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>Each numbering family's marker gives its family, its number and where the marker and title lie.</summary>
public sealed class HeadingRecognizerTests
{
    [Theory]
    [InlineData("第十二部分 工作计划", "Part", 12, 5)]
    [InlineData("第三章总则", "Part", 3, 3)]
    [InlineData("十一、存在的不足", "ChineseNumeral", 11, 3)]
    [InlineData("九十九 ．其他", "ChineseNumeral", 99, 5)]
    [InlineData("（ 二十 ）加强执法监督", "ChineseNumeralInParentheses", 20, 6)]
    [InlineData("(四)强化考核", "ChineseNumeralInParentheses", 4, 3)]
    [InlineData("１２．完善制度", "Digit", 12, 3)]
    [InlineData("7、推进公开", "Digit", 7, 2)]
    [InlineData("3.2023年工作计划", "Digit", 3, 2)]
    [InlineData("（ ３ ）落实责任", "DigitInParentheses", 3, 5)]
    [InlineData("(15)其他", "DigitInParentheses", 15, 4)]
    [InlineData("⑳ 附则", "Circled", 20, 1)]
    public void Reads_family_number_and_marker_of_each_numbering(string line, string family, int number, int markerLength)
    {
        var text = "  " + line + "\n";

        var match = HeadingRecognizer.Recognize(text, 0, text.Length - 1);

        match.Should().NotBeNull();
        match!.Value.Family.ToString().Should().Be(family);
        match.Value.Number.Should().Be(number);
        (match.Value.MarkerStart, match.Value.MarkerEnd).Should().Be((2, 2 + markerLength));
    }

    [Theory]
    [InlineData("1.5万件")]
    [InlineData("3、4月份")]
    [InlineData("一二三四、")]
    [InlineData("123.")]
    [InlineData("（一）本年新收申请数量|29|2")]
    [InlineData("全年受理申请")]
    public void Rejects_what_only_looks_like_a_marker(string line) =>
        HeadingRecognizer.Recognize(line, 0, line.Length).Should().BeNull();
}
