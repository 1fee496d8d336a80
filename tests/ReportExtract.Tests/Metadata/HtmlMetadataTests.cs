using System.Text;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metadata;

/// <summary>Metadata of HTML pages through the whole pipeline: what the page's markup gives the metadata finders.</summary>
public sealed class HtmlMetadataTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    private static ReportRecord Extracted(string html)
    {
        var result = Pipeline.Extract("page.html", Encoding.UTF8.GetBytes(html));
        result.Record.Should().NotBeNull(result.Error);
        return result.Record!;
    }

    [Fact]
    public void The_page_title_is_the_title_when_the_body_has_no_title_line()
    {
        var record = Extracted(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某县林业局2022年度法治政府建设情况报告_某某县人民政府网</title></head>"
            + "<body><div class=\"content\"><p>2022年,县林业局坚持依法行政。</p><p>一、主要举措和成效</p><p>全年办理行政处罚案件12件。</p></div></body></html>");

        record.Title.Should().Be("某某县林业局2022年度法治政府建设情况报告");
        record.Organization.Should().Be("某某县林业局");
        record.ReportYear.Should().Be(2022);
    }

    [Fact]
    public void The_body_title_line_is_kept_when_the_page_title_names_no_report()
    {
        var record = Extracted(
            "<html><head><title>某某市人民政府门户网站</title></head><body>"
            + "<h1>某某市民政局2023年度法治政府建设年度报告</h1><p>2023年,市民政局坚持依法行政。</p><p>一、主要举措和成效</p></body></html>");

        record.Title.Should().Be("某某市民政局2023年度法治政府建设年度报告");
    }

    [Fact]
    public void Labels_in_adjacent_inline_elements_are_read_apart()
    {
        var record = Extracted(
            "<html><head><title>某某区审计局2021年政府信息公开工作年度报告</title></head><body>"
            + "<div class=\"info\"><span>来源:某某区审计局</span><span>发布日期:2022-01-25</span><span>浏览次数:31</span></div>"
            + "<div><span>发布时间:2022-01-26 10:05</span><span>来源:某某区人民政府办公室</span></div>"
            + "<p>一、总体情况</p><p>2021年,主动公开政府信息35条。</p></body></html>");

        record.PublishedDate.Should().Be(new DateOnly(2022, 1, 25));
        record.Organization.Should().Be("某某区审计局");
    }

    [Fact]
    public void A_short_label_after_a_date_in_the_element_before_is_read()
    {
        var record = Extracted(
            "<html><body><div><span>发布时间:2022-03-01 09:30</span><span>来源:某某镇人民政府</span></div>"
            + "<p>一、总体情况</p><p>全年主动公开政府信息35条。</p></body></html>");

        record.PublishedDate.Should().Be(new DateOnly(2022, 3, 1));
        record.Organization.Should().Be("某某镇人民政府");
    }
}
