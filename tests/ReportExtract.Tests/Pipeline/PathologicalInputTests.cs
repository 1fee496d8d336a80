using System.Text;
using ReportExtract.Model;

namespace ReportExtract.Tests.Pipeline;

/// <summary>
/// Inputs a scraper really saves: each gives a record (with warnings where something was off) or one clear
/// reason, never an exception, and a record keeps every invariant. Results only: speed is for the benchmarks.
/// </summary>
public sealed class PathologicalInputTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();
    private static readonly byte[] Sample = File.ReadAllBytes(Path.Combine(Decoding.EncodingFixtures.RepositoryRoot, "samples", "wenling-government-2021.txt"));

    [Fact]
    public void An_empty_file_is_one_clear_reason()
    {
        var result = Pipeline.Extract("empty.txt", []);

        result.Record.Should().BeNull();
        result.Error.Should().Be("the file is empty");
    }

    [Fact]
    public void A_file_of_blanks_is_an_empty_record()
    {
        var record = Extracted("blank.txt", Encoding.UTF8.GetBytes(" \r\n\t\u3000\n\n"));

        record.Metrics.Should().BeEmpty();
        record.Sections.Should().BeEmpty();
    }

    [Fact]
    public void A_binary_file_is_refused_with_a_reason()
    {
        var bytes = new byte[256 * 1024];
        new Random(7).NextBytes(bytes);

        var result = Pipeline.Extract("image.jpg.txt", bytes);

        result.Record.Should().BeNull("random bytes are not a report");
        result.Error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Nul_bytes_in_a_text_file_are_one_clear_reason()
    {
        var bytes = Sample.SelectMany((b, i) => i % 997 == 0 ? new byte[] { 0, b } : [b]).ToArray();

        var result = Pipeline.Extract("nul.txt", bytes);

        // NUL bytes in a file without a UTF-16 signature mean binary data; saying so beats guessing at text.
        result.Record.Should().BeNull();
        result.Error.Should().Contain("NUL");
    }

    [Fact]
    public void Invalid_utf8_sequences_are_replaced_and_warned_about()
    {
        var bytes = Sample.SelectMany((b, i) => i % 501 == 0 ? new byte[] { 0xC3, 0x28, 0xE2, 0x82, b } : [b]).ToArray();

        var record = Extracted("broken-utf8.txt", bytes);

        record.Metrics.Should().NotBeEmpty();
        record.Warnings.Should().NotBeEmpty("replaced bytes are worth a warning");
    }

    [Fact]
    public void Invalid_gb18030_sequences_keep_the_report()
    {
        var gb = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!.GetBytes(Encoding.UTF8.GetString(Sample));
        var bytes = gb.SelectMany((b, i) => i % 301 == 0 ? new byte[] { 0x81, 0x30, b } : [b]).ToArray();

        var detected = Extracted("broken-gb.txt", bytes);
        var forced = Extracted("broken-gb.txt", bytes, ReportPipeline.Create(new ExtractOptions(Encoding: "gb18030")), "gb18030");

        detected.Metrics.Should().NotBeEmpty();
        forced.Metrics.Should().NotBeEmpty();
    }

    [Fact]
    public void A_megabyte_line_without_punctuation_is_one_paragraph()
    {
        var line = string.Concat(Enumerable.Repeat("全年办理行政复议案件32件涉及金额539万元", 40_000));

        var record = Extracted("one-line.txt", Encoding.UTF8.GetBytes(line));

        record.Metrics.Should().HaveCount(80_000);
    }

    [Fact]
    public void A_hundred_thousand_digit_run_is_no_figure()
    {
        var text = "全年办理案件" + new string('9', 100_000) + "件，其中行政处罚案件12件。\n" + new string('1', 100_000) + "\n";

        var record = Extracted("digits.txt", Encoding.UTF8.GetBytes(text));

        record.Metrics.Should().ContainSingle(m => m.Text == "12件");
    }

    [Fact]
    public void A_range_ending_in_a_digit_dump_is_no_figure()
    {
        // The high end overflows a double: a range "5 to infinity" must not reach the record (JSON has no infinity).
        var text = "整治土地5至" + new string('0', 5_000) + "亩，新增绿地12亩。\n";

        var record = Extracted("range.txt", Encoding.UTF8.GetBytes(text));

        record.Metrics.Select(m => m.Text).Should().Equal("12亩");
    }

    [Fact]
    public void Thousands_of_headings_stay_within_the_schema_depth()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 3000; i++)
        {
            var marker = (i % 4) switch { 0 => "一、", 1 => "（一）", 2 => "1.", _ => "（1）" };
            text.Append(marker).Append("工作情况\n办理案件").Append(i).Append("件。\n");
        }

        var record = Extracted("headings.txt", Encoding.UTF8.GetBytes(text.ToString()));

        record.Sections.Should().NotBeEmpty();
        Depth(record.Sections).Should().BeLessThanOrEqualTo(6);
    }

    [Fact]
    public void Deeply_nested_brackets_do_not_recurse_or_throw()
    {
        var text = new string('（', 50_000) + "办理案件12件" + new string('）', 50_000) + "\n" + new string('(', 50_000) + new string('[', 50_000) + "\n";

        var record = Extracted("brackets.txt", Encoding.UTF8.GetBytes(text));

        record.Metrics.Should().Contain(m => m.Text == "12件");
    }

    [Fact]
    public void Mixed_scripts_keep_spans_in_the_original()
    {
        var text = "2021年法治政府建設情況報告\n一、主要成效\nRéalisé 12件 дела 行政複議案件36件，مرحبا 45%，ᠮᠣᠩᠭᠣᠯ 7起，ひらがな8次，한국어9人次，𠀀𠀁10份。\n";

        var record = Extracted("mixed.txt", Encoding.UTF8.GetBytes(text));

        record.Metrics.Select(m => m.Text).Should().Contain(["36件", "7起", "10份"]);
    }

    [Fact]
    public void Broken_html_markup_is_read_as_text()
    {
        var html = "<html><head><title>某某区2021年法治政府建设年度报告</title><script>var x='<p>99件</p>';</script></head><body>"
            + "<div><p>一、主要成效<p>全年办理行政复议案件36件，<b>同比增长12%<td>行政诉讼<tr>8起</div></span></p>"
            + "<p>二、存在不足 &nbsp; &#x4E00;&#19968; &bogus; <a href='x' <img src=> 未闭合的标签 <!-- 没有结束的注释";

        var record = Extracted("broken.html", Encoding.UTF8.GetBytes(html));

        record.Metrics.Select(m => m.Text).Should().Contain("36件").And.NotContain("99件", "script content is not report text");
    }

    [Fact]
    public void A_report_of_many_megabytes_goes_through()
    {
        // Twice the size at which the CLI makes large inputs take turns, in a few seconds of the suite; the 50 MB
        // report users meet is measured by tools/bench/extract-batch.sh. A Debug build checks 8 MB.
#if DEBUG
        const int size = 8 << 20;
#else
        const int size = 16 << 20;
#endif
        var copies = size / Sample.Length + 1;
        var bytes = new byte[Sample.Length * copies];
        for (var i = 0; i < copies; i++)
        {
            Sample.CopyTo(bytes, i * Sample.Length);
        }

        var result = Pipeline.Extract("huge.txt", bytes);

        result.Record.Should().NotBeNull(result.Error);
        result.Record!.Metrics.Length.Should().BeGreaterThan(copies * 10);
        result.Record.Source.Bytes.Should().Be(bytes.Length);
    }

    private static ReportRecord Extracted(string path, byte[] bytes, ReportPipeline? pipeline = null, string? encoding = null)
    {
        var result = (pipeline ?? Pipeline).Extract(path, bytes);
        result.Record.Should().NotBeNull($"{path}: {result.Error}");
        RecordInvariants.AssertHold(result.Record!, RecordInvariants.CodePoints(bytes, encoding), path);
        return result.Record!;
    }

    private static int Depth(IEnumerable<Section> sections) => sections.Select(s => 1 + Depth(s.Sections)).DefaultIfEmpty(0).Max();
}
