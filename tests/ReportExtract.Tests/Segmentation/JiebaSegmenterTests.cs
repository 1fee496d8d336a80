using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>Hand-written cases: tokens and UTF-16 offsets; expected values are what Python jieba 0.42.1 prints.</summary>
public sealed class JiebaSegmenterTests
{
    private static readonly JiebaSegmenter Segmenter = BuiltIn.Segmenter;

    private static WordToken[] Tokens(params (int Start, int Length)[] tokens) =>
        tokens.Select(t => new WordToken(t.Start, t.Length)).ToArray();

    private static string[] Words(string text, IEnumerable<WordToken> tokens) =>
        tokens.Select(t => text.Substring(t.Start, t.Length)).ToArray();

    [Fact]
    public void Full_width_digits_are_single_tokens_outside_jieba_blocks()
    {
        const string text = "２０２１年全年共办理行政复议案件１２３件";
        var tokens = Segmenter.Cut(text);
        tokens.Should().Equal(Tokens((0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (7, 1), (8, 2), (10, 4), (14, 2), (16, 1), (17, 1), (18, 1), (19, 1)));
        Words(text, tokens).Should().Equal("２", "０", "２", "１", "年", "全年", "共", "办理", "行政复议", "案件", "１", "２", "３", "件");
        Segmenter.Tag(text).Select(t => t.Tag).Should().Equal("x", "x", "x", "x", "m", "m", "d", "n", "n", "n", "x", "x", "x", "zg");
    }

    [Fact]
    public void Ideographic_space_is_its_own_token()
    {
        const string text = "一、\u3000主要工作\u3000成效";
        Segmenter.Cut(text).Should().Equal(Tokens((0, 1), (1, 1), (2, 1), (3, 2), (5, 2), (7, 1), (8, 2)));
        Segmenter.Tag(text).Should().Equal(
            new TaggedToken(0, 1, "m"), new TaggedToken(1, 1, "x"), new TaggedToken(2, 1, "x"), new TaggedToken(3, 2, "b"),
            new TaggedToken(5, 2, "vn"), new TaggedToken(7, 1, "x"), new TaggedToken(8, 2, "a"));
    }

    [Fact]
    public void Mixed_latin_digits_and_han()
    {
        const string text = "收到iPhone15和5G基站建设资金3.5亿元";
        var tokens = Segmenter.Cut(text);
        tokens.Should().Equal(Tokens((0, 2), (2, 8), (10, 1), (11, 2), (13, 2), (15, 2), (17, 2), (19, 3), (22, 2)));
        Words(text, tokens).Should().Equal("收到", "iPhone15", "和", "5G", "基站", "建设", "资金", "3.5", "亿元");
        Words(text, Segmenter.Cut(text, hmm: false)).Should().Equal("收到", "iPhone15", "和", "5G", "基站", "建设", "资金", "3", ".", "5", "亿元");
        Segmenter.Tag(text).Select(t => text.Substring(t.Start, t.Length) + "/" + t.Tag).Should().Equal(
            "收到/v", "iPhone15/eng", "和/c", "5/m", "G/eng", "基站/n", "建设/vn", "资金/n", "3.5/m", "亿元/m");
    }

    [Fact]
    public void Percentages_stay_whole_with_the_hmm()
    {
        const string text = "结案率达100%，同比增长12.5%";
        Segmenter.Cut(text).Should().Equal(Tokens((0, 3), (3, 1), (4, 4), (8, 1), (9, 2), (11, 2), (13, 5)));
        Words(text, Segmenter.Cut(text, hmm: false)).Should().Equal("结案率", "达", "100", "%", "，", "同比", "增长", "12", ".", "5", "%");
        Segmenter.Tag(text).Select(t => text.Substring(t.Start, t.Length) + "/" + t.Tag).Should().Equal(
            "结案率/n", "达/v", "100/m", "%/x", "，/x", "同比/j", "增长/v", "12.5/m", "%/x");
    }

    [Fact]
    public void Thousands_separators_and_wan_amounts()
    {
        const string text = "全年罚没款1,234.5元，涉及金额29.91万元";
        var tokens = Segmenter.Cut(text);
        tokens.Should().Equal(Tokens((0, 2), (2, 3), (5, 1), (6, 1), (7, 5), (12, 1), (13, 1), (14, 2), (16, 2), (18, 5), (23, 2)));
        Words(text, tokens).Should().Equal("全年", "罚没款", "1", ",", "234.5", "元", "，", "涉及", "金额", "29.91", "万元");
        Segmenter.Tag(text).Select(t => t.Tag).Should().Equal("m", "v", "x", "x", "m", "m", "x", "v", "n", "m", "m");
    }

    [Fact]
    public void Hyphenated_codes_and_phone_numbers()
    {
        const string code = "依法行政ABC-123号文件";
        Words(code, Segmenter.Cut(code)).Should().Equal("依法行政", "ABC", "-", "123", "号", "文件");
        Segmenter.Tag(code).Select(t => t.Tag).Should().Equal("n", "eng", "x", "m", "m", "n");

        const string phone = "地址：温岭市东辉北路，电话0576-86123456";
        Segmenter.Cut(phone).Should().Equal(Tokens((0, 2), (2, 1), (3, 3), (6, 2), (8, 2), (10, 1), (11, 2), (13, 4), (17, 1), (18, 8)));
        Words(phone, Segmenter.Cut(phone, hmm: false)).Should().Equal("地址", "：", "温岭市", "东", "辉", "北路", "，", "电话", "0576", "-", "86123456");
        Segmenter.Tag(phone).Select(t => t.Tag).Should().Equal("n", "x", "ns", "nr", "ns", "x", "n", "m", "x", "m");
    }

    [Fact]
    public void A_character_outside_the_bmp_is_one_token_of_two_utf16_units()
    {
        const string text = "𠮷野家在温岭";
        Segmenter.Cut(text).Should().Equal(Tokens((0, 2), (2, 2), (4, 1), (5, 2)));
        Segmenter.Cut(text, hmm: false).Should().Equal(Tokens((0, 2), (2, 1), (3, 1), (4, 1), (5, 2)));
        Segmenter.Tag(text).Should().Equal(new TaggedToken(0, 2, "x"), new TaggedToken(2, 2, "n"), new TaggedToken(4, 1, "p"), new TaggedToken(5, 2, "ns"));
    }

    [Fact]
    public void The_hmm_finds_words_the_dictionary_lacks()
    {
        const string text = "他来到了网易杭研大厦";
        Words(text, Segmenter.Cut(text)).Should().Equal("他", "来到", "了", "网易", "杭研", "大厦");
        Words(text, Segmenter.Cut(text, hmm: false)).Should().Equal("他", "来到", "了", "网易", "杭", "研", "大厦");
        Segmenter.Tag(text).Select(t => text.Substring(t.Start, t.Length) + "/" + t.Tag).Should().Equal(
            "他/r", "来到/v", "了/ul", "网易/n", "杭/j", "研/vn", "大厦/n");
    }

    [Fact]
    public void Empty_text_and_line_breaks()
    {
        Segmenter.Cut(string.Empty).Should().BeEmpty();
        Segmenter.Tag(string.Empty).Should().BeEmpty();
        Segmenter.Cut("工作\r\n成效\n").Should().Equal(Tokens((0, 2), (2, 2), (4, 2), (6, 1)));
    }

    [Fact]
    public void Embedded_resource_is_present_under_its_documented_name()
    {
        typeof(JiebaSegmenter).Assembly.GetManifestResourceNames().Should().Contain("ReportExtract.Resources.Jieba/jieba.dict.bin");
    }
}
