using System.Text;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

public sealed class NormalizeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reportx-normalize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ReportExtract.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("the repository root is not above the test binaries");
        }
    }

    private static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string Fixture(string name) => Path.Combine(Root, "tests", "ReportExtract.Tests", "Fixtures", "encodings", name);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var result = Reportx.Run(args);
        return (result.ExitCode, result.Text, result.Stderr);
    }

    [Fact]
    public void Prints_the_normalized_traditional_sample_in_simplified_script()
    {
        var (exit, output, error) = Run("normalize", Sample("longhu-urban-management-2023-traditional.txt"));

        exit.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().StartWith("龙湖区城管局全面贯彻党的二十大精神,深入贯彻习近平法治思想,").And.NotContain("(qū)").And.EndWith("\n");
    }

    [Fact]
    public void Keep_script_prints_traditional_characters_without_pinyin()
    {
        var (exit, output, _) = Run("normalize", "--keep-script", Sample("longhu-urban-management-2023-traditional.txt"));

        exit.Should().Be(0);
        output.Should().StartWith("龍湖區城管局全面貫徹黨的二十大精神,深入貫徹習近平法治思想,");
    }

    [Fact]
    public void Page_chrome_of_a_sample_is_gone_and_its_metadata_stays()
    {
        var (_, output, _) = Run("normalize", Sample("fuling-maan-subdistrict-2021.txt"), Sample("wenling-government-2021.txt"));

        output.Should().StartWith("重庆市涪陵区马鞍街道办事处2021年法治政府建设工作年度报告\n日期:2022-01-14\n");
        output.Should().NotContainAny("分享文章到", "字 号", "当前位置", "浏览次数");
        output.Should().Contain("\n发布日期:2022-02-25 14:12 信息来源:温岭市人民政府\n");
    }

    [Fact]
    public void Forced_and_detected_encodings_print_the_same_text()
    {
        var (_, detected, _) = Run("normalize", Fixture("wenling-government.gbk.txt"));
        var (exit, forced, _) = Run("normalize", "--encoding", "GBK", Fixture("wenling-government.gbk.txt"));
        var (_, utf8, _) = Run("normalize", Fixture("wenling-government.utf8.txt"));

        exit.Should().Be(0);
        forced.Should().Be(detected).And.Be(utf8).And.Contain("温岭市人民政府2021年法治政府建设年度报告");
    }

    [Fact]
    public void Html_files_print_their_text()
    {
        var path = Path.Combine(_dir, "report.html");
        File.WriteAllText(path, "<html><body><p>当前位置：首页</p><h1>报告</h1><table><tr><td>案件</td><td>５６件</td></tr></table></body></html>", Encoding.UTF8);

        var (exit, output, _) = Run("normalize", path);

        exit.Should().Be(0);
        output.Should().Be("报告\n案件|56件\n");
    }

    [Fact]
    public void A_failing_file_is_reported_with_its_path_and_the_others_still_print()
    {
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var binary = Path.Combine(_dir, "image.png");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var missing = Path.Combine(_dir, "missing.txt");

        var (exit, output, error) = Run("normalize", empty, Sample("bishan-planning-resources-2023.txt"), missing, binary);

        exit.Should().Be(1);
        output.Should().StartWith("重庆市璧山区规划和自然资源局关于2023年度法治政府建设情况的报告\n");
        error.Should().Contain($"reportx: {empty}: the file is empty")
            .And.Contain($"reportx: {missing}: ")
            .And.Contain($"reportx: {binary}: the file holds binary data (NUL bytes), not text");
    }

    [Fact]
    public void Decoding_warnings_go_to_stderr_with_the_path()
    {
        var path = Path.Combine(_dir, "damaged.txt");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("法治政府"), 0xFF, .. Encoding.UTF8.GetBytes("建设年度报告")]);

        var (exit, output, error) = Run("normalize", path);

        exit.Should().Be(0);
        output.Should().Be("法治政府\uFFFD建设年度报告\n");
        error.Should().Be($"reportx: {path}: warning: 1 invalid byte sequence(s) in the utf-8 input were replaced with U+FFFD{Environment.NewLine}");
    }

    [Fact]
    public void An_unknown_encoding_is_a_usage_error()
    {
        var (exit, output, error) = Run("normalize", "--encoding", "latin-1", Sample("bishan-planning-resources-2023.txt"));

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("unknown encoding 'latin-1'").And.Contain("gb18030");
    }
}
