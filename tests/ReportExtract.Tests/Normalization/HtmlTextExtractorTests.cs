using System.Net;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

public class HtmlTextExtractorTests
{
    private static MappedText Extract(string html) => new HtmlTextExtractor().Extract(MappedText.Identity(html));

    [Fact]
    public void Block_elements_become_line_breaks_and_inline_ones_do_not()
    {
        var mapped = Extract("<html><body><h1>温岭市人民政府</h1><div><p>一、主要<b>举措</b>和成效</p><p>（一）持续做好<br>统领文章</p></div></body></html>");

        mapped.Text.Should().Be("温岭市人民政府\n一、主要举措和成效\n（一）持续做好\n统领文章");

        // Inserted breaks stand for no source text; they sit at the tag that caused them.
        var br = mapped.Text.IndexOf("\n统", StringComparison.Ordinal);
        mapped.ToOriginal(br, br + 1).Should().Be((66, 66));
    }

    [Fact]
    public void Table_rows_become_pipe_separated_lines()
    {
        var mapped = Extract("<p>统计如下：</p><table><tr><th>项目</th><th> 数量 </th></tr>\n<tr><td><p>行政处罚</p></td><td>56件</td></tr></table><p>完</p>");

        mapped.Text.Should().Be("统计如下：\n项目|数量\n行政处罚|56件\n完");
    }

    [Fact]
    public void Layout_tables_keep_the_lines_of_their_cells()
    {
        var mapped = Extract(
            "<table><tr><td><a href=\"/\">首页</a></td><td>政务公开</td></tr>" +
            "<tr><td width=\"20%\">栏目</td><td><h1>温岭市人民政府2021年法治政府建设年度报告</h1><p>一、主要举措和成效</p><p>（一）持续做好统领文章。</p>" +
            "<table><tr><td>案件</td><td>56件</td></tr></table></td></tr></table>");

        mapped.Text.Should().Be("首页|政务公开\n栏目\n温岭市人民政府2021年法治政府建设年度报告\n一、主要举措和成效\n（一）持续做好统领文章。\n案件|56件");
    }

    [Fact]
    public void Entities_are_decoded_and_map_to_the_whole_entity()
    {
        const string html = "<p>A&amp;B&nbsp;C&#x4E00;&#19968;&copy 《条例》&lt;</p>";
        var mapped = Extract(html);

        mapped.Text.Should().Be("A&B\u00A0C一一© 《条例》<");
        mapped.Pairs().Should().Equal(
            ('A', "A"), ('&', "&amp;"), ('B', "B"), ('\u00A0', "&nbsp;"), ('C', "C"), ('一', "&#x4E00;"), ('一', "&#19968;"),
            ('©', "&copy"), (' ', " "), ('《', "《"), ('条', "条"), ('例', "例"), ('》', "》"), ('<', "&lt;"));
    }

    [Fact]
    public void Head_scripts_styles_and_comments_are_dropped_but_the_title_is_the_first_line()
    {
        var mapped = Extract(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>标题</title><style>p{color:red}</style></head><body>" +
            "<script>var s = '<p>假文字</p>';</script><p>真<!-- 注释 -->文字</p><noscript>请启用脚本</noscript><p>结束</p></body></html>");

        mapped.Text.Should().Be("标题\n真文字\n结束");
        mapped.Pairs().Should().OnlyContain(p => p.Original == p.Char.ToString() || (p.Char == '\n' && p.Original.Length == 0));
    }

    [Fact]
    public void Whitespace_runs_collapse_to_one_space_that_maps_to_the_run()
    {
        const string html = "<div>\r\n  法治\r\n  政府  </div>";
        var mapped = Extract(html);

        mapped.Text.Should().Be("法治 政府");
        mapped.OriginalOf(2).Should().Be("\r\n  ");
    }

    [Fact]
    public void Every_character_maps_into_the_html_source()
    {
        var body = string.Join("", Decoding.EncodingFixtures.Sample("bishan-planning-resources-2023.txt")
            .Split('\n').Select(l => $"<p style=\"text-indent:2em\">\r\n{WebUtility.HtmlEncode(l)}</p>\r\n"));
        var html = $"<html><head><meta charset=\"utf-8\"><script>document.write('<p>x</p>')</script></head><body><div class=\"content\">{body}</div></body></html>";

        var mapped = Extract(html);

        mapped.Text.Should().Be(Decoding.EncodingFixtures.Sample("bishan-planning-resources-2023.txt").Replace("\n\n", "\n", StringComparison.Ordinal).Trim('\n'));
        foreach (var (c, original) in mapped.Pairs())
        {
            var decoded = WebUtility.HtmlDecode(original);
            (decoded == c.ToString() || (c == ' ' && string.IsNullOrWhiteSpace(original)) || (c == '\n' && original.Length == 0)).Should().BeTrue($"'{c}' came from '{original}'");
        }
    }

    [Fact]
    public void One_extractor_serves_many_threads()
    {
        var extractor = new HtmlTextExtractor();
        var pages = Enumerable.Range(0, 8)
            .Select(i => $"<html><body><h1>报告{i}</h1>{string.Concat(Enumerable.Repeat($"<p>第{i}段&nbsp;内容</p><table><tr><td>{i}</td><td>件</td></tr></table>", 200))}</body></html>")
            .ToArray();
        var expected = pages.Select(p => extractor.Extract(MappedText.Identity(p)).Text).ToArray();

        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => extractor.Extract(MappedText.Identity(pages[i % 8])).Text).ToArray();

        results.Should().Equal(Enumerable.Range(0, 64).Select(i => expected[i % 8]));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>x</body></html>", true)]
    [InlineData("  \r\n<html lang=\"zh\">", true)]
    [InlineData("<div class=\"article\"><p>正文</p></div>", true)]
    [InlineData("<p>正文</p>", true)]
    [InlineData("温岭市人民政府<p>", false)]
    [InlineData("《条例》<2023>", false)]
    [InlineData("<一>总体情况", false)]
    public void Recognizes_markup_by_its_opening_tags(string text, bool markup) =>
        HtmlTextExtractor.LooksLikeMarkup(text).Should().Be(markup);
}
