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
