using System.Text;

namespace ReportExtract.Tests.Metrics;

/// <summary>The metric stage inside <see cref="ReportPipeline"/>: catalog option, warnings, mapped spans.</summary>
public sealed class MetricPipelineTests
{
    [Fact]
    public void The_pipeline_records_metrics_indicators_and_table_warnings()
    {
        const string text = "2021年,我局处理行政处罚案件32件,涉及金额539万元。\n类别|数量\n行政处罚|12 5 7\n";
        var result = ReportPipeline.Create().Extract("report.txt", Encoding.UTF8.GetBytes(text));

        var record = result.Record!;
        record.Metrics.Select(m => m.Text).Should().Equal("32件", "539万元");
        foreach (var metric in record.Metrics)
        {
            text[metric.Span.Start..metric.Span.End].Should().Be(metric.Text);
        }

        record.Warnings.Should().ContainSingle(w => w.Contains("run together", StringComparison.Ordinal));
        record.Indicators.Get("penalty_cases").Should().Be(32);
        record.Indicators.Get("penalty_amount").Should().Be(5_390_000);
    }

    [Fact]
    public void Html_tables_of_a_disclosure_report_reach_the_metric_stage_as_rows()
    {
        // The shape of the 政府信息公开工作年度报告 tables as sites publish them: stacked tables under their own header
        // rows, and an applicant table whose header cells span rows and columns: expanded, every cell lines up.
        const string html = """
            <html><body><p>一、总体情况</p><p>全年共受理政府信息公开申请31件，较上年增长6.9%。</p>
            <p>二、主动公开政府信息情况</p>
            <table>
            <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
            <tr><td>行政规范性文件</td><td>7</td><td>1</td><td>38</td></tr>
            <tr><td>信息内容</td><td>本年处理决定数量</td></tr>
            <tr><td>行政许可</td><td>964</td></tr>
            </table>
            <p>三、收到和处理政府信息公开申请情况</p>
            <table>
            <tr><td rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            <tr><td>一、本年新收政府信息公开申请数量</td><td>29</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>31</td></tr>
            </table></body></html>
            """;
        var result = ReportPipeline.Create().Extract("report.html", Encoding.UTF8.GetBytes(html));

        var record = result.Record!;
        var table = record.Metrics.Where(m => m.Table == true).Select(m => $"{m.Subject}={m.Value}{m.Unit}:{m.Indicator}");
        table.Should().Equal(
            "行政规范性文件本年制发件数=7件:normative_documents",
            "行政规范性文件本年废止件数=1件:normative_documents",
            "行政规范性文件现行有效件数=38件:normative_documents",
            "行政许可本年处理决定数量=964件:licensing_items",
            "本年新收政府信息公开申请数量（自然人）=29件:",
            "本年新收政府信息公开申请数量（商业企业）=2件:",
            "本年新收政府信息公开申请数量（科研机构）=0件:",
            "本年新收政府信息公开申请数量（社会公益组织）=0件:",
            "本年新收政府信息公开申请数量（法律服务机构）=0件:",
            "本年新收政府信息公开申请数量（法人或其他组织其他）=0件:",
            "本年新收政府信息公开申请数量总计=31件:info_requests");
        record.Metrics.Single(m => m.Text == "6.9%").Subject.Should().Be(record.Metrics.Single(m => m.Text == "31件").Subject);
        var natural = record.Metrics.Single(m => m.Text == "29");
        natural.Row.Should().Be("一、本年新收政府信息公开申请数量");
        natural.Column.Should().Be("申请人情况 / 自然人");
        html.Substring(natural.Span.Start, natural.Span.End - natural.Span.Start).Should().Be("29", "a cell's span is its digits in the HTML");
        record.Metrics.Single(m => m.Text == "2").Column.Should().Be("申请人情况 / 法人或其他组织 / 商业企业");
        record.Warnings.Should().BeEmpty("the spans expanded, every row lines up with its header");
        foreach (var metric in record.Metrics)
        {
            metric.Span.End.Should().BeLessThanOrEqualTo(html.Length);
        }
    }

    [Fact]
    public void A_bad_catalog_option_fails_when_the_pipeline_is_built()
    {
        var path = Path.Combine(Path.GetTempPath(), "reportx-bad-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "[]");
        var act = () => ReportPipeline.Create(new ExtractOptions(CatalogPath: path));
        act.Should().Throw<InvalidDataException>().Where(e => e.Message.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_catalog_option_adds_its_ids_to_the_pipeline()
    {
        var path = Path.Combine(Path.GetTempPath(), "reportx-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"indicators": [{"id": "drills", "kinds": ["count"], "units": ["次"], "rules": [{"subject": ["演练"]}]}]}""");
        var pipeline = ReportPipeline.Create(new ExtractOptions(CatalogPath: path));
        pipeline.Catalog.Ids[^1].Should().Be("drills");
        var record = pipeline.Extract("r.txt", Encoding.UTF8.GetBytes("全年开展应急演练6次。")).Record!;
        record.Metrics.Should().ContainSingle().Which.Indicator.Should().Be("drills");
    }
}
