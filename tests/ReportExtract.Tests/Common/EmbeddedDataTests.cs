using ReportExtract.Common;

namespace ReportExtract.Tests.Common;

/// <summary>The one reader of embedded data: names, lines, rows, bytes, and the error a missing file gives.</summary>
public sealed class EmbeddedDataTests
{
    [Fact]
    public void A_missing_resource_is_reported_by_the_name_it_was_looked_up_by()
    {
        var read = () => EmbeddedData.ReadLines("Metrics/no-such-list.txt");

        read.Should().Throw<InvalidOperationException>()
            .WithMessage("*'ReportExtract.Resources.Metrics/no-such-list.txt'*missing from ReportExtract*");
    }

    [Fact]
    public void Lines_come_trimmed_without_comments_or_blanks()
    {
        var lines = EmbeddedData.ReadLines("Region/common-words.txt");

        lines.Should().NotBeEmpty();
        lines.Should().OnlyContain(l => l.Length > 0 && l[0] != '#' && l == l.Trim());
    }

    [Fact]
    public void Rows_are_split_on_tabs_and_skip_comments()
    {
        var rows = EmbeddedData.ReadRows("Region/word-tails.tsv");

        rows.Should().Contain(r => r.Length == 3 && r[0] == "short" && r[1] == "乡" && r[2] == "乡村 乡镇");
        rows.Should().OnlyContain(r => r[0].Length > 0 && r[0][0] != '#');
    }

    [Fact]
    public void Binary_data_is_read_from_the_stream_as_stored()
    {
        using var stream = EmbeddedData.Open("Jieba/jieba.dict.bin");
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);

        // "JBDX", the resource's little-endian magic number 0x5844424A.
        magic.ToArray().Should().Equal((byte)'J', (byte)'B', (byte)'D', (byte)'X');
    }

    [Fact]
    public void Text_of_another_assembly_is_read_by_its_logical_name()
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames().First(n => n.EndsWith("Region/word-tails.tsv", StringComparison.Ordinal));

        EmbeddedData.ReadText(assembly, name).Should().Contain("short\t路");
    }
}
