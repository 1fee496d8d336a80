using System.Text.RegularExpressions;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>
/// Keeps the published performance figures true: docs/performance.md and the README quote the last run of
/// tools/bench/bench.sh (its output, tools/bench/results.md, is committed), and docs/scaling.md's commands parse.
/// </summary>
public sealed partial class PerformanceDocsTests
{
    private static string Read(params string[] parts) => File.ReadAllText(Path.Combine([RepoPaths.Root, .. parts])).ReplaceLineEndings("\n");

    [Fact]
    public void The_performance_page_quotes_every_figure_of_the_last_bench_run()
    {
        var results = Read("tools", "bench", "results.md");
        var page = Read("docs", "performance.md");

        // The machine, date, load and package lines, and every table row, exactly as the run wrote them.
        var quoted = results.Split('\n').Where(l => l.StartsWith('|') || l.StartsWith("Machine:", StringComparison.Ordinal)
            || l.StartsWith("Run:", StringComparison.Ordinal) || l.StartsWith("Installed package:", StringComparison.Ordinal)
            || l.StartsWith("Load average after:", StringComparison.Ordinal)).ToList();
        quoted.Should().Contain(l => l.Contains("reportx extract", StringComparison.Ordinal) && l.Contains("8,000 files", StringComparison.Ordinal));
        quoted.Should().HaveCountGreaterThan(15);
        foreach (var line in quoted)
        {
            page.Should().Contain(line, "docs/performance.md quotes tools/bench/results.md line for line");
        }
    }

    [Fact]
    public void The_readme_headline_figures_are_those_of_the_last_bench_run()
    {
        // The bench run's figures, and the start-up benchmark's per-stage rows (its output, kept beside them).
        var results = Read("tools", "bench", "results.md") + Read("tools", "bench", "startup.md");
        var readme = Read("README.md");
        var start = readme.IndexOf("\n## Performance", StringComparison.Ordinal);
        start.Should().BePositive("the README keeps a performance paragraph");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];

        var figures = Figure().Matches(section).Select(m => m.Value).ToList();
        figures.Should().HaveCountGreaterThan(2);
        foreach (var figure in figures)
        {
            results.Should().Contain(figure, "the README's figure {0} comes from the last bench run", figure);
        }
    }

    [Fact]
    public void The_readme_start_up_rows_are_those_of_the_last_start_up_benchmark()
    {
        var startup = Read("tools", "bench", "startup.md");
        var rows = startup.Split('\n').Where(l => l.StartsWith("| '", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCountGreaterThan(5, "one row per stage's data and one for the whole pipeline");
        var readme = Read("README.md");
        foreach (var row in rows)
        {
            readme.Should().Contain(row, "the README shows the start-up benchmark's rows as it wrote them");
        }
    }

    [Fact]
    public void Every_scaling_example_is_a_valid_command_line()
    {
        using var temp = new TempDirectory();
        temp.Write("list.txt", "reports/missing.txt\n");
        var examples = FencedBlock().Matches(Read("docs", "scaling.md"))
            .SelectMany(b => b.Groups[1].Value.Split('\n')).Select(l => l.Trim())
            .Where(l => l.StartsWith("reportx ", StringComparison.Ordinal)).ToList();
        examples.Should().NotBeEmpty();

        foreach (var example in examples)
        {
            var words = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

            // No report exists there: inputs fail (1), but a usage error (2) means the page is wrong.
            Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, words).ExitCode.Should().NotBe(2, example);
        }
    }

    [GeneratedRegex(@"\d+(?:\.\d+)? (?:MB/s|MB|ms|s)\b")]
    private static partial Regex Figure();

    [GeneratedRegex("```[a-z]*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
