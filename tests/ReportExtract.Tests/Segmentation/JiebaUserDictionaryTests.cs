using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>
/// A user dictionary gives a new instance. Expected values come from Python jieba 0.42.1 with the same lines
/// loaded through <c>Tokenizer().load_userdict</c> and tagged with <c>posseg.POSTokenizer</c> over it.
/// </summary>
public sealed class JiebaUserDictionaryTests
{
    private static readonly string[] UserLines =
    [
        "行政复议案件",            // no frequency: suggest_freq decides
        "东辉北路 ns",             // a tag, no frequency
        "杭研 5 nz",
        "同比 0",                  // frequency 0: a deleted word, which the HMM may not yield whole either
        "依法行政ABC 20 nz",
        "温岭 市",                 // "市" is no [a-z] tag, so the word is "温岭 市"
        "  百分点 3 q  ",
    ];

    private static readonly JiebaSegmenter User = BuiltIn.Segmenter.WithUserDictionary(UserLines);

    private static string Cut(JiebaSegmenter s, string text, bool hmm = true) =>
        string.Join(" | ", s.Cut(text, hmm).Select(t => text.Substring(t.Start, t.Length)));

    private static string Tag(JiebaSegmenter s, string text) =>
        string.Join(" ", s.Tag(text).Select(t => text.Substring(t.Start, t.Length) + "/" + t.Tag));

    [Theory]
    [InlineData("他来到了网易杭研大厦", "他 | 来到 | 了 | 网易 | 杭研 | 大厦", "他 | 来到 | 了 | 网易 | 杭研 | 大厦", "他/r 来到/v 了/ul 网易/n 杭研/nz 大厦/n")]
    [InlineData("地址：温岭市东辉北路，电话0576", "地址 | ： | 温岭市 | 东辉北路 | ， | 电话 | 0576", "地址 | ： | 温岭市 | 东辉北路 | ， | 电话 | 0576", "地址/n ：/x 温岭市/ns 东辉北路/ns ，/x 电话/n 0576/m")]
    [InlineData("行政复议案件数同比下降3.2个百分点", "行政复议案件 | 数同 | 比 | 下降 | 3.2 | 个 | 百分点", "行政复议案件 | 数 | 同 | 比 | 下降 | 3 | . | 2 | 个 | 百分点", "行政复议案件/x 数/m 同比/j 下降/v 3.2/m 个/m 百分点/q")]
    [InlineData("依法行政ABC-123号文件", "依法行政ABC | - | 123 | 号 | 文件", "依法行政ABC | - | 123 | 号 | 文件", "依法行政ABC/nz -/x 123/m 号/m 文件/n")]
    [InlineData("同比增长", "同 | 比 | 增长", "同 | 比 | 增长", "同比/j 增长/v")]
    public void User_dictionary_instance_segments_as_jieba_with_load_userdict(string text, string cut, string cutNoHmm, string tag)
    {
        Cut(User, text).Should().Be(cut);
        Cut(User, text, hmm: false).Should().Be(cutNoHmm);
        Tag(User, text).Should().Be(tag);
    }

    [Fact]
    public void The_default_instance_is_unchanged()
    {
        Cut(BuiltIn.Segmenter, "行政复议案件数同比下降3.2个百分点").Should().Be("行政复议 | 案件 | 数 | 同比 | 下降 | 3.2 | 个 | 百分点");
        Cut(BuiltIn.Segmenter, "他来到了网易杭研大厦", hmm: false).Should().Be("他 | 来到 | 了 | 网易 | 杭 | 研 | 大厦");
        Tag(BuiltIn.Segmenter, "依法行政ABC").Should().Be("依法行政/n ABC/eng");
        User.Should().NotBeSameAs(BuiltIn.Segmenter);
    }

    [Fact]
    public void Frequencies_and_total_follow_add_word()
    {
        var lexicon = User.Lexicon;
        lexicon.FrequencyOf("行政复议案件").Should().Be(1);
        lexicon.FrequencyOf("东辉北路").Should().Be(1);
        lexicon.FrequencyOf("杭研").Should().Be(5);
        lexicon.FrequencyOf("同比").Should().Be(0);
        lexicon.FrequencyOf("温岭 市").Should().Be(1);
        lexicon.Total.Should().Be(60101998);
        BuiltIn.Segmenter.Lexicon.Total.Should().Be(60101967);
    }

    [Fact]
    public void A_user_instance_can_be_extended_again_without_changing_itself()
    {
        var more = User.WithUserDictionary(["数同比 100 n"]);
        Cut(more, "数同比").Should().Be("数同比");
        Cut(User, "数同比").Should().Be("数同 | 比");
    }

    [Fact]
    public void A_multi_line_string_and_blank_lines_read_as_a_file_would()
    {
        var fromText = BuiltIn.Segmenter.WithUserDictionary([string.Join("\r\n", UserLines) + "\n\n"]);
        const string text = "行政复议案件数同比下降3.2个百分点，东辉北路";
        fromText.Tag(text).Should().Equal(User.Tag(text));
        fromText.Cut(text).Should().Equal(User.Cut(text));
    }

    [Fact]
    public void An_oversized_frequency_is_refused_with_the_line_number()
    {
        var act = () => BuiltIn.Segmenter.WithUserDictionary(["杭研 5", "大厦 99999999999"]);
        act.Should().Throw<FormatException>().WithMessage("*line 2*");
    }
}
