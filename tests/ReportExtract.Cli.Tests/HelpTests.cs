using System.Reflection;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>--help explains every option with examples; --version prints the version.</summary>
public sealed class HelpTests
{
    internal static readonly string[] ExtractOptions =
    [
        "--files-from", "--null", "--include", "--format", "--out", "--csv-layout", "--bom", "--no-bom", "--jobs", "--encoding",
        "--keep-script", "--catalog", "--max-size", "--warnings", "--strict", "--quiet", "--verbose", "--help",
    ];

    [Fact]
    public void Extract_help_lists_every_option_and_ends_with_examples()
    {
        var result = Reportx.Run("extract", "--help");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        var help = result.Text;
        foreach (var option in ExtractOptions)
        {
            help.Should().Contain(option);
        }

        help.Should().Contain("Examples:").And.Contain("reportx extract samples/*.txt").And.Contain("--files-from -");
    }

    [Fact]
    public void Root_help_lists_the_commands_with_examples()
    {
        var result = Reportx.Run("--help");

        result.ExitCode.Should().Be(0);
        result.Text.Should().Contain("extract").And.Contain("Examples:").And.Contain("reportx extract samples/");
    }

    [Fact]
    public void Help_wins_over_missing_inputs()
    {
        Reportx.Run("extract", "-h").ExitCode.Should().Be(0);
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var result = Reportx.Run("--version");

        result.ExitCode.Should().Be(0);
        var expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        result.Text.Trim().Should().Be(expected).And.StartWith("0.");
    }
}
