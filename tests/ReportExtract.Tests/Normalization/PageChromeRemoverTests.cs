using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

public class PageChromeRemoverTests
{
    private static string Remove(string text) => BuiltIn.Chrome.Remove(MappedText.Identity(text)).Text;

    [Theory]
    [InlineData("当前位置:首页")]
    [InlineData("当前位置：首页 > 政务公开 > 法治政府建设")]
    [InlineData("您现在的位置: 首页 >> 信息公开")]
    [InlineData("> 政府信息公开 > 法治政府年报 > 市级部门 > 市人民政府")]
    [InlineData("首页 > 新闻中心 > 通知公告")]
    [InlineData("字 号:")]
    [InlineData("字号：大 中 小")]
    [InlineData("【字体：大 中 小】")]
    [InlineData("字体大小")]
    [InlineData("浏览次数:")]
    [InlineData("浏览次数：1024次")]
    [InlineData("分享文章到:")]
    [InlineData("分享到：微信 微博 QQ空间")]
    [InlineData("【打印本页】【关闭窗口】")]
    [InlineData("打印本页 关闭窗口")]
    [InlineData("无障碍浏览")]
    [InlineData("无障碍 | 长辈版 | English")]
    [InlineData("简体|繁体")]
    [InlineData("简体中文 | 繁体中文")]
    [InlineData("今天是：2023年5月1日 星期一")]
    [InlineData("上一篇：关于印发2023年普法依法治理工作要点的通知")]
    [InlineData("下一篇:无")]
    [InlineData("部  门")]
    [InlineData("街  镇")]
    [InlineData("返回首页")]
    public void Drops_chrome_lines(string line)
    {
        Remove($"温岭市人民政府2021年法治政府建设年度报告\n{line}\n一、主要举措和成效\n")
            .Should().Be("温岭市人民政府2021年法治政府建设年度报告\n一、主要举措和成效\n");
    }

    [Theory]
    [InlineData("发布日期:2022-02-25 14:12 信息来源:温岭市人民政府 浏览次数:", "发布日期:2022-02-25 14:12 信息来源:温岭市人民政府")]
    [InlineData("发布时间：2023-01-01 浏览次数：256次 【打印本页】【关闭窗口】", "发布时间：2023-01-01")]
    [InlineData("来源：区司法局 字号：大 中 小 点击数：12", "来源：区司法局")]
    [InlineData("索引号:113310810026792569/2022-00223 【打印】", "索引号:113310810026792569/2022-00223")]
    public void Cuts_chrome_fields_and_keeps_the_metadata_of_the_line(string line, string kept)
    {
        Remove($"{line}\n正文").Should().Be($"{kept}\n正文");
    }

    [Theory]
    [InlineData("日期:2022-01-14")]
    [InlineData("- 索引号:")]
    [InlineData("- 文号:")]
    [InlineData("温建〔2022〕4号")]
    [InlineData("一、主要举措和成效")]
    [InlineData("(一)深入学习贯彻党的二十大精神")]
    [InlineData("分享经验做法,推广典型案例。")]
    [InlineData("老字号企业诚信经营")]
    [InlineData("关闭违法企业3家。")]
    [InlineData("今天是国家宪法日。")]
    [InlineData("上一年度存在的问题已整改完毕。")]
    [InlineData("首页设计")]
    [InlineData("部门协同,并联审批,助力项目落地提质增效。")]
    [InlineData("温岭市人民政府")]
    public void Keeps_report_lines_that_only_look_alike(string line)
    {
        var mapped = MappedText.Identity($"{line}\n正文\n");

        BuiltIn.Chrome.Remove(mapped).Should().BeSameAs(mapped);
    }

    [Fact]
    public void Removes_the_chrome_of_the_samples_and_nothing_else()
    {
        var text = Decoding.EncodingFixtures.Sample("wenling-government-2021.txt");

        var cleaned = Remove(text);

        cleaned.Should().StartWith("\n温岭市人民政府2021年法治政府建设年度报告\n\n发布日期:2022-02-25 14:12 信息来源:温岭市人民政府\n\n2021年,我市坚持");
        cleaned.Length.Should().Be(text.Length - "当前位置:首页\n> 政府信息公开 > 法治政府年报 > 市级部门 > 市人民政府\n".Length - " 浏览次数:".Length);
    }

    [Fact]
    public void Kept_text_after_a_cut_maps_to_its_original_position()
    {
        var mapped = BuiltIn.Chrome.Remove(MappedText.Identity("当前位置:首页\n发布日期:2022-02-25 浏览次数:\n正文"));

        mapped.Text.Should().Be("发布日期:2022-02-25\n正文");
        mapped.Pairs().Should().OnlyContain(p => p.Original == p.Char.ToString());
        mapped.ToOriginal(0, 4).Should().Be((8, 12));
    }

    [Fact]
    public void Rejects_a_malformed_pattern_file()
    {
        var act = () => PageChromeRemover.Parse("# comment\nkeys 当前\nline 当前位置\nblock 分享\n");

        act.Should().Throw<FormatException>().WithMessage("*line 4*");
        ((Action)(() => PageChromeRemover.Parse("keys 分享\nfield (unclosed"))).Should().Throw<FormatException>().WithMessage("*line 2*");
        ((Action)(() => PageChromeRemover.Parse("line 分享"))).Should().Throw<FormatException>().WithMessage("*keys*");
    }
}
