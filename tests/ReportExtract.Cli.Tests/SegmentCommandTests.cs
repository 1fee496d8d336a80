using System.Text;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary><c>reportx segment</c> prints what Python jieba prints for the same lines (expected lines made by jieba 0.42.1).</summary>
public sealed class SegmentCommandTests : IDisposable
{
    private const string Input = "2021年，全市共办理行政处罚案件29179件，罚没金额1616.85万元。\n龍湖區城管局出庭应诉率100%\n";
    private readonly TempDirectory _temp = new();

    public SegmentCommandTests() => File.WriteAllText(Path.Combine(_temp.Path, "report.txt"), Input, new UTF8Encoding(false));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cut_prints_jieba_cut_tokens_one_line_per_input_line()
    {
        var result = Run("segment", "report.txt");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Text.Should().Be(
            "2021 年 ， 全市 共 办理 行政处罚 案件 29179 件 ， 罚没 金额 1616.85 万元 。\n"
            + "龍 湖區 城管局 出庭 应诉 率 100%\n");
    }

    [Fact]
    public void No_hmm_and_pos_follow_jieba_options()
    {
        Run("segment", "--no-hmm", "report.txt").Lines.Should().Equal(
            "2021 年 ， 全市 共 办理 行政处罚 案件 29179 件 ， 罚没 金额 1616 . 85 万元 。",
            "龍 湖 區 城管局 出庭 应诉 率 100 %");
        Run("segment", "--pos", "report.txt").Lines.Should().Equal(
            "2021/m 年/m ，/x 全市/n 共/d 办理/n 行政处罚/n 案件/n 29179/m 件/q ，/x 罚没/v 金额/n 1616.85/m 万元/m 。/x",
            "龍湖區/ns 城管局/nt 出庭/n 应诉/v 率/v 100/m %/x");
    }

    [Fact]
    public void A_user_dictionary_changes_the_cut_and_a_missing_one_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "terms.txt"), "出庭应诉率 100 n\n");

        Run("segment", "--user-dict", "terms.txt", "report.txt").Lines[1].Should().Be("龍 湖區 城管局 出庭应诉率 100%");
        var missing = Run("segment", "--user-dict", "nope.txt", "report.txt");
        missing.ExitCode.Should().Be(2);
        missing.ErrorLines[0].Should().Be("reportx: --user-dict nope.txt: no such file or directory");
    }

    [Fact]
    public void A_missing_file_is_named_and_the_others_are_still_segmented()
    {
        var result = Run("segment", "missing.txt", "report.txt");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal("reportx: missing.txt: no such file or directory");
        result.Lines.Should().HaveCount(2);
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);
}
