using System.Text;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>
/// normalize, segment and inspect read their inputs as extract does: the same decoding, the same one-line errors,
/// the same exit codes, and directories, globs, --files-from (also NUL-separated) and - for standard input.
/// </summary>
public sealed class CommandInputTests : IDisposable
{
    private const string Report = "二〇二一年，全區共辦理行政處罰案件86件。\n行政复议案件12件，同比下降5%。\n";
    private readonly TempDirectory _temp = new();

    static CommandInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CommandInputTests()
    {
        _temp.Write("dir/a.txt", Report);
        _temp.Write("dir/b.txt", "全年办理信息公开申请31件。\n");
        _temp.Write("gb.txt", Encoding.GetEncoding("GB18030").GetBytes(Report));
        _temp.Write("big5.txt", Encoding.GetEncoding("big5").GetBytes("全區共辦理行政處罰案件86件。\n"));
        _temp.Write("binary.txt", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00]);
        _temp.Write("empty.txt", string.Empty);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("normalize")]
    [InlineData("segment")]
    public void A_missing_file_a_directory_a_binary_and_an_empty_file_get_one_line_each_and_exit_1(string command)
    {
        var result = Run(command, "nope.txt", "binary.txt", "empty.txt", "dir/a.txt");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal(
            "reportx: nope.txt: no such file or directory",
            "reportx: binary.txt: the file holds binary data (NUL bytes), not text",
            "reportx: empty.txt: the file is empty");
        result.Text.Should().Be(Run(command, "dir/a.txt").Text, "the good input is still processed");
    }

    [Theory]
    [InlineData("normalize")]
    [InlineData("segment")]
    public void A_directory_is_walked_and_a_glob_expanded_as_extract_does(string command)
    {
        var expected = Run(command, "dir/a.txt", "dir/b.txt");

        expected.ExitCode.Should().Be(0, expected.Stderr);
        Run(command, "dir").Text.Should().Be(expected.Text);
        Run(command, "dir/").Text.Should().Be(expected.Text);
        Run(command, "d*/*.TXT").Text.Should().Be(expected.Text, "patterns are expanded by reportx and ignore case");
    }

    [Theory]
    [InlineData("normalize")]
    [InlineData("segment")]
    public void Files_from_a_list_a_nul_separated_list_and_standard_input_name_the_same_inputs(string command)
    {
        var expected = Run(command, "dir/a.txt", "dir/b.txt").Text;
        _temp.Write("list.txt", "dir/a.txt\ndir/b.txt\n");
        _temp.Write("list0", "dir/a.txt\0dir/b.txt\0");

        Run(command, "--files-from", "list.txt").Text.Should().Be(expected);
        Run(command, "--files-from", "list0", "-0").Text.Should().Be(expected);
        Run(command, "--files-from", "list0", "--null").Text.Should().Be(expected);
        Run(new CliRunOptions { Stdin = Encoding.UTF8.GetBytes("dir/a.txt\ndir/b.txt\n") }, command, "--files-from", "-").Text.Should().Be(expected);
        Run(new CliRunOptions { Stdin = Encoding.UTF8.GetBytes(Report) }, command, "-").Text.Should().Be(Run(command, "dir/a.txt").Text);
    }

    [Fact]
    public void A_nul_separated_list_keeps_a_path_with_a_line_break()
    {
        _temp.Write("odd\nname.txt", Report);
        _temp.Write("list0", "odd\nname.txt\0");

        var result = Run("normalize", "--files-from", "list0", "-0");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Text.Should().Be(Run("normalize", "dir/a.txt").Text);
    }

    [Fact]
    public void Segment_decodes_gb18030_as_extract_does_instead_of_printing_garbage()
    {
        var utf8 = Run("segment", "dir/a.txt");
        var gb = Run("segment", "gb.txt");
        var forced = Run("segment", "--encoding", "GBK", "gb.txt");

        gb.ExitCode.Should().Be(0, gb.Stderr);
        gb.Text.Should().Be(utf8.Text).And.NotContain("\uFFFD");
        forced.Text.Should().Be(utf8.Text);
    }

    [Fact]
    public void Normalize_and_inspect_take_the_encoding_option()
    {
        var normalized = Run("normalize", "--encoding", "big5", "big5.txt");
        var inspected = Run("inspect", "--encoding", "big5", "big5.txt");

        normalized.ExitCode.Should().Be(0, normalized.Stderr);
        normalized.Text.Should().Be("全区共办理行政处罚案件86件。\n");
        inspected.ExitCode.Should().Be(0, inspected.Stderr);
        inspected.Text.Should().Contain("encoding").And.Contain("big5").And.Contain("86件");
        Run("inspect", "--encoding", "latin1", "big5.txt").ExitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("no inputs: give report files", "normalize")]
    [InlineData("no inputs: give report files", "segment")]
    [InlineData("--null (-0) describes the --files-from list", "segment", "dir/a.txt", "-0")]
    [InlineData("--files-from nope.txt: no such file", "normalize", "--files-from", "nope.txt")]
    [InlineData("--files-from dir: is a directory", "normalize", "--files-from", "dir")]
    [InlineData("--encoding: unknown encoding 'latin1'", "segment", "dir/a.txt", "--encoding", "latin1")]
    [InlineData("--max-size 'lots' is not a size", "normalize", "dir/a.txt", "--max-size", "lots")]
    public void A_wrong_command_line_is_a_usage_error_for_every_command(string reason, params string[] args)
    {
        var result = Run(args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.ErrorLines.Should().Contain(l => l.StartsWith("reportx: " + reason, StringComparison.Ordinal));
        result.ErrorLines[^1].Should().Be($"try 'reportx {args[0]} --help'");
    }

    [Fact]
    public void An_input_over_max_size_is_refused_unread_by_every_command()
    {
        var result = Run("segment", "dir/a.txt", "--max-size", "10");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("reportx: dir/a.txt: the file is too large");
    }

    [Theory]
    [InlineData("normalize")]
    [InlineData("segment")]
    [InlineData("extract")]
    public void An_interrupted_run_exits_130_with_one_message_like_extract(string command)
    {
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();

        var result = Run(new CliRunOptions { CancellationToken = interrupted.Token }, command, "dir/a.txt", "dir/b.txt");

        result.ExitCode.Should().Be(130);
        result.ErrorLines.Should().Equal("reportx: interrupted");
    }

    private CliResult Run(params string[] args) => Run(new CliRunOptions(), args);

    private CliResult Run(CliRunOptions options, params string[] args) => Reportx.Run(options with { WorkingDirectory = _temp.Path }, args);
}
