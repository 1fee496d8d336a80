using System.Text;
using ReportExtract.Region;

namespace ReportExtract.Tests.Region;

/// <summary>The trie matcher finds exactly what a naive search over every name finds.</summary>
public sealed class RegionNameMatcherTests
{
    private static readonly RegionNameMatcher Matcher = BuiltIn.Regions.Matcher;

    [Fact]
    public void Finds_nested_and_overlapping_names_with_offsets()
    {
        var found = Find("重庆市璧山区，浙江省温岭市");

        found.Should().Contain([("重庆市", 0, 3), ("重庆", 0, 2), ("璧山区", 3, 6), ("璧山", 3, 5),
            ("浙江省", 7, 10), ("浙江", 7, 9), ("温岭市", 10, 13), ("温岭", 10, 12)]);
    }

    [Fact]
    public void Homonyms_share_one_surface_with_every_candidate()
    {
        var surface = Matcher.Surfaces.Single(s => s.Text == "鼓楼区");

        surface.IsFull.Should().BeTrue();
        surface.Candidates.Select(c => BuiltIn.Regions.Divisions[c].Code)
            .Should().BeEquivalentTo(["320106", "320302", "350102", "410204"]);
    }

    [Fact]
    public void A_short_form_of_a_province_means_the_province_and_a_full_name_wins_over_a_short_form()
    {
        var divisions = BuiltIn.Regions.Divisions;

        Matcher.Surfaces.Single(s => s.Text == "吉林").Candidates.Select(c => divisions[c].Code).Should().Equal("220000");
        Matcher.Surfaces.Single(s => s.Text == "海南").Candidates.Select(c => divisions[c].Code).Should().Equal("460000");
        Matcher.Surfaces.Single(s => s.Text == "朝阳").Candidates.Select(c => divisions[c].Code)
            .Should().BeEquivalentTo(["110105", "211300", "211321", "220104"]);
        Matcher.Surfaces.Should().OnlyHaveUniqueItems(s => s.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(2260)]
    public void Agrees_with_naive_search_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        const string filler = "的一是在了人有中和市区县省州旗盟城山江河南北东西新 ，。\n";
        var text = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            if (random.Next(3) == 0)
            {
                var s = Matcher.Surfaces[random.Next(Matcher.Surfaces.Length)].Text;
                // Cut names now and then so that partial prefixes start walks that find nothing.
                text.Append(random.Next(4) == 0 ? s[..random.Next(1, s.Length + 1)] : s);
            }
            else
            {
                text.Append(filler[random.Next(filler.Length)]);
            }
        }

        var input = text.ToString();
        var expected = new List<(string, int, int)>();
        foreach (var s in Matcher.Surfaces)
        {
            for (var at = input.IndexOf(s.Text, StringComparison.Ordinal); at >= 0; at = input.IndexOf(s.Text, at + 1, StringComparison.Ordinal))
            {
                expected.Add((s.Text, at, at + s.Text.Length));
            }
        }

        // Sorted and compared in order: an equivalence check over thousands of tuples is quadratic.
        Find(input).Order().Should().Equal(expected.Order());
    }

    [Fact]
    public void Finds_every_name_at_either_parity_and_at_the_very_end()
    {
        // The scan reads two positions per round and the last one alone: each name is put at an even and an odd
        // offset, and as the last characters of texts of both parities.
        var missed = new List<string>();
        var matches = new List<RegionNameMatch>();
        for (var s = 0; s < Matcher.Surfaces.Length; s++)
        {
            var name = Matcher.Surfaces[s].Text;
            foreach (var prefix in (string[])["", "的", "的一"])
            {
                foreach (var suffix in (string[])["", "的"])
                {
                    var text = prefix + name + suffix;
                    matches.Clear();
                    Matcher.FindAll(text, matches);
                    if (!matches.Contains(new RegionNameMatch(prefix.Length, prefix.Length + name.Length, s)))
                    {
                        missed.Add(text);
                    }
                }
            }
        }

        missed.Should().BeEmpty();
    }

    [Fact]
    public void Occurrences_come_by_start_and_at_one_start_shortest_first()
    {
        // The collector reads the order instead of sorting: 重庆 before 重庆市 at the same start.
        var found = Find("重庆市璧山区与浙江省温岭市，重庆");

        found.Select(f => (f.Start, f.End)).Should().BeInAscendingOrder(Comparer<(int Start, int End)>.Create(
            (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End)));
    }

    private static List<(string Text, int Start, int End)> Find(string text)
    {
        var matches = new List<RegionNameMatch>();
        Matcher.FindAll(text, matches);
        matches.Should().OnlyContain(m => text.Substring(m.Start, m.End - m.Start) == Matcher.Surfaces[m.Surface].Text);
        return [.. matches.Select(m => (Matcher.Surfaces[m.Surface].Text, m.Start, m.End))];
    }
}
