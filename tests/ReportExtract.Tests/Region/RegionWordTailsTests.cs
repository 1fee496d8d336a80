using ReportExtract.Common;
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(19)]
    public void Agrees_with_the_rows_read_one_by_one_on_seeded_random_text(int seed)
    {
        // The rows as written: applies-to, tail, the words that keep the place.
        var rows = EmbeddedData.ReadLines("Region/word-tails.tsv").Select(l => l.Split('\t')).ToList();
        var tails = rows.Select(r => r[1]).Concat(rows.Where(r => r.Length > 2).SelectMany(r => r[2].Split(' '))).ToList();
        string[] names = ["象山", "江北区", "和平县", "新城市", "温岭"];
        const string filler = "的路街区域镇乡村大道社会市民场，。\n";
        var random = new Random(seed);
        for (var round = 0; round < 2000; round++)
        {
            var name = names[random.Next(names.Length)];
            var surface = Surface(name, isFull: random.Next(2) == 0);
            var text = new System.Text.StringBuilder(name);
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                text.Append(random.Next(2) == 0 ? tails[random.Next(tails.Count)] : filler[random.Next(filler.Length)].ToString());
            }

            var source = text.ToString();
            var rest = source[name.Length..];
            var expected = rows.Any(r =>
                (r[0] == "short" ? !surface.IsFull : surface.IsFull && r[0][0] == name[^1])
                && rest.StartsWith(r[1], StringComparison.Ordinal)
                && !(r.Length > 2 && r[2].Split(' ').Any(u => rest.StartsWith(u, StringComparison.Ordinal))));

            Embedded.Follows(source, name.Length, surface).Should().Be(expected, $"'{source}' ({(surface.IsFull ? "full" : "short")})");
        }
    }

    private static RegionSurface Surface(string text, bool isFull) => new(text, [], isFull, RegionNameStrength.Weak);
}
