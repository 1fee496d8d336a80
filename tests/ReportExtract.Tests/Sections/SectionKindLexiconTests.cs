using ReportExtract.Model;
using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>The section-kind lexicon: rule order decides, custom lexicons replace the built-in one, bad data says where it is wrong.</summary>
public sealed class SectionKindLexiconTests
{
    [Theory]
    [InlineData("2021年推进法治政府建设的主要举措和成效", SectionKind.Achievements)]
    [InlineData("存在的不足和原因", SectionKind.Shortcomings)]
    [InlineData("党政主要负责人履行推进法治建设第一责任人职责情况", SectionKind.Leadership)]
    [InlineData("2024年推进法治政府建设的工作思路、目标举措", SectionKind.Plans)]
    [InlineData("存在问题及下一步打算", SectionKind.Shortcomings)]
    [InlineData("着力解决群众反映强烈的问题", SectionKind.Shortcomings)]
    [InlineData("其他需要报告的事项", SectionKind.Other)]
    public void Built_in_rules_classify_titles(string title, SectionKind expected) =>
        BuiltIn.SectionKinds.Classify(title).Should().Be(expected);

    [Fact]
    public void A_custom_lexicon_replaces_the_built_in_rules()
    {
        var splitter = new SectionSplitter(new SectionKindLexicon([(SectionKind.Plans, "展望")]));
        var sections = splitter.Split("一、回顾\n二、展望");

        sections.Select(s => s.Kind).Should().Equal(SectionKind.Achievements, SectionKind.Plans);
    }

    [Theory]
    [InlineData("ReportExtract.Resources.Sections/section-kinds.txt")]
    [InlineData("ReportExtract.Resources.Sections/trailing-chrome.txt")]
    [InlineData("ReportExtract.Resources.Metadata/labels.txt")]
    [InlineData("ReportExtract.Resources.Metadata/organizations.txt")]
    [InlineData("ReportExtract.Resources.Metadata/titles.txt")]
    public void Lexicons_ship_inside_the_assembly(string name) =>
        typeof(SectionSplitter).Assembly.GetManifestResourceNames().Should().Contain(name);

    [Fact]
    public void A_malformed_rule_names_itself()
    {
        var parse = () => SectionKindLexicon.Parse(["victories\t成效"]).ToList();

        parse.Should().Throw<FormatException>().WithMessage("*victories*");
    }
}
