using System.Runtime.Versioning;
using System.Text;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>Inputs that give no record: one line on stderr each, the others still written, exit code 1.</summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public InputErrorTests()
    {
        _temp.CopySample(RepoPaths.SampleNames[0], "good/first.txt");
        _temp.CopySample(RepoPaths.SampleNames[1], "good/second.txt");
        _temp.Write("bad/empty.txt", []);
        _temp.Write("bad/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        Directory.CreateDirectory(_temp.Combine("bad/folder"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_bad_input_is_named_with_its_reason_and_the_good_ones_are_still_written()
    {
        _temp.Write("list.txt", "bad/folder\ngood/second.txt\n");

        var result = Run("extract", "good/first.txt", "bad/missing.txt", "bad/empty.txt", "bad/binary.txt", "nothing/**/*.txt", "--files-from", "list.txt");

        result.ExitCode.Should().Be(1);
        var records = RecordSchema.AssertValid(result.Lines);
        records.Select(r => r.GetProperty("source").GetProperty("path").GetString()).Should().Equal("good/first.txt", "good/second.txt");
        var metrics = records.Sum(r => r.GetProperty("metrics").GetArrayLength());
        result.ErrorLines.Should().Equal(
            "reportx: bad/missing.txt: no such file or directory",
            "reportx: bad/empty.txt: the file is empty",
            "reportx: bad/binary.txt: the file holds binary data (NUL bytes), not text",
            "reportx: nothing/**/*.txt: no files match this pattern",
            "reportx: bad/folder: is a directory (--files-from lists files, one per line)",
            $"reportx: 2 reports written, 5 failed, 0 with warnings, {metrics} metrics found in " + result.ErrorLines[^1].Split(" in ")[1]);
    }

    [Fact]
    public void A_directory_without_matching_files_is_an_error_not_silence()
    {
        var result = Run("extract", "bad/folder", "good/first.txt");

        result.ExitCode.Should().Be(1);
        result.Lines.Should().ContainSingle();
        result.ErrorLines[0].Should().Be("reportx: bad/folder: no files matching *.txt, *.htm, *.html in this directory (see --include)");
    }

    [Fact]
    public void An_input_over_max_size_is_refused_before_reading()
    {
        _temp.Write("big.txt", Encoding.UTF8.GetBytes(new string('报', 20000)));

        var result = Run("extract", "big.txt", "good/first.txt", "--max-size", "32K");

        result.ExitCode.Should().Be(1);
        result.ErrorLines[0].Should().Be("reportx: big.txt: the file is too large (58.6 KB; the limit is 32 KB, see --max-size)");
        result.Lines.Should().ContainSingle();
    }

    [Fact]
    public void A_read_refused_by_the_system_is_reported_as_permission_denied()
    {
        // Root reads through chmod 000, so the refusal comes from the file-opening seam the real CLI uses.
        var locked = _temp.Combine("good/second.txt");
        var options = new CliRunOptions
        {
            WorkingDirectory = _temp.Path,
            OpenRead = p => p == locked ? throw new UnauthorizedAccessException($"Access to the path '{p}' is denied.") : CliEnvironment.OpenFile(p),
        };

        var result = Reportx.Run(options, "extract", "good/");

        result.ExitCode.Should().Be(1);
        result.ErrorLines[0].Should().Be("reportx: good/second.txt: permission denied");
        result.Lines.Should().ContainSingle();
    }

    [NotRootFact("chmod 000 does not stop root from reading; the seam-based test covers the message")]
    [UnsupportedOSPlatform("windows")]
    public void A_file_without_read_permission_is_reported_as_permission_denied()
    {
        var locked = _temp.Combine("good/second.txt");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var result = Run("extract", "good/");

        result.ExitCode.Should().Be(1);
        result.ErrorLines[0].Should().Be("reportx: good/second.txt: permission denied");
    }

    [Fact]
    public void An_unexpected_exception_costs_only_its_own_report()
    {
        var failing = _temp.Combine("good/first.txt");
        var options = new CliRunOptions
        {
            WorkingDirectory = _temp.Path,
            OpenRead = p => p == failing ? throw new InvalidOperationException("boom") : CliEnvironment.OpenFile(p),
        };

        var result = Reportx.Run(options, "extract", "good/");

        result.ExitCode.Should().Be(1);
        result.Lines.Should().ContainSingle();
        result.ErrorLines[0].Should().StartWith("reportx: good/first.txt: internal error (InvalidOperationException: boom)");
        result.Stderr.Should().NotContain("   at ", "stack traces only with --verbose");
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);
}
