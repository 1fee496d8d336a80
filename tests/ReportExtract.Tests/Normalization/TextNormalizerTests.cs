using System.Collections.Immutable;
using ReportExtract.Decoding;
using ReportExtract.Model;
using ReportExtract.Normalization;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests.Normalization;

public class TextNormalizerTests
{
    private static NormalizedText Normalize(string text, bool markup = false, bool keepScript = false) =>
        new TextNormalizer(keepScript).Normalize(new DecodedText(text, "utf-8", ImmutableArray<string>.Empty), markup);

    [Fact]
    public void Clean_simplified_text_passes_through_without_a_copy()
    {
        var text = EncodingFixtures.Sample("bishan-planning-resources-2023.txt");

        var normalized = Normalize(text);

        normalized.Script.Should().Be(ScriptKind.Simplified);
        normalized.Mapped.IsIdentity.Should().BeTrue();
        normalized.Text.Should().BeSameAs(text);
    }

    [Fact]
    public void The_traditional_sample_becomes_simplified_without_pinyin_and_maps_to_the_traditional_original()
    {
        var text = EncodingFixtures.Sample("longhu-urban-management-2023-traditional.txt");

        var normalized = Normalize(text);

        normalized.Script.Should().Be(ScriptKind.Traditional);
        normalized.Text.Should().StartWith("龙湖区城管局全面贯彻党的二十大精神,深入贯彻习近平法治思想,高度重视法治政府建设,");
        normalized.Text.Should().Contain("(汕府〔2023〕34号)");
        normalized.Text.Should().NotContainAny("(qū)", "(xí)", "(shè)", "區", "習");
        var start = normalized.Text.IndexOf("龙湖区城管局", StringComparison.Ordinal);
        var (from, to) = normalized.Mapped.ToOriginal(start, start + 6);
        text[from..to].Should().Be("龍湖區(qū)城管局");
    }

    [Fact]
    public void The_traditional_sample_normalizes_exactly_as_the_reference_tools_do()
    {
        // Golden made without reportx: pinyin stripped by a regular expression, then `opencc -c t2s`
        // (tools/normalization/make-golden.sh).
        var golden = File.ReadAllText(Path.Combine(
            EncodingFixtures.RepositoryRoot, "tests", "ReportExtract.Tests", "Normalization", "Golden", "longhu-urban-management-2023-traditional.normalized.txt"));

        Normalize(EncodingFixtures.Sample("longhu-urban-management-2023-traditional.txt")).Text.Should().Be(golden);
    }

    [Fact]
    public void Keep_script_reports_the_script_but_keeps_the_characters()
    {
        var normalized = Normalize("龍湖區(qū)城管局全面貫徹黨的二十大精神，深入貫徹習(xí)近平法治思想。", keepScript: true);

        normalized.Script.Should().Be(ScriptKind.Traditional);
        normalized.Text.Should().Be("龍湖區城管局全面貫徹黨的二十大精神，深入貫徹習近平法治思想。");
    }

    [Fact]
    public void Traditional_chrome_is_caught_after_conversion()
    {
        var normalized = Normalize("當前位置：首頁 > 政務公開\r\n龍湖區城管局２０２３年法治政府建設情況報告\r\n發佈日期：2024-01-05　瀏覽次數：35\r\n【打印本頁】【關閉窗口】\r\n");

        normalized.Text.Should().Be("龙湖区城管局2023年法治政府建设情况报告\n发布日期:2024-01-05\n".Replace(':', '：'));
    }

    [Fact]
    public void Html_input_is_extracted_then_normalized_with_offsets_into_the_html()
    {
        const string html = "<html><body><div class=\"crumb\">当前位置：首页 &gt; 政务公开</div>\r\n<h1>区(qū)城管局２０２３年报告</h1><p>办结率１００％</p></body></html>";

        var normalized = Normalize(html, markup: true);

        normalized.Text.Should().Be("区城管局2023年报告\n办结率100%");
        var at = normalized.Text.IndexOf('%', StringComparison.Ordinal);
        var (from, to) = normalized.Mapped.ToOriginal(at, at + 1);
        html[from..to].Should().Be("％");
    }

    [Fact]
    public void Markup_is_recognized_without_an_html_extension()
    {
        Normalize("<!DOCTYPE html><html><body><p>正文</p></body></html>").Text.Should().Be("正文");
    }

    [Fact]
    public void Normalizing_is_thread_safe()
    {
        var normalizer = new TextNormalizer(false);
        var traditional = new DecodedText(EncodingFixtures.Sample("longhu-urban-management-2023-traditional.txt"), "utf-8", []);
        var simplified = new DecodedText(EncodingFixtures.Sample("fuling-maan-subdistrict-2021.txt"), "utf-8", []);
        var expected = new[] { normalizer.Normalize(traditional, false).Text, normalizer.Normalize(simplified, false).Text };

        var results = Enumerable.Range(0, 32).AsParallel().Select(i => normalizer.Normalize(i % 2 == 0 ? traditional : simplified, false).Text).ToArray();

        results.Should().Equal(Enumerable.Range(0, 32).Select(i => expected[i % 2]));
    }
}
