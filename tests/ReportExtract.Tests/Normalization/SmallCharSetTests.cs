using System.Text;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>The small set's vector search against a plain search for each member: every unit at every lane, random text.</summary>
public sealed class SmallCharSetTests
{
    private const string Members = "字浏访点阅打关返收";

    [Fact]
    public void Every_unit_at_every_lane_and_in_the_tail_is_found_exactly_when_it_is_a_member()
    {
        var set = new SmallCharSet(Members);
        var chars = new string('国', 40).ToCharArray();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            foreach (var at in (int[])[0, 7, 15, 16, 31, 32, 39])
            {
                chars[at] = (char)c;
                var expected = Members.Contains((char)c, StringComparison.Ordinal);
                if (set.IsContainedIn(chars) != expected)
                {
                    set.IsContainedIn(chars).Should().Be(expected, "U+{0:X4} at {1}", c, at);
                }

                chars[at] = '国';
            }
        }
    }

    [Fact]
    public void Random_text_holds_a_member_exactly_when_a_plain_search_finds_one()
    {
        var set = new SmallCharSet(Members);
        const string others = "国家部门上下一年工作，。、（）0a 数子扑";
        var random = new Random(20261208);
        for (var round = 0; round < 20_000; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 70); n > 0; n--)
            {
                text.Append(random.Next(40) == 0 ? Members[random.Next(Members.Length)] : others[random.Next(others.Length)]);
            }

            var input = text.ToString();
            set.IsContainedIn(input).Should().Be(input.AsSpan().IndexOfAny(Members) >= 0, "input {0}", input);
        }
    }

    [Fact]
    public void A_set_of_more_units_than_it_compares_is_refused()
    {
        var build = () => new SmallCharSet("一二三四五六七八九十百千万");
        build.Should().Throw<ArgumentException>();
    }
}
