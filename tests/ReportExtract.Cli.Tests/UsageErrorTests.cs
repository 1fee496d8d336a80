using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>A wrong command line: exit code 2, the reason, a hint, and no work done.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("no inputs: give report files, directories or glob patterns, or --files-from FILE", "extract")]
    [InlineData("unknown option '--bogus'", "extract", "samples/", "--bogus")]
    [InlineData("Argument 'yaml' not recognized. Must be one of:", "extract", "samples/", "--format", "yaml")]
    [InlineData("Argument 'tall' not recognized. Must be one of:", "extract", "samples/", "--csv-layout", "tall")]
    [InlineData("--jobs must be a whole number from 1 to 1024, not '0'", "extract", "samples/", "--jobs", "0")]
    [InlineData("--jobs must be a whole number from 1 to 1024, not 'many'", "extract", "samples/", "--jobs", "many")]
    [InlineData("--encoding: unknown encoding 'latin1'", "extract", "samples/", "--encoding", "latin1")]
    [InlineData("--catalog missing.csv: no such file", "extract", "samples/", "--catalog", "missing.csv")]
    [InlineData("--files-from missing.txt: no such file", "extract", "--files-from", "missing.txt")]
    [InlineData("--max-size 'lots' is not a size", "extract", "samples/", "--max-size", "lots")]
    [InlineData("--include '{txt': a '{' has no matching '}'", "extract", "samples/", "--include", "{txt")]
    [InlineData("cannot tell the output format from 'out.dat'", "extract", "samples/", "--out", "out.dat")]
    [InlineData("--out no-such-dir/out.jsonl: the directory does not exist", "extract", "samples/", "--out", "no-such-dir/out.jsonl")]
    [InlineData("--out samples is a directory", "extract", "samples/", "--out", "samples")]
    [InlineData("standard input cannot be both --files-from - and the input -", "extract", "-", "--files-from", "-")]
    public void Extract_usage_errors_exit_2_with_the_reason_and_a_hint(string reason, params string[] args)
    {
        var result = Reportx.Run(args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty("nothing is processed before every flag is valid");
        result.ErrorLines.Should().Contain(l => l.StartsWith("reportx: ", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal));
        result.ErrorLines[^1].Should().Be("try 'reportx extract --help'");
        result.Stderr.Should().NotContain("   at ");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--bogus")]
    public void Root_usage_errors_point_to_the_root_help(params string[] args)
    {
        var result = Reportx.Run(args);

        result.ExitCode.Should().Be(2);
        result.ErrorLines[^1].Should().Be("try 'reportx --help'");
    }

    [Fact]
    public void A_path_that_starts_with_a_dash_is_a_path_after_double_dash()
    {
        var result = Reportx.Run("extract", "--", "--bogus");

        result.ExitCode.Should().Be(1, "it is taken as a file, which does not exist");
        result.ErrorLines[0].Should().Be("reportx: --bogus: no such file or directory");
    }

    [Fact]
    public void Encoding_aliases_are_accepted()
    {
        foreach (var name in new[] { "utf-8", "UTF8", "gbk", "gb2312", "gb18030", "big5", "utf-16le", "utf-16be" })
        {
            Reportx.Run("extract", "samples/", "--encoding", name, "-q").ExitCode.Should().NotBe(2, name);
        }
    }
}
