using System.Text;
using ReportExtract.Region;

namespace ReportExtract.Tests.Region;

/// <summary>Invariants of the resolver: any input is safe, results are consistent with the table and stay so on big texts.</summary>
public sealed class RegionResolverTests
{
    private static readonly RegionResolver Resolver = BuiltIn.Regions;

    [Theory]
    [InlineData(7)]
    [InlineData(2260)]
    [InlineData(20211231)]
    public void Any_input_gives_a_region_that_agrees_with_the_table(int seed)
    {
        var random = new Random(seed);
        var names = Resolver.Matcher.Surfaces;
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 60);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.Next(3) == 0 ? names[random.Next(names.Length)].Text : (char)random.Next(0x20, 0x9FFF));
            }

            var organization = random.Next(2) == 0 ? null : names[random.Next(names.Length)].Text + "人民政府";
            var result = Resolver.Resolve(organization, null, text.ToString());

            result.Warnings.Should().NotContain(w => !w.StartsWith("region: ", StringComparison.Ordinal));
            if (result.Region is { } region)
            {
                var d = Resolver.Divisions.Find(region.Code);
                d.Should().NotBeNull();
                (d!.Name == region.County || d.Name == region.City || d.Name == region.Province).Should().BeTrue();
                region.Province.Should().Be(Resolver.Divisions[Resolver.Divisions.ProvinceOf(d.Index)].Name);
                if (region.County is null)
                {
                    d.Level.Should().NotBe(RegionLevel.County);
                }
            }
        }
    }

    [Fact]
    public void Organization_decides_before_a_text_full_of_other_places()
    {
        var text = string.Concat(Enumerable.Repeat("北京市海淀区、上海市浦东新区经验交流。", 50));

        Resolver.Resolve("温岭市司法局", null, text).Region!.Code.Should().Be("331081");
    }

    [Fact]
    public void Concurrent_calls_give_the_same_answers()
    {
        var inputs = new[] { "温岭市住房和城乡建设局", "重庆市璧山区规划和自然资源局", "南京市鼓楼区司法局", "浙江省司法厅" };
        var expected = inputs.Select(i => Resolver.Resolve(i, null, "").Region!.Code).ToArray();

        var results = new string?[400];
        Parallel.For(0, results.Length, i => results[i] = Resolver.Resolve(inputs[i % inputs.Length], null, "").Region?.Code);

        results.Should().Equal(Enumerable.Range(0, results.Length).Select(i => expected[i % inputs.Length]));
    }

    [Fact]
    public void A_large_text_resolves_like_its_parts()
    {
        // Speed on large inputs is measured by the benchmarks; here only the answer on a large input counts.
        var sample = File.ReadAllText(Path.Combine(RegionSpecs.RepositoryRoot, "samples", "wenling-housing-bureau-2021.txt"));

        Resolver.Resolve(null, null, string.Concat(Enumerable.Repeat(sample, 200))).Region!.Code.Should().Be("331081");
    }

    [Fact]
    public void Many_repeated_ambiguous_names_still_resolve_through_their_city()
    {
        var text = string.Concat(Enumerable.Repeat("温岭、鼓楼、赵县，", 50_000)) + "台州市";

        Resolver.Resolve(null, null, text).Region!.Code.Should().Be("331081");
    }
}
