using System.CommandLine;
using ReportExtract.Cli.Commands;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>Flags reach the run and the pipeline's <see cref="ExtractOptions"/> as they should.</summary>
public sealed class ExtractSettingsTests
{
    [Fact]
    public void Pipeline_options_are_wired_from_encoding_keep_script_and_catalog()
    {
        using var temp = new TempDirectory();
        var catalog = temp.Write("indicators.csv", "id,pattern\n");

        var settings = Parse(temp.Path, "extract", "a.txt", "--encoding", "GBK", "--keep-script", "--catalog", "indicators.csv");

        settings!.Options.Should().Be(new ExtractOptions(Encoding: "gb18030", KeepScript: true, CatalogPath: catalog));
    }

    [Fact]
    public void Defaults()
    {
        var settings = Parse(RepoPaths.Root, "extract", "samples/")!;

        settings.Options.Should().Be(default(ExtractOptions));
        settings.Format.Should().Be(OutputFormat.JsonLines);
        settings.CsvLayout.Should().Be(CsvLayout.Wide);
        settings.ByteOrderMark.Should().BeNull("by default the output decides: a file gets a BOM, a pipe does not");
        settings.Jobs.Should().Be(Environment.ProcessorCount);
        settings.MaxBytes.Should().Be(64L << 20);
        settings.Include.Select(g => g.Pattern).Should().Equal("*.txt", "*.htm", "*.html");
        settings.OutputPath.Should().BeNull();
    }

    [Theory]
    [InlineData("out.json", null, "Json")]
    [InlineData("OUT.CSV", null, "Csv")]
    [InlineData("out.ndjson", null, "JsonLines")]
    [InlineData("out.csv", "json", "Json")]
    [InlineData("out.txt", "csv", "Csv")]
    public void The_format_follows_the_out_extension_unless_given(string output, string? format, string expectedName)
    {
        var expected = Enum.Parse<OutputFormat>(expectedName);
        string[] args = format is null ? ["extract", "samples/", "-o", output] : ["extract", "samples/", "-o", output, "-f", format];

        Parse(RepoPaths.Root, args)!.Format.Should().Be(expected);
    }

    [Fact]
    public void Sizes_jobs_layout_and_bom()
    {
        var settings = Parse(RepoPaths.Root, "extract", "samples/", "--max-size", "1.5", "-j", "3", "--csv-layout", "long", "--no-bom", "-q");

        settings.Should().BeNull("1.5 is not a whole size");
        settings = Parse(RepoPaths.Root, "extract", "samples/", "--max-size", "500k", "-j", "3", "-f", "csv", "--csv-layout", "long", "--no-bom", "-q");
        settings!.MaxBytes.Should().Be(500 * 1024);
        settings.Jobs.Should().Be(3);
        settings.CsvLayout.Should().Be(CsvLayout.Long);
        settings.ByteOrderMark.Should().BeFalse();
        settings.Quiet.Should().BeTrue();
        Parse(RepoPaths.Root, "extract", "samples/", "-f", "csv", "--bom")!.ByteOrderMark.Should().BeTrue();
    }

    /// <summary>The settings of a valid command line; null when it has errors.</summary>
    private static ExtractSettings? Parse(string workingDirectory, params string[] args)
    {
        var environment = new CliEnvironment { Stdout = Stream.Null, Stderr = TextWriter.Null, Stdin = Stream.Null, WorkingDirectory = workingDirectory };
        var global = new GlobalOptions();
        var command = new ExtractCommand(environment, global);
        var root = new RootCommand { command.Command, global.Quiet, global.Verbose };
        var parse = root.Parse(args);
        return parse.Errors.Count == 0 ? command.Settings(parse) : null;
    }
}
