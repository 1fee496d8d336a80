using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>--out is replaced whole or not at all; a closed stdout ends the run quietly.</summary>
public sealed class AtomicOutputTests : IDisposable
{
    private const string Previous = "previous content\n";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_completed_run_replaces_the_file_and_leaves_no_temporary_file()
    {
        _temp.Write("out.jsonl", Previous);

        var result = Run("extract", RepoPaths.Samples, "--out", "out.jsonl");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().BeEmpty();
        var lines = File.ReadAllLines(_temp.Combine("out.jsonl"));
        RecordSchema.AssertValid(lines).Should().HaveCount(RepoPaths.SampleNames.Count);
        _temp.AllFiles().Should().Equal("out.jsonl");
    }

    [Fact]
    public void A_run_where_some_inputs_failed_still_writes_the_others()
    {
        var result = Run("extract", RepoPaths.Samples, "missing.txt", "--out", "out.json");

        result.ExitCode.Should().Be(1);
        RecordSchema.AssertValid(System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(_temp.Combine("out.json"))).RootElement
            .EnumerateArray().Select(e => e.GetRawText())).Should().HaveCount(RepoPaths.SampleNames.Count);
    }

    [Fact]
    public void A_usage_error_leaves_the_previous_file_untouched()
    {
        _temp.Write("out.csv", Previous);

        var result = Run("extract", RepoPaths.Samples, "--out", "out.csv", "--jobs", "0");

        result.ExitCode.Should().Be(2);
        File.ReadAllText(_temp.Combine("out.csv")).Should().Be(Previous);
        _temp.AllFiles().Should().Equal("out.csv");
    }

    [Fact]
    public void Writing_that_fails_midway_leaves_the_previous_file_and_no_partial_one()
    {
        _temp.Write("out.jsonl", Previous);
        var options = new CliRunOptions
        {
            WorkingDirectory = _temp.Path,
            WrapOutput = s => new FailingStream(s, limit: 1000, FailingStream.DiskFull),
        };

        var result = Reportx.Run(options, "extract", RepoPaths.Samples, "--out", "out.jsonl", "--jobs", "1");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal("reportx: cannot write out.jsonl: No space left on device");
        File.ReadAllText(_temp.Combine("out.jsonl")).Should().Be(Previous);
        _temp.AllFiles().Should().Equal("out.jsonl");
    }

    [Fact]
    public void A_system_write_error_is_reported_without_the_temporary_path()
    {
        var options = new CliRunOptions
        {
            WorkingDirectory = _temp.Path,
            WrapOutput = s => new FailingStream(s, 200, () => new IOException($"No space left on device : '{_temp.Path}/.out.csv.0123.tmp'", 28)),
        };

        var result = Reportx.Run(options, "extract", RepoPaths.Samples, "--out", "out.csv");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal("reportx: cannot write out.csv: No space left on device");
    }

    [Fact]
    public void Writing_that_fails_midway_with_no_previous_file_leaves_nothing()
    {
        var options = new CliRunOptions { WorkingDirectory = _temp.Path, WrapOutput = s => new FailingStream(s, 200, FailingStream.DiskFull) };

        Reportx.Run(options, "extract", RepoPaths.Samples, "--out", "new.csv").ExitCode.Should().Be(1);

        _temp.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public void An_interrupted_run_leaves_the_previous_file_and_exits_130()
    {
        _temp.Write("out.jsonl", Previous);
        using var interrupt = new CancellationTokenSource();
        var reads = 0;
        var options = new CliRunOptions
        {
            WorkingDirectory = _temp.Path,
            CancellationToken = interrupt.Token,
            OpenRead = path =>
            {
                // Ctrl+C arrives while the third report is being read.
                if (Interlocked.Increment(ref reads) == 3)
                {
                    interrupt.Cancel();
                }

                return CliEnvironment.OpenFile(path);
            },
        };

        var result = Reportx.Run(options, "extract", RepoPaths.Samples, "--out", "out.jsonl", "--jobs", "1");

        result.ExitCode.Should().Be(130);
        result.ErrorLines.Should().Equal("reportx: interrupted");
        File.ReadAllText(_temp.Combine("out.jsonl")).Should().Be(Previous);
        _temp.AllFiles().Should().Equal("out.jsonl");
    }

    [Fact]
    public void A_closed_stdout_ends_the_run_quietly_with_success()
    {
        var result = Reportx.Run(new CliRunOptions { StdoutClosesAfter = 100 }, "extract", "samples/", "--jobs", "1");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty("a reader that leaves early (| head -1) is not an error");
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);
}
