using System.Text;
using ReportExtract.Model;
using ReportExtract.Sections;
using ReportExtract.Tables;

namespace ReportExtract.Tests.Pipeline;

/// <summary>The pipeline built in the open: shared data, stages built once, and a stage or a lexicon swapped by the caller.</summary>
public sealed class ReportPipelineBuilderTests
{
    // A constructed report: three top-level parts whose kinds the built-in lexicon knows.
    private static readonly byte[] Report = Encoding.UTF8.GetBytes(
        "某县司法局2024年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政复议案件23件。\n二、存在的不足\n队伍建设仍需加强。\n三、下一步工作计划\n继续推进。\n");

    [Fact]
    public void The_shortcut_and_the_builder_make_the_same_record()
    {
        var viaShortcut = ReportPipeline.Create().Extract("r.txt", Report).Record!;
        var viaBuilder = new ReportPipelineBuilder().UseSegmenter(BuiltIn.Segmenter).Build().Extract("r.txt", Report).Record!;

        ReportJson.Serialize(viaBuilder, indented: false).Should().Be(ReportJson.Serialize(viaShortcut, indented: false));
        viaBuilder.Sections.Select(s => s.Kind).Should().Equal(SectionKind.Achievements, SectionKind.Shortcomings, SectionKind.Plans);
    }

    [Fact]
    public void A_swapped_section_lexicon_names_the_sections()
    {
        var kinds = new SectionKindLexicon([(SectionKind.Plans, "成效"), (SectionKind.Leadership, "不足")]);
        var pipeline = new ReportPipelineBuilder().UseSegmenter(BuiltIn.Segmenter).UseSectionKinds(kinds).Build();

        var record = pipeline.Extract("r.txt", Report).Record!;

        record.Sections.Select(s => s.Kind).Should().Equal(SectionKind.Plans, SectionKind.Leadership, SectionKind.Other);
    }

    [Fact]
    public void A_swapped_stage_replaces_the_standard_one()
    {
        var kinds = new SectionKindLexicon([(SectionKind.Shortcomings, "工作计划")]);
        var pipeline = new ReportPipelineBuilder().UseSegmenter(BuiltIn.Segmenter).UseSectionSplitter(new SectionSplitter(kinds)).Build();

        var record = pipeline.Extract("r.txt", Report).Record!;

        // Unnamed parts before the shortcomings are the achievements (see SectionSplitter.AssignKinds).
        record.Sections.Select(s => s.Kind).Should().Equal(SectionKind.Achievements, SectionKind.Achievements, SectionKind.Shortcomings);
    }

    [Fact]
    public void One_catalog_serves_the_metric_and_form_stages_and_the_summary()
    {
        var builder = new ReportPipelineBuilder().UseSegmenter(BuiltIn.Segmenter).UseCatalog(BuiltIn.Catalog).UseForms(BuiltIn.Forms);

        var pipeline = builder.Build();

        pipeline.Catalog.Should().BeSameAs(builder.Catalog).And.BeSameAs(BuiltIn.Catalog);
        pipeline.Forms.Should().BeSameAs(BuiltIn.Forms);
        pipeline.Extract("r.txt", Report).Record!.Indicators.Should().NotBeNull();
    }

    [Fact]
    public void Swapped_table_words_are_the_ones_the_table_readers_know()
    {
        // A constructed table whose unit header brackets a unit behind a label word the built-in list lacks (金额（计价：万元）).
        var report = Encoding.UTF8.GetBytes(
            "某县财政局2023年部门决算公开报告\n一、主要情况\n表1 资金使用情况统计表\n项目|金额（计价：万元）\n专项资金|350\n培训经费|42\n");
        string[][] rows = [["placeholder", "无"], ["total", "合计"], ["unit-label", "单位"], ["unit-label", "计价"], ["year-suffix", "年"]];

        var standard = new ReportPipelineBuilder().UseSegmenter(BuiltIn.Segmenter).Build().Extract("t.txt", report).Record!;
        var swapped = new ReportPipelineBuilder().UseSegmenter(BuiltIn.Segmenter).UseTableWords(new TableWords(rows)).Build().Extract("t.txt", report).Record!;

        // The built-in words leave the bracket unread (no unit: bare counts); the swapped ones read 万元 behind 计价.
        standard.Metrics.Select(m => (m.Kind, m.Value, m.Unit)).Should().Equal((MetricKind.Count, 350, ""), (MetricKind.Count, 42, ""));
        swapped.Metrics.Select(m => (m.Kind, m.Value, m.Unit, m.Row)).Should().Equal(
            (MetricKind.Amount, 3_500_000, "元", "专项资金"), (MetricKind.Amount, 420_000, "元", "培训经费"));
    }

    [Fact]
    public void A_stage_given_as_null_is_refused()
    {
        var use = () => new ReportPipelineBuilder().UseSectionSplitter(null!);

        use.Should().Throw<ArgumentNullException>();
    }
}
