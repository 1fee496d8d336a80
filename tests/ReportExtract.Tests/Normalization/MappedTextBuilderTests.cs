using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

public class MappedTextBuilderTests
{
    [Fact]
    public void Identity_maps_every_unit_to_itself_without_tables()
    {
        var mapped = MappedText.Identity("法治政府");

        mapped.IsIdentity.Should().BeTrue();
        mapped.ToOriginal(1, 3).Should().Be((1, 3));
        mapped.OriginalStart(4).Should().Be(4);
        mapped.OriginalEnd(3).Should().Be(4);
    }

    [Fact]
    public void A_derivation_of_a_derivation_maps_straight_to_the_original()
    {
        const string original = "２０２１年\r\n報告";
        var first = new MappedTextBuilder(MappedText.Identity(original));
        first.Append('2', 0, 1);
        first.Append('0', 1, 2);
        first.Append('2', 2, 3);
        first.Append('1', 3, 4);
        first.AppendRun(4, 1);
        first.Append('\n', 5, 7);
        first.AppendRun(7, 2);
        var folded = first.Build();
        folded.Text.Should().Be("2021年\n報告");

        // A second stage works on the folded text; its builder resolves through the first map.
        var second = new MappedTextBuilder(folded);
        second.AppendRun(0, 5);
        second.AppendInserted('|', 5);
        second.Append('报', 6, 7);
        second.Append('告', 7, 8);
        var result = second.Build();

        result.Original.Should().BeSameAs(original);
        result.Text.Should().Be("2021年|报告");
        result.ToOriginal(0, 4).Should().Be((0, 4));
        result.ToOriginal(5, 6).Should().Be((5, 5));
        result.ToOriginal(6, 8).Should().Be((7, 9));
        folded.Then(new MappedText(folded.Text, "年", [4], [5])).ToOriginal(0, 1).Should().Be((4, 5));
    }

    [Fact]
    public void An_unchanged_copy_builds_back_to_identity()
    {
        var source = MappedText.Identity("温岭市");
        var builder = new MappedTextBuilder(source);
        builder.AppendRun(0, 3);

        builder.Build().IsIdentity.Should().BeTrue();
        source.Then(MappedText.Identity("温岭市")).Should().BeSameAs(source);
    }
}
