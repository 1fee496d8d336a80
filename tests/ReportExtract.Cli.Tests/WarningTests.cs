using System.Text;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>Warnings a batch job can see: counted in the summary, printed with --warnings, an exit 1 with --strict.</summary>
public sealed class WarningTests : IDisposable
{
    private const string Report = "某某区2021年法治政府建设情况报告\n一、主要成效\n全年办理行政复议案件12件。\n";
    private readonly TempDirectory _temp = new();

    static WarningTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public WarningTests()
    {
        _temp.Write("a-clean.txt", Report);

        // Two damaged sequences in otherwise valid UTF-8, as a scraper that cut a page mid-character leaves them.
        _temp.Write("b-broken.txt", [.. Encoding.UTF8.GetBytes(Report), 0xE2, 0x82, .. Encoding.UTF8.GetBytes("行政诉讼8起"), 0xC3, 0x28, .. "\n"u8]);
        _temp.Write("c-gb.txt", Encoding.GetEncoding("GB18030").GetBytes(Report));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_summary_counts_the_records_with_warnings_and_only_warnings_print_nothing_by_default()
    {
        var result = Run("extract", "a-clean.txt", "b-broken.txt");

        result.ExitCode.Should().Be(0, "a warning is not a failure unless --strict");
        result.Lines.Should().HaveCount(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("reportx: 2 reports written, 0 failed, 1 with warnings, ");
        Warnings(result.Lines[1]).Should().Equal("2 invalid byte sequence(s) in the utf-8 input were replaced with U+FFFD");
    }

    [Fact]
    public void A_wrong_encoding_leaves_replacement_characters_and_says_so_in_the_record()
    {
        var detected = Run("extract", "c-gb.txt");
        var forced = Run("extract", "c-gb.txt", "--encoding", "utf-8", "--warnings");

        Warnings(detected.Lines[0]).Should().BeEmpty("detected, the GB18030 report decodes cleanly");
        forced.ExitCode.Should().Be(0);
        var warning = Warnings(forced.Lines[0]).Should().ContainSingle().Subject;
        warning.Should().MatchRegex(@"^\d+ invalid byte sequence\(s\) in the utf-8 input were replaced with U\+FFFD$");
        forced.ErrorLines.Should().Equal($"reportx: c-gb.txt: warning: {warning}", forced.ErrorLines[^1]);
        forced.ErrorLines[^1].Should().StartWith("reportx: 1 report written, 0 failed, 1 with warnings, ");
    }

    [Fact]
    public void Warnings_prints_each_warning_as_path_and_warning_in_input_order()
    {
        var result = Run("extract", "a-clean.txt", "b-broken.txt", "c-gb.txt", "--encoding", "utf-8", "--warnings", "--jobs", "3");

        result.ExitCode.Should().Be(0);
        result.ErrorLines.Should().HaveCount(3);
        result.ErrorLines[0].Should().Be("reportx: b-broken.txt: warning: 2 invalid byte sequence(s) in the utf-8 input were replaced with U+FFFD");
        result.ErrorLines[1].Should().StartWith("reportx: c-gb.txt: warning: ");
        result.ErrorLines[2].Should().StartWith("reportx: 3 reports written, 0 failed, 2 with warnings, ");
    }

    [Fact]
    public void Strict_makes_any_warning_exit_1_and_still_writes_every_record()
    {
        var clean = Run("extract", "a-clean.txt", "--strict");
        var warned = Run("extract", "a-clean.txt", "b-broken.txt", "--strict");

        clean.ExitCode.Should().Be(0, clean.Stderr);
        warned.ExitCode.Should().Be(1);
        warned.Lines.Should().HaveCount(2, "--strict changes the exit code, not the output");
        warned.ErrorLines[^1].Should().StartWith("reportx: 2 reports written, 0 failed, 1 with warnings, ");
    }

    [Fact]
    public void A_warning_reaches_the_shell_as_exit_1_only_with_strict()
    {
        ProcessTests.RunToEnd(_temp.Path, "extract", "b-broken.txt").ExitCode.Should().Be(0);
        ProcessTests.RunToEnd(_temp.Path, "extract", "b-broken.txt", "--strict").ExitCode.Should().Be(1);
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);

    private static List<string> Warnings(string line) =>
        [.. System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
}
