using System.Text;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>How arguments become inputs: directories, globs the program expands itself, --files-from.</summary>
public sealed class InputExpansionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public InputExpansionTests()
    {
        _temp.Write("reports/b.txt", "乙报告\n");
        _temp.Write("reports/a.txt", "甲报告\n");
        _temp.Write("reports/2021/z.txt", "二〇二一年报告\n");
        _temp.Write("reports/2021/deep/x.TXT", "深层报告\n");
        _temp.Write("reports/2021/page.html", "<html><body><p>网页报告</p></body></html>");
        _temp.Write("reports/notes.md", "not a report\n");
        _temp.Write("reports/.cache/hidden.txt", "隐藏\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_directory_is_walked_recursively_for_the_default_extensions_in_ordinal_order()
    {
        Paths(Run("extract", "reports")).Should().Equal(
            "reports/2021/deep/x.TXT", "reports/2021/page.html", "reports/2021/z.txt", "reports/a.txt", "reports/b.txt");
    }

    [Fact]
    public void Include_replaces_the_default_extensions()
    {
        Paths(Run("extract", "reports/", "--include", "*.md", "--include", "z.*")).Should().Equal("reports/2021/z.txt", "reports/notes.md");
    }

    [Fact]
    public void Include_with_a_separator_matches_the_path_below_the_directory()
    {
        Paths(Run("extract", "reports", "--include", "2021/*.txt")).Should().Equal("reports/2021/z.txt");
    }

    [Fact]
    public void A_double_star_glob_is_expanded_by_the_program_at_any_depth()
    {
        // Passed as one argument, as CI YAML or a Windows shell would: no shell expanded it.
        Paths(Run("extract", "reports/**/*.txt")).Should().Equal("reports/2021/deep/x.TXT", "reports/2021/z.txt", "reports/a.txt", "reports/b.txt");
    }

    [Fact]
    public void A_single_star_glob_stays_in_its_directory()
    {
        Paths(Run("extract", "reports/*.txt")).Should().Equal("reports/a.txt", "reports/b.txt");
        Paths(Run("extract", "reports/*/*.{txt,html}")).Should().Equal("reports/2021/page.html", "reports/2021/z.txt");
    }

    [Fact]
    public void A_file_reached_twice_is_written_once_at_its_first_place()
    {
        Paths(Run("extract", "reports/b.txt", "reports/*.txt", "./reports/a.txt")).Should().Equal("reports/b.txt", "reports/a.txt");
    }

    [Fact]
    public void Files_from_a_file_reads_one_path_per_line_after_the_arguments()
    {
        _temp.Write("list.txt", "reports/b.txt\r\n\nreports/2021/z.txt\n");

        Paths(Run("extract", "reports/a.txt", "--files-from", "list.txt")).Should().Equal("reports/a.txt", "reports/b.txt", "reports/2021/z.txt");
    }

    [Fact]
    public void Files_from_standard_input()
    {
        var list = Encoding.UTF8.GetBytes("reports/2021/z.txt\nreports/a.txt\n");

        var result = Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path, Stdin = list }, "extract", "--files-from", "-");

        Paths(result).Should().Equal("reports/2021/z.txt", "reports/a.txt");
    }

    [Fact]
    public void An_empty_files_from_list_is_an_empty_successful_run()
    {
        var result = Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path, Stdin = [] }, "extract", "--files-from", "-", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Text.Should().Be("[]\n");
    }

    [Fact]
    public void Absolute_paths_are_reported_as_given()
    {
        var absolute = _temp.Combine("reports/a.txt");

        Paths(Reportx.Run("extract", absolute)).Should().Equal(absolute);
    }

    [Fact]
    public void An_absolute_pattern_reports_absolute_paths()
    {
        var pattern = _temp.Combine("reports") + "/*.txt";

        Paths(Reportx.Run("extract", pattern)).Should().Equal(_temp.Combine("reports/a.txt").Replace('\\', '/'), _temp.Combine("reports/b.txt").Replace('\\', '/'));
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);

    private static List<string?> Paths(CliResult result)
    {
        result.ExitCode.Should().Be(0, result.Stderr);
        return [.. RecordSchema.AssertValid(result.Lines).Select(r => r.GetProperty("source").GetProperty("path").GetString()?.Replace('\\', '/'))];
    }
}
