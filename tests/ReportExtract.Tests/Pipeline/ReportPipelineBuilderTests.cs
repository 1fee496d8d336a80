using System.Text;
using ReportExtract.Model;
using ReportExtract.Sections;

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
    public void A_stage_given_as_null_is_refused()
    {
        var use = () => new ReportPipelineBuilder().UseSectionSplitter(null!);

        use.Should().Throw<ArgumentNullException>();
    }
}
