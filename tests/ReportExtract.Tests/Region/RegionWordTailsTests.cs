using ReportExtract.Region;

namespace ReportExtract.Tests.Region;

/// <summary>The word-tail list: what a short form or a full name may run into before it stops naming the place.</summary>
public sealed class RegionWordTailsTests
{
    private static readonly RegionWordTails Embedded = RegionWordTails.LoadEmbedded();

    [Theory]
    [InlineData("象山路口", true)]
    [InlineData("象山镇政府", true)]
    [InlineData("象山镇街道路面", false)]
    [InlineData("象山乡政府", true)]
    [InlineData("象山乡村振兴", false)]
    [InlineData("象山村委会", true)]
    [InlineData("象山村级组织", false)]
    [InlineData("象山大道", true)]
    [InlineData("象山社区", true)]
    [InlineData("象山县", false)]
    [InlineData("象山", false)]
    public void A_short_form_before_a_street_or_town_word_is_not_the_county(string text, bool follows) =>
        Embedded.Follows(text, 2, Surface("象山", isFull: false)).Should().Be(follows);

    [Theory]
    [InlineData("江北区域", true)]
    [InlineData("江北区块", true)]
    [InlineData("江北区分局", false)]
    [InlineData("江北县域", true)]
    [InlineData("江北市场", true)]
    [InlineData("江北市民", false)]
    public void A_full_name_whose_suffix_starts_another_word_is_not_the_place(string text, bool follows) =>
        Embedded.Follows(text, 3, Surface(text[..3], isFull: true)).Should().Be(follows);

    [Fact]
    public void A_row_for_neither_short_forms_nor_one_last_character_is_refused()
    {
        var parse = () => RegionWordTails.Parse(["区县\t域"]);

        parse.Should().Throw<InvalidDataException>().WithMessage("*区县*");
    }

    [Fact]
    public void Exceptions_are_read_from_the_third_column()
    {
        var tails = RegionWordTails.Parse(["short\t港\t港湾 港区"]);

        tails.Follows("东山港口", 2, Surface("东山", isFull: false)).Should().BeTrue();
        tails.Follows("东山港区", 2, Surface("东山", isFull: false)).Should().BeFalse();
        tails.Follows("东山路", 2, Surface("东山", isFull: false)).Should().BeFalse();
    }

    private static RegionSurface Surface(string text, bool isFull) => new(text, [], isFull, RegionNameStrength.Weak);
}
