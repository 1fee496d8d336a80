using System.Text;
using ReportExtract.Region;

namespace ReportExtract.Tests.Region;

/// <summary>
/// The resolver answers from the organization and the title alone when the text cannot change the answer, and then
/// does not scan the text: these tests hold that shortcut to the resolution that weighs every mention of the text.
/// </summary>
public sealed class RegionHeadShortcutTests
{
    private static readonly RegionResolver Resolver = BuiltIn.Regions;

    private static readonly string[] Agencies = ["人民政府", "司法局", "住房和城乡建设局", "综合行政执法局", "", "人民政府办公室"];

    private static readonly string[] Filler = ["，", "。", "\n", " ", "2022年", "工作报告", "推进", "区", "市", "县", "路", "山区", "人民"];

    [Theory]
    [InlineData(11)]
    [InlineData(2260)]
    [InlineData(20230101)]
    public void Resolving_from_the_head_alone_matches_weighing_the_whole_text(int seed)
    {
        var random = new Random(seed);
        var surfaces = Resolver.Matcher.Surfaces;
        var divisions = Resolver.Divisions;

        // Homonyms (鼓楼区), weak short forms (温岭) and everyday words (城区, 资源) are where the text can tip the answer, so
        // the head is drawn from them most of the time.
        var ambiguous = surfaces.Where(s => s.Candidates.Length > 1).ToArray();
        var weak = surfaces.Where(s => s.Strength != RegionNameStrength.Strong).ToArray();
        var commonFull = surfaces.Where(s => s.Strength == RegionNameStrength.Common && s.IsFull).ToArray();
        RegionSurface PickHead() => random.Next(6) switch
        {
            0 => ambiguous[random.Next(ambiguous.Length)],
            1 => weak[random.Next(weak.Length)],
            2 => commonFull[random.Next(commonFull.Length)],
            _ => surfaces[random.Next(surfaces.Length)],
        };

        string NameOf(int division)
        {
            var d = divisions[division];
            return d.ShortForms.Length > 0 && random.Next(2) == 0 ? d.ShortForms[random.Next(d.ShortForms.Length)] : d.Name;
        }

        var shortcuts = 0;
        for (var round = 0; round < 1500; round++)
        {
            var organization = new StringBuilder();
            var title = new StringBuilder();
            var related = new List<int>();
            for (var n = random.Next(2); n >= 0; n--)
            {
                var target = random.Next(3) == 0 ? title : organization;
                var head = PickHead();
                target.Append(head.Text);
                related.AddRange(head.Candidates);
                if (random.Next(2) == 0)
                {
                    target.Append(Agencies[random.Next(Agencies.Length)]);
                }
            }

            // The text names the head's places, their parents and children's kin, and places unrelated to them.
            var text = new StringBuilder();
            for (var n = random.Next(12); n > 0; n--)
            {
                var pick = random.Next(5);
                if (pick < 2 && related.Count > 0)
                {
                    var d = related[random.Next(related.Count)];
                    var parent = divisions[d].Parent;
                    text.Append(NameOf(pick == 0 && parent >= 0 ? parent : d));
                }
                else if (pick == 2)
                {
                    text.Append(surfaces[random.Next(surfaces.Length)].Text);
                }
                else
                {
                    text.Append(Filler[random.Next(Filler.Length)]);
                }
            }

            var org = random.Next(6) == 0 ? null : organization.ToString();
            var titleText = random.Next(3) == 0 ? null : title.Append("2022年法治政府建设年度报告").ToString();
            var body = text.ToString();

            var expected = Resolver.ResolveWithText(org, titleText, body);
            var actual = Resolver.Resolve(org, titleText, body);

            actual.Region.Should().Be(expected.Region, "organization '{0}', title '{1}', text '{2}'", org, titleText, body);
            actual.Warnings.Should().Equal(expected.Warnings, "organization '{0}', title '{1}', text '{2}'", org, titleText, body);
            shortcuts += Resolver.ResolveFromHeadAlone(org ?? string.Empty, titleText ?? string.Empty) is null ? 0 : 1;
        }

        // Both ways are taken often: the shortcut, and the whole resolution where the text may tip the answer.
        shortcuts.Should().BeInRange(150, 1350);
    }

    [Fact]
    public void A_tie_in_the_organization_is_still_broken_by_the_text()
    {
        // 鼓楼区 is in 南京 and in 福州 (and elsewhere): the organization alone cannot tell, the text can.
        Resolver.Resolve("鼓楼区司法局", null, "南京市鼓楼区司法局\n南京市").Region!.City.Should().Be("南京市");
        Resolver.Resolve("鼓楼区司法局", null, "福州市鼓楼区司法局\n福州市").Region!.City.Should().Be("福州市");
    }

    [Fact]
    public void A_weak_name_of_the_organization_is_still_narrowed_by_the_text()
    {
        // 朝阳 alone is read as the city of 辽宁 (the highest of its namesakes); 北京市 in the text makes it 北京's district.
        Resolver.Resolve("朝阳司法局", null, "").Region!.Province.Should().Be("辽宁省");
        Resolver.Resolve("朝阳司法局", null, "北京市\n北京市").Region!.Province.Should().Be("北京市");
    }
}
