using System.Diagnostics;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>The built reportx.dll as a real process: exit codes, real standard streams, a pipe closed by its reader.</summary>
public sealed class ProcessTests
{
    private static readonly string ReportxDll = Path.Combine(AppContext.BaseDirectory, "reportx.dll");

    [Fact]
    public void Extract_on_samples_exits_0_with_records_on_stdout_and_the_summary_on_stderr()
    {
        var (exitCode, stdout, stderr) = RunToEnd(RepoPaths.Root, "extract", "samples/");

        exitCode.Should().Be(0, stderr);
        RecordSchema.AssertValid(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Should().HaveCount(RepoPaths.SampleNames.Count);
        stderr.Should().StartWith("reportx: 5 reports written, 0 failed").And.NotContain("files/s", "stderr is redirected: no progress bar");
    }

    [Theory]
    [InlineData(1, "extract", "samples/", "missing.txt")]
    [InlineData(2, "extract", "samples/", "--format", "xml")]
    [InlineData(2, "extract")]
    public void Exit_codes_reach_the_shell(int expected, params string[] args)
    {
        var (exitCode, _, stderr) = RunToEnd(RepoPaths.Root, args);

        exitCode.Should().Be(expected, stderr);
    }

    [Fact]
    public async Task A_reader_that_closes_the_pipe_early_ends_the_run_promptly_and_quietly()
    {
        using var temp = new TempDirectory();
        for (var i = 0; i < 600; i++)
        {
            temp.Write($"many/{i:D5}.txt", $"第{i}份报告\n全年共办理行政许可{i}件。\n");
        }

        using var process = Start(temp.Path, "extract", "many", "--jobs", "2");
        var stderr = process.StandardError.ReadToEndAsync();

        // `| head -1`: read one record, then go away. 600 records (~250 KB) cannot all fit in the pipe's buffer (64 KB),
        // so the run meets the closed pipe; finishing instead would print the summary on stderr.
        var first = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = async () => await process.WaitForExitAsync(timeout.Token);

        await exit.Should().NotThrowAsync("the run must notice the closed pipe instead of extracting on for nothing");
        first.Should().StartWith("{\"schema\":\"reportx.record/1\"");
        process.ExitCode.Should().Be(0);
        (await stderr).Should().BeEmpty("a closed pipe is not an error: no message, no stack trace, no summary");
    }

    [Fact]
    public void Reportx_without_arguments_prints_the_help_and_exits_0()
    {
        var (exitCode, stdout, stderr) = RunToEnd(RepoPaths.Root);

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("Usage:").And.Contain("extract").And.Contain("Examples:");
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Csv_redirected_to_a_file_starts_with_a_bom_and_csv_into_a_pipe_does_not()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var samples = RepoPaths.Samples;
        var (exitCode, _, stderr) = RunProgram("/bin/sh", temp.Path, "-c", $"exec \"$0\" \"$1\" extract '{samples}' --format csv > out.csv", Dotnet, ReportxDll);
        // The first three bytes that went through a real pipe, in hex (a reader in .NET would drop a BOM unseen).
        var (_, piped, _) = RunProgram("/bin/sh", temp.Path, "-c", $"\"$0\" \"$1\" extract '{samples}' --format csv | od -An -tx1 -N3", Dotnet, ReportxDll);

        exitCode.Should().Be(0, stderr);
        File.ReadAllBytes(temp.Combine("out.csv")).Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "a file is opened by Excel, which needs the BOM for Chinese");
        piped.Trim().Should().Be("73 6f 75", "a program reading the pipe (csv.DictReader) gets its first header, source_path, as written");
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Runs the built reportx to its end with redirected streams (pipes); returns exit code, stdout and stderr.</summary>
    internal static (int ExitCode, string Stdout, string Stderr) RunToEnd(string workingDirectory, params string[] args) =>
        RunProgram(Dotnet, workingDirectory, [ReportxDll, .. args]);

    private static (int ExitCode, string Stdout, string Stderr) RunProgram(string program, string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(program, workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Only against a hang: the process ends on its own.
        process.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeTrue();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static Process Start(string workingDirectory, params string[] args) =>
        Process.Start(StartInfo(Dotnet, workingDirectory, [ReportxDll, .. args]))!;

    /// <summary>All three streams redirected (pipes), standard output read as UTF-8.</summary>
    private static ProcessStartInfo StartInfo(string program, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
