using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

public class WidthNormalizerTests
{
    private static MappedText Normalize(string text) => new WidthNormalizer().Normalize(MappedText.Identity(text));

    [Theory]
    [InlineData("２０２１年", "2021年")]
    [InlineData("增长１２．５％", "增长12.5%")]
    [InlineData("下降－３．２％，增加＋５", "下降-3.2%，增加+5")]
    [InlineData("ＬＥＤ大屏幕", "LED大屏幕")]
    [InlineData("ｗｅｂ端", "web端")]
    [InlineData("　　一、主要举措", "  一、主要举措")]
    [InlineData("互联网﹢政务服务", "互联网+政务服务")]
    [InlineData("部\u00A0\u00A0门", "部  门")]
    [InlineData("a\u2002b\u2003c\u2009d\u202Fe\u205Ff", "a b c d e f")]
    [InlineData("法\u200B治\u200C政\u200D府\u2060建\uFEFF设\u00AD", "法治政府建设")]
    [InlineData("一\r\n二\r三\n四\u2028五", "一\n二\n三\n四\n五")]
    public void Folds_width_space_and_line_end_variants(string input, string expected) =>
        Normalize(input).Text.Should().Be(expected);

    [Fact]
    public void Chinese_punctuation_stays_as_written_and_clean_text_is_returned_as_is()
    {
        var input = MappedText.Identity("（一）依法行政，“放管服”改革：《条例》〔2023〕34号；完成、落实。");

        new WidthNormalizer().Normalize(input).Should().BeSameAs(input);
    }

    [Fact]
    public void Every_folded_character_maps_to_the_variant_it_came_from()
    {
        var mapped = Normalize("办结率１００％\r\n共　５件");

        mapped.Text.Should().Be("办结率100%\n共 5件");
        mapped.Pairs().Should().Equal(
            ('办', "办"), ('结', "结"), ('率', "率"), ('1', "１"), ('0', "０"), ('0', "０"), ('%', "％"),
            ('\n', "\r\n"), ('共', "共"), (' ', "\u3000"), ('5', "５"), ('件', "件"));
    }

    [Fact]
    public void Removed_zero_width_characters_leave_their_neighbours_mapped_exactly()
    {
        var mapped = Normalize("\uFEFF温\u200B岭");

        mapped.Text.Should().Be("温岭");
        mapped.ToOriginal(0, 1).Should().Be((1, 2));
        mapped.ToOriginal(1, 2).Should().Be((3, 4));
    }
}
