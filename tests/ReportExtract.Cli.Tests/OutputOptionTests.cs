using CsvHelper;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>Output options that mean one thing: -o -, CSV-only options, names in any case, the BOM, index_number, plain inspect.</summary>
public sealed class OutputOptionTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("-o")]
    [InlineData("--out")]
    public void Out_dash_is_standard_output_not_a_file_named_dash(string option)
    {
        var result = Run("extract", RepoPaths.Samples, option, "-");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Lines.Should().HaveCount(RepoPaths.SampleNames.Count);
        _temp.AllFiles().Should().BeEmpty("nothing is written to a file named '-'");
        Run("extract", RepoPaths.Samples, option, "-", "--format", "csv").Text.Should().StartWith("source_path,");
    }

    [Theory]
    [InlineData("--csv-layout", "long")]
    [InlineData("--bom")]
    [InlineData("--no-bom")]
    public void A_csv_option_without_csv_output_is_a_usage_error(params string[] option)
    {
        var result = Run(["extract", RepoPaths.Samples, .. option]);
        var withJsonFile = Run(["extract", RepoPaths.Samples, "--out", "all.json", .. option]);

        result.ExitCode.Should().Be(2);
        result.ErrorLines[0].Should().Be($"reportx: {option[0]} applies to CSV output only, and this run writes jsonl: add --format csv (or an .csv --out), or drop {option[0]}");
        withJsonFile.ExitCode.Should().Be(2);
        withJsonFile.ErrorLines[0].Should().Contain("this run writes json:");
        Run(["extract", RepoPaths.Samples, "--format", "csv", .. option]).ExitCode.Should().Be(0);
        Run(["extract", RepoPaths.Samples, "--out", "all.csv", .. option]).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Format_and_layout_names_and_extensions_ignore_case()
    {
        var lower = Run("extract", RepoPaths.Samples, "--format", "csv", "--csv-layout", "long");
        var upper = Run("extract", RepoPaths.Samples, "--format", "CSV", "--csv-layout", "LONG");
        var file = Run("extract", RepoPaths.Samples, "--out", "ALL.CSV", "--csv-layout", "Long", "--no-bom");

        upper.ExitCode.Should().Be(0, upper.Stderr);
        upper.Stdout.Should().Equal(lower.Stdout);
        file.ExitCode.Should().Be(0, file.Stderr);
        File.ReadAllBytes(_temp.Combine("ALL.CSV")).Should().Equal(lower.Stdout);
    }

    [Fact]
    public void The_csv_byte_order_mark_goes_into_files_and_not_into_pipes_unless_forced()
    {
        var pipe = Run("extract", RepoPaths.Samples, "--format", "csv");
        var redirected = Run(new CliRunOptions { StdoutIsFile = true }, "extract", RepoPaths.Samples, "--format", "csv");
        var forced = Run("extract", RepoPaths.Samples, "--format", "csv", "--bom");
        var refused = Run(new CliRunOptions { StdoutIsFile = true }, "extract", RepoPaths.Samples, "--format", "csv", "--no-bom");
        Run("extract", RepoPaths.Samples, "--out", "out.csv").ExitCode.Should().Be(0);
        Run("extract", RepoPaths.Samples, "--out", "plain.csv", "--no-bom").ExitCode.Should().Be(0);

        pipe.Text.Should().StartWith("source_path,", "a program reading a pipe gets the first header as written");
        redirected.Stdout.Take(3).Should().Equal(Bom);
        forced.Stdout.Should().Equal([.. Bom, .. pipe.Stdout]);
        refused.Stdout.Should().Equal(pipe.Stdout);
        File.ReadAllBytes(_temp.Combine("out.csv")).Should().Equal(forced.Stdout);
        File.ReadAllBytes(_temp.Combine("plain.csv")).Should().Equal(pipe.Stdout);
        Run("extract", RepoPaths.Samples, "--format", "csv", "--bom", "--no-bom").ExitCode.Should().Be(2);
    }

    [Fact]
    public void The_wide_csv_has_the_index_number()
    {
        const string sample = "wenling-housing-bureau-2021.txt";
        var result = Run("extract", Path.Combine(RepoPaths.Samples, sample), "--format", "csv");
        var record = System.Text.Json.JsonDocument.Parse(Run("extract", Path.Combine(RepoPaths.Samples, sample)).Text).RootElement;

        using var reader = CsvReader.Create(result.Stdout, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        var indexNumber = record.GetProperty("index_number").GetString();
        indexNumber.Should().NotBeNullOrEmpty("the sample states its 索引号");
        rows[1][Array.IndexOf(rows[0], "index_number")].Should().Be(indexNumber);
        Array.IndexOf(rows[0], "index_number").Should().Be(Array.IndexOf(rows[0], "document_number") + 1);
    }

    [Fact]
    public void Inspect_pads_no_line_with_spaces_when_its_output_is_not_a_terminal()
    {
        var result = Run("inspect", Path.Combine(RepoPaths.Samples, "wenling-housing-bureau-2021.txt"));

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Text.Split('\n');
        lines.Should().HaveCountGreaterThan(20);
        lines.Should().NotContain(l => l.EndsWith(' '), "cells padded to their column's width would leave trailing spaces");
        lines.Should().Contain(l => l.StartsWith("report year", StringComparison.Ordinal) && l.EndsWith("2021", StringComparison.Ordinal));
    }

    private CliResult Run(params string[] args) => Run(new CliRunOptions(), args);

    private CliResult Run(CliRunOptions options, params string[] args) => Reportx.Run(options with { WorkingDirectory = _temp.Path }, args);
}
