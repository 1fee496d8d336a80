using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>
/// Keeps README.md and docs/*.md true: the fresh-machine commands, every example command (README and docs), the
/// option table, the options the prose names, the sample record and the summary line (figures from the commands they name).
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));

    /// <summary>The README, then every Markdown file under docs/, whatever files are there.</summary>
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Documents = new(() =>
    [
        ("README.md", Readme.Value),
        .. Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => ("docs/" + Path.GetRelativePath(Path.Combine(RepoPaths.Root, "docs"), f).Replace('\\', '/'), File.ReadAllText(f))),
    ]);

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
        foreach (var (name, text) in Documents.Value)
        {
            var examples = CommandLines(text).Where(l => l.StartsWith("reportx ", StringComparison.Ordinal)).ToList();
            if (name == "README.md")
            {
                // The docs may show only figures; the README always shows commands.
                examples.Should().NotBeEmpty(name);
            }

            foreach (var example in examples)
            {
                var words = SplitWords(StripComment(example)).Skip(1).ToArray();

                // Run where no report exists: inputs fail (1), but a usage error (2) means the document is wrong.
                var result = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, words);
                result.ExitCode.Should().NotBe(2, "{0}: {1}\n{2}", name, example, result.Stderr);
            }
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

    [Fact]
    public void Every_option_the_documents_name_in_backquotes_is_an_option_of_reportx()
    {
        // All options of all commands, from their own help.
        var known = new HashSet<string>(StringComparer.Ordinal);
        // The root's own options (--version) too.
        known.UnionWith(Regex.Matches(Reportx.Run("--help").Text, @"(?<![\w-])--[a-z][a-z0-9-]*").Select(m => m.Value));
        foreach (var command in new[] { "extract", "normalize", "segment", "inspect" })
        {
            known.UnionWith(Regex.Matches(Reportx.Run(command, "--help").Text, @"(?<![\w-])--[a-z][a-z0-9-]*").Select(m => m.Value));
        }

        known.Should().Contain(["--files-from", "--encoding", "--pos", "--keep-script"]);
        foreach (var (name, text) in Documents.Value)
        {
            // `--option ...` spans of prose; spans that quote another program's command line (dotnet, find …) are its own.
            foreach (Match span in Regex.Matches(FencedBlock().Replace(text, string.Empty), "`(--[a-z][a-z0-9-]*)[^`]*`"))
            {
                known.Should().Contain(span.Groups[1].Value, "{0} names {1}", name, span.Value);
            }
        }
    }

    [Fact]
    public void The_sample_record_is_the_current_output_of_its_command()
    {
        var intro = Regex.Match(Readme.Value, @"`(reportx extract (\S+))`, pretty-printed");
        intro.Success.Should().BeTrue("the README names the command of its sample record");
        var block = Regex.Match(Readme.Value[intro.Index..], "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var result = Reportx.Run("extract", intro.Groups[2].Value);
        result.ExitCode.Should().Be(0, result.Stderr);

        using var shown = JsonDocument.Parse(block);
        using var actual = JsonDocument.Parse(result.Lines.Single());
        AssertShortened(shown.RootElement, actual.RootElement, "$");
    }

    [Fact]
    public void The_summary_line_example_is_what_its_command_prints()
    {
        var example = Regex.Match(Readme.Value, @"\$ (reportx extract [^\n]+)\n(reportx: \d+ reports? written[^\n]*)\n");
        example.Success.Should().BeTrue("the README shows a command and its summary line");
        using var temp = new TempDirectory();
        var words = SplitWords(example.Groups[1].Value).Skip(1).Select(w => w == "samples/" ? RepoPaths.Samples + "/" : w).ToArray();

        var result = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, words);

        result.ExitCode.Should().Be(0, result.Stderr);
        var time = new Regex(@"in [\d.]+ s$");
        time.Replace(result.ErrorLines.Single(), "in T s").Should().Be(time.Replace(example.Groups[2].Value, "in T s"), "the README's figures come from the command it names");
    }

    /// <summary>
    /// <paramref name="shown"/> is <paramref name="actual"/> with arrays shortened: the shown items are, in order, items of the
    /// actual array (themselves compared the same way), and an item <c>{"...": "N more …"}</c> says how many were left out.
    /// </summary>
    private static void AssertShortened(JsonElement shown, JsonElement actual, string path)
    {
        shown.ValueKind.Should().Be(actual.ValueKind, path);
        switch (shown.ValueKind)
        {
            case JsonValueKind.Object:
                shown.EnumerateObject().Select(p => p.Name).Should().Equal(actual.EnumerateObject().Select(p => p.Name), "{0} has the record's fields in order", path);
                foreach (var property in shown.EnumerateObject())
                {
                    AssertShortened(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                var items = shown.EnumerateArray().Where(e => !IsOmission(e)).ToList();
                var omitted = shown.EnumerateArray().Where(IsOmission).Select(e => int.Parse(Regex.Match(e.GetProperty("...").GetString()!, @"^\d+").Value, CultureInfo.InvariantCulture)).Sum();
                var rest = actual.EnumerateArray().ToList();
                (items.Count + omitted).Should().Be(rest.Count, "{0}: the shown items and the \"N more\" counts add up to the record's", path);
                var at = 0;
                foreach (var item in items)
                {
                    while (at < rest.Count && !Matches(item, rest[at]))
                    {
                        at++;
                    }

                    at.Should().BeLessThan(rest.Count, "{0}: {1} is in the record, in this order", path, item.GetRawText());
                    AssertShortened(item, rest[at++], path + "[]");
                }

                break;
            default:
                shown.GetRawText().Should().Be(actual.GetRawText(), path);
                break;
        }

        static bool IsOmission(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("...", out _);

        static bool Matches(JsonElement shown, JsonElement actual)
        {
            try
            {
                AssertShortened(shown, actual, "$");
                return true;
            }
            catch (Exception e) when (e.GetType().Name.Contains("Exception", StringComparison.Ordinal))
            {
                return false;
            }
        }
    }

    /// <summary>Lines of the fenced code blocks of <paramref name="text"/> (the README by default); a pipeline's reportx part is its own line.</summary>
    private static List<string> CommandLines(string? text = null)
    {
        var lines = new List<string>();
        foreach (Match block in FencedBlock().Matches(text ?? Readme.Value))
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
