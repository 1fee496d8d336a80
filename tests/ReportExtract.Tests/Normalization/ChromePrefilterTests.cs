using System.Buffers;
using System.Text;
using ReportExtract.Common;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The fast paths of the normalization stages answer as the slow ones would: the character bitmap as
/// <see cref="SearchValues{T}"/>, the key search as a plain search for every word, and the page-chrome remover with
/// its field keys as the same patterns without them (field rules tested on every line that holds a key).
/// </summary>
public sealed class ChromePrefilterTests
{
    private static readonly string ChromePatterns = File.ReadAllText(
        Path.Combine(Repository.Root, "src", "ReportExtract", "Resources", "Normalization", "chrome-lines.txt"), Encoding.UTF8);

    // Pieces of random lines: every literal fragment of the chrome patterns and keys, the whitespace \s admits
    // (tab, vertical tab, form feed, NEL, no-break space), brackets, colons, digits and ordinary report words.
    private static readonly string[] Pieces =
    [
        "字", "号", "体", "字号", "字体", "字体大小", "大", "中", "小", "浏览", "浏览次数", "浏览量", "访问", "访问次数", "访问量",
        "点击", "点击次数", "点击数", "点击量", "阅读", "阅读次数", "阅读量", "次", "打印", "打印本页", "打印此页", "关闭",
        "关闭窗口", "关闭本页", "返回", "返回顶部", "收藏", "收藏本页", "加入收藏", "本页", "分享", "分享到", "位置", "当前位置",
        "首页", "部门", "街镇", "乡镇", "上一篇", "下一篇", "今天是", "无障碍", "简体", "繁体", "English",
        "【", "】", "[", "]", ">", "＞", "»", "|", "｜", "/", ":", "：", " ", "  ", "\t", "\v", "\f", "\u0085", "\u00A0",
        "0", "12", "2023", "年", "-", "发布日期", "信息来源", "温岭市人民政府", "工作", "开展", "一、", "。", "，",
        "【打印本页】", "[打印此页]", "【关闭本页】", "【返回顶部】", "【收藏本页】", "[加入收藏]", "【字号：大 中 小】", " 字 号:",
        " 阅读量：", " 点击数:3", "(浏览次数)",
        "您的位置", "你现在的位置", "所在位置", "当前的位置", "网站首页", "返回首页", "返回列表", "加入收藏", "分享至", "部 门",
        "今天是2023年5月1日", "上一条", "下一步", "关于", "长辈版", "\u2028", "\u3000", "\u1680", "\u2009", "\r",
    ];

    [Fact]
    public void The_bitmap_holds_exactly_its_characters_and_finds_them_as_SearchValues_does()
    {
        const string members = "\r\u00A0\u3000０９ＡＺ字浏部>»【";
        var bitmap = new CharBitmap(members);
        var searchValues = SearchValues.Create(members);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (bitmap.Contains((char)c) != searchValues.Contains((char)c))
            {
                bitmap.Contains((char)c).Should().Be(searchValues.Contains((char)c), "U+{0:X4}", c);
            }
        }

        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var text = RandomLine(random, members.Select(c => c.ToString()).Concat(Pieces).ToArray(), 40);
            bitmap.IndexOfAny(text).Should().Be(text.AsSpan().IndexOfAny(searchValues));
        }
    }

    [Fact]
    public void The_key_search_finds_a_word_exactly_when_the_text_contains_one()
    {
        string[] words = ["位置", ">", "字 ", "字号", "部门", "首页", "上一", "今天是", "返回"];
        var finder = new WordSearchValues(words);
        var random = new Random(11);
        for (var round = 0; round < 5000; round++)
        {
            var text = RandomLine(random, Pieces, 12);
            finder.IsContainedIn(text).Should().Be(words.Any(w => text.Contains(w, StringComparison.Ordinal)), "text {0}", text);
        }
    }

    [Fact]
    public void Every_field_rule_is_written_with_a_field_key()
    {
        var rules = Rules("field").ToList();
        var keys = Rules("fieldkeys").SelectMany(k => k.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        rules.Should().NotBeEmpty();
        keys.Should().NotBeEmpty();

        // A sanity check of the declaration; the random lines below check that the remover's answers do not change.
        foreach (var rule in rules)
        {
            keys.Should().Contain(k => rule.Contains(k, StringComparison.Ordinal), "field rule {0}", rule);
        }
    }

    /// <summary>
    /// A gate declared in the patterns (<c>fieldkeys</c>, <c>linestarts</c>) only skips work: the remover built without
    /// its declaration gives the same text and map on random chrome-like lines.
    /// </summary>
    [Theory]
    [InlineData("fieldkeys", 20261207, 10000, 14)]
    [InlineData("linestarts", 20261208, 20000, 10)]
    public void A_gate_changes_no_output_on_random_chrome_like_lines(string declaration, int seed, int rounds, int pieces)
    {
        var gated = BuiltIn.Chrome;
        var ungated = PageChromeRemover.Parse(string.Join('\n', ChromePatterns.Split('\n').Where(l => !l.StartsWith(declaration, StringComparison.Ordinal))));
        var random = new Random(seed);
        for (var round = 0; round < rounds; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomLine(random, Pieces, pieces));
            var input = MappedText.Identity(string.Join('\n', lines) + "\n正文");
            var fast = gated.Remove(input);
            var slow = ungated.Remove(input);
            fast.Text.Should().Be(slow.Text, "input {0}", input.Text);
            Enumerable.Range(0, fast.Text.Length).Select(fast.OriginalStart).Should().Equal(Enumerable.Range(0, slow.Text.Length).Select(slow.OriginalStart));
        }
    }

    [Fact]
    public void Every_line_rule_opens_with_a_declared_line_start_or_white_space()
    {
        // A sanity check of the declaration: a rule's first literal character (after optional brackets, groups and
        // \s*) is declared; the random lines above check that the remover's answers do not change.
        var starts = Rules("linestarts").SelectMany(k => k.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(k => k[0]).ToHashSet();
        starts.Should().NotBeEmpty();
        foreach (var rule in Rules("line"))
        {
            var first = rule.TrimStart('(', '[', '【', '\\', ']', '?', 's', '*');
            foreach (var alternative in first.Split('|').Take(1))
            {
                starts.Should().Contain(alternative[0], "line rule {0}", rule);
            }
        }
    }

    [Fact]
    public void Without_field_keys_the_field_rules_run_on_every_key_line()
    {
        // A custom pattern file need not declare field keys: its field rules are tested on every line with a key.
        var remover = PageChromeRemover.Parse("keys 部门\nline 部门\nfield \\s*部门电话\\S*");
        remover.Remove(MappedText.Identity("办公室 部门电话12345\n正文")).Text.Should().Be("办公室\n正文");
    }

    private static IEnumerable<string> Rules(string kind) =>
        ChromePatterns.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith(kind + " ", StringComparison.Ordinal) || l.StartsWith(kind + "\t", StringComparison.Ordinal))
            .Select(l => l[kind.Length..].Trim());

    private static string RandomLine(Random random, string[] pieces, int maxPieces)
    {
        var line = new StringBuilder();
        var count = random.Next(0, maxPieces);
        for (var k = 0; k < count; k++)
        {
            line.Append(pieces[random.Next(pieces.Length)]);
        }

        return line.ToString();
    }
}
