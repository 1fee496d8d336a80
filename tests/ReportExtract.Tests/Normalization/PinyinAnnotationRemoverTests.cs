using ReportExtract.Normalization;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests.Normalization;

public class PinyinAnnotationRemoverTests
{
    private static MappedText Remove(string text) => new PinyinAnnotationRemover().Remove(MappedText.Identity(text));

    [Theory]
    [InlineData("龍湖區(qū)城管局", "龍湖區城管局")]
    [InlineData("深入貫徹習(xí)近平法治思想", "深入貫徹習近平法治思想")]
    [InlineData("法治政府建設(shè)", "法治政府建設")]
    [InlineData("結(jié)合我局", "結合我局")]
    [InlineData("區（qū）城管", "區城管")]
    [InlineData("綠(lǜ)化", "綠化")]
    [InlineData("加強(qiáng)法治思維和依法行政能力建設(shè)", "加強法治思維和依法行政能力建設")]
    public void Removes_a_tone_marked_syllable_in_parentheses_after_a_han_character(string input, string expected) =>
        Remove(input).Text.Should().Be(expected);

    [Theory]
    [InlineData("(一)深入学习贯彻")]
    [InlineData("（一）深入学习贯彻")]
    [InlineData("實施方案》(汕府〔2023〕34號)部署")]
    [InlineData("年度报告(2021年)")]
    [InlineData("通过一楼LED(qū)大屏幕")] // after a Latin letter: not the annotation pattern
    [InlineData("龍湖區(qu)城管局")] // a lone toneless syllable: could be ordinary Latin text
    [InlineData("数据(data)、用户(user)和接口(api)")] // Latin words, not syllables of the pinyin table
    [InlineData("措施(a)、办法(b)和意见(c)")] // list letters
    [InlineData("标准(de)的说明")] // one toneless syllable alone
    [InlineData("城管局(ABC)")]
    [InlineData("城管局(xuéxíxuéxí)")] // longer than one syllable
    [InlineData("區(qū")]
    [InlineData("(qū)開頭")]
    public void Leaves_other_parentheses_alone(string input)
    {
        var mapped = MappedText.Identity(input);

        new PinyinAnnotationRemover().Remove(mapped).Should().BeSameAs(mapped);
    }

    [Theory]
    [InlineData("文(wen)章(zhang)的法(fa)治", "文章的法治")]
    [InlineData("龍湖區(qu)城(cheng)管(guan)局", "龍湖區城管局")]
    [InlineData("綠(lv)化建(jian)設(she)", "綠化建設")]
    [InlineData("執（zhi）法(fa)人員(yuan)", "執法人員")]
    [InlineData("區(qū)堅(jiān)城(cheng)管局", "區堅城管局")] // toned annotations count as evidence too
    [InlineData("區(qū)城(cheng)管局", "區城(cheng)管局")] // two in all: too little evidence for the toneless one
    public void Removes_toneless_syllables_on_a_page_that_annotates(string input, string expected) =>
        Remove(input).Text.Should().Be(expected);

    [Fact]
    public void Toneless_removal_keeps_latin_words_and_capitals_on_an_annotating_page() =>
        Remove("文(wen)章(zhang)法(fa)规在网站(GOV)和系统(system)公开").Text.Should().Be("文章法规在网站(GOV)和系统(system)公开");

    [Fact]
    public void Kept_characters_map_to_themselves_across_the_removed_annotation()
    {
        var mapped = Remove("區(qū)城");

        mapped.Pairs().Should().Equal(('區', "區"), ('城', "城"));
        mapped.ToOriginal(0, 2).Should().Be((0, 6));
    }

    [Fact]
    public void Clears_every_annotation_of_the_traditional_sample_excerpt()
    {
        // The plain fixture was made from the same excerpt by a regular expression (tools/decoding).
        var mapped = Remove(EncodingFixtures.Utf8("longhu-traditional.utf8.txt"));

        mapped.Text.Should().Be(EncodingFixtures.Utf8("longhu-traditional-plain.utf8.txt"));
        mapped.Pairs().Should().OnlyContain(p => p.Original == p.Char.ToString());
    }

    [Theory]
    [InlineData(20261208)]
    [InlineData(3)]
    public void The_next_parenthesis_is_the_one_a_vector_search_finds_from_every_position(int seed)
    {
        // Gaps short and long around the plain look's 16 units, both parentheses, and the text's end.
        const string pieces = "國家區習近平ab（(）)x 。";
        var random = new Random(seed);
        for (var round = 0; round < 3000; round++)
        {
            var chars = new char[random.Next(0, 60)];
            var density = random.Next(2, 40);
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(density) == 0 ? pieces[random.Next(pieces.Length)] : '字';
            }

            var text = new string(chars);
            for (var from = 0; from <= text.Length; from++)
            {
                var next = text.AsSpan(from).IndexOfAny('(', '（');
                PinyinAnnotationRemover.NextOpen(text, from).Should().Be(next < 0 ? -1 : from + next, "from {0} in {1}", from, text);
            }
        }
    }
}
