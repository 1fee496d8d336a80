using System.Text;
using System.Text.Json;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>The real CLI on the sample reports: records, formats, order, determinism.</summary>
public sealed class ExtractSamplesTests
{
    [Fact]
    public void Jsonl_on_samples_writes_one_schema_valid_record_per_report_in_path_order()
    {
        var result = Reportx.Run("extract", "samples/");

        result.ExitCode.Should().Be(0, result.Stderr);
        var records = RecordSchema.AssertValid(result.Lines);
        records.Select(r => r.GetProperty("source").GetProperty("path").GetString())
            .Should().Equal(RepoPaths.SampleNames.Select(n => Path.Join("samples/", n)));
        result.Stdout.Take(3).Should().NotEqual(Encoding.UTF8.Preamble.ToArray(), "JSON Lines is UTF-8 without a BOM");
        result.ErrorLines.Should().ContainSingle().Which.Should().MatchRegex(@"^reportx: 5 reports written, 0 failed, 0 with warnings, \d+ metrics? found in [\d.]+ s$");
    }

    [Fact]
    public void Records_describe_the_raw_input_bytes()
    {
        var name = RepoPaths.SampleNames[0];
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name));

        var record = RecordSchema.AssertValid(Reportx.Run("extract", "samples/" + name).Lines).Single();

        var source = record.GetProperty("source");
        source.GetProperty("path").GetString().Should().Be("samples/" + name, "the path is reported as given");
        source.GetProperty("bytes").GetInt64().Should().Be(bytes.Length);
        source.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public void Output_follows_the_order_of_the_arguments_not_of_completion()
    {
        var reversed = RepoPaths.SampleNames.Reverse().Select(n => "samples/" + n).ToArray();

        var result = Reportx.Run(["extract", "--jobs", "4", .. reversed]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("path").GetString()).Should().Equal(reversed);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    [InlineData("csv")]
    public void Jobs_1_and_jobs_4_write_identical_bytes(string format)
    {
        var one = Reportx.Run("extract", "samples/", "--format", format, "--jobs", "1");
        var four = Reportx.Run("extract", "samples/", "--format", format, "--jobs", "4");

        one.ExitCode.Should().Be(0, one.Stderr);
        four.ExitCode.Should().Be(0, four.Stderr);
        four.Stdout.Should().Equal(one.Stdout);
    }

    [Fact]
    public void Json_format_is_one_indented_array_of_the_same_records_as_jsonl()
    {
        var jsonl = Reportx.Run("extract", "samples/");
        var json = Reportx.Run("extract", "samples/", "--format", "json");

        json.ExitCode.Should().Be(0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        document.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        json.Text.Should().StartWith("[\n  {\n    \"schema\": \"reportx.record/1\"").And.EndWith("]\n");
        var items = document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
        RecordSchema.AssertValid(items);
        items.Select(Compact).Should().Equal(jsonl.Lines.Select(Compact));
    }

    [Fact]
    public void Chinese_is_written_as_characters_not_escapes()
    {
        using var temp = new TempDirectory();
        temp.Write("报告/温岭市住房和城乡建设局.txt", "温岭市住房和城乡建设局2021年法治政府建设工作报告\n一、主要举措和成效\n全年办理案件12件。\n");

        var result = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, "extract", "报告/");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Text.Should().Contain("\"path\":\"报告/温岭市住房和城乡建设局.txt\"").And.NotContain("\\u");
    }

    [Fact]
    public void A_report_can_come_from_standard_input()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, RepoPaths.SampleNames[0]));

        var result = Reportx.Run(new CliRunOptions { Stdin = bytes }, "extract", "-");

        result.ExitCode.Should().Be(0, result.Stderr);
        var record = RecordSchema.AssertValid(result.Lines).Single();
        record.GetProperty("source").GetProperty("path").GetString().Should().Be("-");
        record.GetProperty("source").GetProperty("bytes").GetInt64().Should().Be(bytes.Length);
    }

    [Fact]
    public void Quiet_leaves_standard_error_empty_on_success()
    {
        var result = Reportx.Run("extract", "samples/", "--quiet");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Lines.Should().HaveCount(RepoPaths.SampleNames.Count);
    }

    [Fact]
    public void A_terminal_on_stderr_gets_progress_there_and_never_on_stdout()
    {
        using var temp = ManyReports(12);
        var plain = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, "extract", "many");
        var terminal = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path, StderrIsTerminal = true }, "extract", "many");

        terminal.ExitCode.Should().Be(0, terminal.Stderr);
        terminal.Stdout.Should().Equal(plain.Stdout);
        terminal.Stderr.Should().Contain("12/12 files").And.Contain("reportx: 12 reports written");
    }

    [Fact]
    public void No_progress_bar_for_a_handful_of_files_or_when_the_records_go_to_the_same_terminal()
    {
        using var temp = ManyReports(12);
        var handful = Reportx.Run(new CliRunOptions { StderrIsTerminal = true }, "extract", "samples/");
        var screen = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path, StderrIsTerminal = true, StdoutIsTerminal = true }, "extract", "many");
        var toFile = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path, StderrIsTerminal = true, StdoutIsTerminal = true }, "extract", "many", "--out", "all.jsonl");

        handful.Stderr.Should().NotContain("files/s", "five files finish before a bar would tell anything");
        handful.ErrorLines.Should().ContainSingle();
        screen.Stderr.Should().NotContain("files/s", "records on the same screen would interleave with a redrawn bar");
        screen.ErrorLines.Should().ContainSingle();
        toFile.Stderr.Should().Contain("12/12 files", "with --out the screen has only the bar");
    }

    private static TempDirectory ManyReports(int count)
    {
        var temp = new TempDirectory();
        for (var i = 0; i < count; i++)
        {
            temp.Write($"many/{i:D3}.txt", $"第{i}份报告\n全年办理行政许可{i + 1}件。\n");
        }

        return temp;
    }

    [Fact]
    public void Quiet_on_a_terminal_draws_no_progress_either()
    {
        var result = Reportx.Run(new CliRunOptions { StderrIsTerminal = true }, "extract", "samples/", "-q");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public void Verbose_summary_shows_that_the_reorder_window_bounds_the_records_held()
    {
        using var temp = new TempDirectory();
        for (var i = 0; i < 200; i++)
        {
            temp.Write($"many/{i:D4}.txt", $"第{i}份报告\n全年办理行政许可{i}件。\n");
        }

        var result = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, "extract", "many", "--jobs", "2", "--verbose");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Lines.Should().HaveCount(200);
        var held = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Stderr, @"at most (\d+) records? held").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        held.Should().BeInRange(1, Processing.OrderedParallel.WindowFor(2), "records wait in a bounded window, never all at once");
    }

    private static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
