using System.Text;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>The small word set's vector search against a plain search for each word: every unit at every lane, random text.</summary>
public sealed class SmallWordSetTests
{
    // The page-chrome field keys: one word of one unit, the others of two.
    private static readonly string[] FieldKeys = ["字", "浏览", "访问", "点击", "阅读", "打印", "关闭", "返回", "收藏"];

    private static bool PlainSearch(string text, IEnumerable<string> words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    [Fact]
    public void Every_unit_at_every_lane_and_in_the_tail_is_found_exactly_when_it_is_a_one_unit_word()
    {
        const string members = "字浏访点阅打关返收";
        var set = new SmallWordSet(members.Select(c => c.ToString()));
        var chars = new string('国', 40).ToCharArray();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            foreach (var at in (int[])[0, 7, 8, 15, 16, 31, 32, 38, 39])
            {
                chars[at] = (char)c;
                var expected = members.Contains((char)c, StringComparison.Ordinal);
                if (set.IsContainedIn(chars) != expected)
                {
                    set.IsContainedIn(chars).Should().Be(expected, "U+{0:X4} at {1}", c, at);
                }

                chars[at] = '国';
            }
        }
    }

    [Fact]
    public void A_two_unit_word_is_found_with_every_unit_after_its_first_at_every_lane()
    {
        // The second unit is read by a second load: it must match exactly, at every lane and across a block's end.
        var set = new SmallWordSet(["关闭"]);
        var chars = new string('国', 40).ToCharArray();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            foreach (var at in (int[])[0, 6, 7, 8, 15, 30, 31, 38])
            {
                chars[at] = '关';
                chars[at + 1] = (char)c;
                var expected = c == '闭';
                if (set.IsContainedIn(chars) != expected)
                {
                    set.IsContainedIn(chars).Should().Be(expected, "关 then U+{0:X4} at {1}", c, at);
                }

                chars[at] = '国';
                chars[at + 1] = '国';
            }
        }
    }

    [Theory]
    [InlineData(20261208)]
    [InlineData(7)]
    public void Random_text_holds_a_word_exactly_when_a_plain_search_finds_one(int seed)
    {
        string[] words = [.. FieldKeys, "返回顶部", "关闭窗口"];
        var set = new SmallWordSet(words);
        var pieces = "国家部门上下一年工作，。、（）0a 数子扑关于重点打造收入阅访返浏览点打闭击问读印回藏顶部窗口".Select(c => c.ToString())
            .Concat(words).Concat(["返回顶", "关闭窗", "浏", "点"]).ToArray();
        var random = new Random(seed);
        for (var round = 0; round < 20_000; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 60); n > 0; n--)
            {
                // Words are rare, so that most texts hold only their first units or halves.
                text.Append(random.Next(30) == 0 ? words[random.Next(words.Length)] : pieces[random.Next(pieces.Length - words.Length - 4)]);
                if (random.Next(20) == 0)
                {
                    text.Append(pieces[random.Next(pieces.Length)]);
                }
            }

            var input = text.ToString();
            set.IsContainedIn(input).Should().Be(PlainSearch(input, words), "input {0}", input);
        }
    }

    [Fact]
    public void A_set_of_more_leads_than_it_compares_or_an_empty_word_is_refused()
    {
        var tooMany = () => new SmallWordSet("一二三四五六七八九十百千万".Select(c => c.ToString()));
        tooMany.Should().Throw<ArgumentException>();
        var empty = () => new SmallWordSet(["关闭", string.Empty]);
        empty.Should().Throw<ArgumentException>();

        // Words sharing their first two units share one lead.
        var shared = () => new SmallWordSet(["关闭", "关闭窗口", "关闭本页", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]);
        shared.Should().NotThrow();
    }
}
