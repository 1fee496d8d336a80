using ReportExtract.Normalization;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests.Normalization;

public class PinyinAnnotationRemoverTests
{
    private static MappedText Remove(string text) => new PinyinAnnotationRemover().Remove(MappedText.Identity(text));

    [Theory]
    [InlineData("龍湖區(qū)城管局", "龍湖區城管局")]
    [InlineData("深入貫徹習(xí)近平法治思想", "深入貫徹習近平法治思想")]
    [InlineData("法治政府建設(shè)", "法治政府建設")]
    [InlineData("結(jié)合我局", "結合我局")]
    [InlineData("區（qū）城管", "區城管")]
    [InlineData("綠(lǜ)化", "綠化")]
    [InlineData("加強(qiáng)法治思維和依法行政能力建設(shè)", "加強法治思維和依法行政能力建設")]
    public void Removes_a_tone_marked_syllable_in_parentheses_after_a_han_character(string input, string expected) =>
        Remove(input).Text.Should().Be(expected);

    [Theory]
    [InlineData("(一)深入学习贯彻")]
    [InlineData("（一）深入学习贯彻")]
    [InlineData("實施方案》(汕府〔2023〕34號)部署")]
    [InlineData("年度报告(2021年)")]
    [InlineData("通过一楼LED(qū)大屏幕")] // after a Latin letter: not the annotation pattern
    [InlineData("龍湖區(qu)城管局")] // toneless: could be ordinary Latin text
    [InlineData("城管局(ABC)")]
    [InlineData("城管局(xuéxíxuéxí)")] // longer than one syllable
    [InlineData("區(qū")]
    [InlineData("(qū)開頭")]
    public void Leaves_other_parentheses_alone(string input)
    {
        var mapped = MappedText.Identity(input);

        new PinyinAnnotationRemover().Remove(mapped).Should().BeSameAs(mapped);
    }

    [Fact]
    public void Kept_characters_map_to_themselves_across_the_removed_annotation()
    {
        var mapped = Remove("區(qū)城");

        mapped.Pairs().Should().Equal(('區', "區"), ('城', "城"));
        mapped.ToOriginal(0, 2).Should().Be((0, 6));
    }

    [Fact]
    public void Clears_every_annotation_of_the_traditional_sample_excerpt()
    {
        // The plain fixture was made from the same excerpt by a regular expression (tools/decoding).
        var mapped = Remove(EncodingFixtures.Utf8("longhu-traditional.utf8.txt"));

        mapped.Text.Should().Be(EncodingFixtures.Utf8("longhu-traditional-plain.utf8.txt"));
        mapped.Pairs().Should().OnlyContain(p => p.Original == p.Char.ToString());
    }
}
