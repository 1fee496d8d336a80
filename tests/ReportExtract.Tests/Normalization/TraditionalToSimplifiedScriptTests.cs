using System.Text;
using ReportExtract.Model;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>Script detection and the simplify policy for simplified, traditional and mixed text.</summary>
public sealed class TraditionalToSimplifiedScriptTests
{
    private static readonly TraditionalToSimplifiedConverter Converter = BuiltIn.Converter;

    [Theory]
    [InlineData("", ScriptKind.None)]
    [InlineData("Annual report 2023, §3 (a).\r\n", ScriptKind.None)]
    [InlineData("ＡＢＣ１２３，。", ScriptKind.None)]
    [InlineData("中文大小", ScriptKind.Simplified)] // Han, but the same in both scripts
    [InlineData("𠀀", ScriptKind.Simplified)] // Ext-B Han that neither dictionary knows
    [InlineData("国家", ScriptKind.Simplified)]
    [InlineData("國家", ScriptKind.Traditional)]
    [InlineData("臺灣颱風", ScriptKind.Traditional)]
    [InlineData("𩀨", ScriptKind.Traditional)] // a traditional-only supplementary character
    [InlineData("𫕚", ScriptKind.Simplified)] // its simplified form, also supplementary
    [InlineData("台风后的天台", ScriptKind.Simplified)] // 台/后 exist in both scripts; 风 decides
    [InlineData("群峰", ScriptKind.Simplified)] // Taiwan's standard forms: no evidence either way
    [InlineData("群眾登上山峰", ScriptKind.Traditional)] // so they do not outvote 眾
    [InlineData("乾安县", ScriptKind.Simplified)] // 乾 is both a traditional and a simplified character
    [InlineData("這是国家", ScriptKind.Mixed)]
    [InlineData("我们参观了臺北故宫", ScriptKind.Mixed)] // too short to outvote one name
    public void DetectScript_cases(string text, ScriptKind expected) =>
        Converter.DetectScript(text).Should().Be(expected);

    [Fact]
    public void Simplified_report_quoting_traditional_names_stays_simplified_and_unchanged()
    {
        var report = Sample("wenling-government-2021.txt");
        var quoted = report.Insert(report.Length / 2, "（參見臺北市政府與香港藝術館的「國際經驗」）");
        Converter.DetectScript(quoted).Should().Be(ScriptKind.Simplified);
        var (text, script) = Converter.Simplify(quoted);
        script.Should().Be(ScriptKind.Simplified);
        text.Text.Should().Be(quoted);
    }

    [Fact]
    public void Traditional_report_with_stray_simplified_characters_stays_traditional()
    {
        var report = Sample("longhu-urban-management-2023-traditional.txt");
        var stray = report.Insert(report.Length / 3, "国务院").Insert(report.Length / 2, "这");
        Converter.DetectScript(stray).Should().Be(ScriptKind.Traditional);
        Converter.Simplify(stray).Text.Text.Should().Be(Converter.Convert(stray));
    }

    [Fact]
    public void Conversion_of_simplified_text_is_left_to_the_policy()
    {
        // OpenCC itself takes 乾 for a traditional 干; Simplify keeps simplified text as it is.
        Converter.Convert("乾安县").Should().Be("干安县");
        Converter.Simplify("乾安县").Text.Text.Should().Be("乾安县");
    }

    [Theory]
    [InlineData("我们参观了臺北故宫。這是一個傳統的國家。", "我们参观了臺北故宫。这是一个传统的国家。")]
    [InlineData("這是國家。乾燥。这是国家。", "这是国家。干燥。这是国家。")] // the undecided sentence follows the one before
    [InlineData("这是国家。乾燥。這是國家。", "这是国家。乾燥。这是国家。")]
    [InlineData("乾燥。這是國家。这是国家", "干燥。这是国家。这是国家")] // at the start, follow the first decided one
    [InlineData("这是国家\n這是國家\r\n这里", "这是国家\n这是国家\r\n这里")]
    public void Mixed_text_converts_only_traditional_sentences(string input, string expected)
    {
        var (text, script) = Converter.Simplify(input);
        script.Should().Be(ScriptKind.Mixed);
        text.Text.Should().Be(expected);
        TraditionalToSimplifiedMappingTests.ShouldBeSoundMap(text, input);
    }

    [Fact]
    public void Mixed_document_keeps_the_simplified_part_and_converts_the_traditional_part_like_opencc()
    {
        var simplified = string.Join('\n', Sample("wenling-housing-bureau-2021.txt").Split('\n').Take(40)) + "\n";
        var traditionalLines = Sample("longhu-urban-management-2023-traditional.txt").Split('\n');
        // Start the traditional part at a line that shows it is traditional, so no sentence inherits "keep".
        var first = Array.FindIndex(traditionalLines, l => Converter.DetectScript(l) == ScriptKind.Traditional);
        var traditional = string.Join('\n', traditionalLines.Skip(first).Take(60));
        var input = simplified + traditional;

        var (text, script) = Converter.Simplify(input);

        script.Should().Be(ScriptKind.Mixed);
        text.Text.Should().StartWith(simplified);
        OpenCcGolden.ShouldMatch(text.Text[simplified.Length..], Converter.Convert(traditional), "traditional part of a mixed document");
        TraditionalToSimplifiedMappingTests.ShouldBeSoundMap(text, input);
    }

    private static string Sample(string name) =>
        File.ReadAllText(Path.Combine(OpenCcGolden.RepositoryRoot, "samples", name), Encoding.UTF8);
}
