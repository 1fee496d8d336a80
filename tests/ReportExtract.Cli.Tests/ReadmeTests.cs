using System.Text.RegularExpressions;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>Keeps README.md true: its two fresh-machine commands, its examples and its option table.</summary>
public sealed partial class ReadmeTests
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));

    [Fact]
    public void The_readme_extract_command_works_on_the_samples()
    {
        var command = CommandLines().Single(l => l.StartsWith("dotnet run --project ", StringComparison.Ordinal));
        var project = command.Split(' ')[3];
        File.Exists(Path.Combine(RepoPaths.Root, project, "ReportExtract.Cli.csproj")).Should().BeTrue(command);

        // Everything after `--` goes to reportx; run it in-process from the repository root, as the README does.
        var args = command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        args.Should().StartWith("extract");
        var result = Reportx.Run(args);

        result.ExitCode.Should().Be(0, result.Stderr);
        RecordSchema.AssertValid(result.Lines).Should().HaveCount(RepoPaths.SampleNames.Count);
    }

    [Fact]
    public void The_readme_test_command_is_the_one_ci_runs()
    {
        var command = CommandLines().Single(l => l.StartsWith("dotnet test", StringComparison.Ordinal));

        command.Should().Be("dotnet test ReportExtract.sln");
        File.Exists(Path.Combine(RepoPaths.Root, "ReportExtract.sln")).Should().BeTrue();
        File.ReadAllLines(Path.Combine(RepoPaths.Root, ".ci", "run")).Should().Contain(l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_readme_example_is_a_valid_command_line()
    {
        using var temp = new TempDirectory();
        // A path list the examples read: it names a report that does not exist, so the run fails (1), not the usage.
        temp.Write("list.txt", "reports/missing.txt\n");
        var examples = CommandLines().Where(l => l.StartsWith("reportx ", StringComparison.Ordinal)).ToList();
        examples.Should().HaveCountGreaterThan(3);

        foreach (var example in examples)
        {
            var words = SplitWords(StripComment(example)).Skip(1).ToArray();

            // Run where no report exists: inputs fail (1), but a usage error (2) means the README is wrong.
            Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, words).ExitCode.Should().NotBe(2, example);
        }
    }

    [Fact]
    public void The_readme_option_table_has_every_option_of_extract()
    {
        // The options come from the command's own help, so a new option cannot be left out of the README unnoticed.
        var help = Reportx.Run("extract", "--help").Text;
        var options = Regex.Matches(help[..help.IndexOf("Examples:", StringComparison.Ordinal)], @"(?<![\w-])--[a-z][a-z-]+")
            .Select(m => m.Value).Where(o => o != "--help").Distinct().ToList();

        options.Should().Contain(HelpTests.ExtractOptions.Where(o => o != "--help")).And.Contain(["--shard", "--file-timeout"]);
        foreach (var option in options)
        {
            Readme.Value.Should().Contain($"`{option}", "the README documents {0}", option);
        }
    }

    /// <summary>Lines of the README's fenced code blocks, with `| ...` and `> ...` tails of shell pipelines kept.</summary>
    private static List<string> CommandLines()
    {
        var lines = new List<string>();
        foreach (Match block in FencedBlock().Matches(Readme.Value))
        {
            lines.AddRange(block.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }

        // The pipeline example starts with `find`; its reportx part is checked as its own command.
        return [.. lines.Select(l => l.Contains("| reportx ", StringComparison.Ordinal) ? l[(l.IndexOf("| reportx ", StringComparison.Ordinal) + 2)..] : l)];
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        var withoutComment = hash < 0 ? line : line[..hash];
        var redirect = withoutComment.IndexOf(" > ", StringComparison.Ordinal);
        return (redirect < 0 ? withoutComment : withoutComment[..redirect]).Trim();
    }

    /// <summary>Shell words: spaces separate, single or double quotes group.</summary>
    private static IEnumerable<string> SplitWords(string line) =>
        ShellWord().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Value);

    [GeneratedRegex("```[a-z]*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("\"([^\"]*)\"|'([^']*)'|\\S+")]
    private static partial Regex ShellWord();
}
