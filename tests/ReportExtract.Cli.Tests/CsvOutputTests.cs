using System.Text;
using CsvHelper;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Tests.Infrastructure;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Cli.Tests;

/// <summary>CSV bytes: BOM, RFC 4180 quoting, the formula-injection guard, invariant numbers.</summary>
public sealed class CsvOutputTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void Wide_csv_on_samples_has_a_header_and_one_row_per_report_after_a_bom()
    {
        var result = Reportx.Run(new CliRunOptions { StdoutIsFile = true }, "extract", "samples/", "--format", "csv");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Take(3).Should().Equal(Bom);
        var rows = ReadCsv(result.Stdout);
        rows[0].Should().Equal([.. CsvReportEmitter.WideColumns, .. IndicatorCatalog.LoadBuiltIn().Ids], "one column per catalog indicator follows the report's own fields");
        rows[0].Should().Contain(["penalty_cases", "litigation_loss_rate", "info_disclosed"]);
        rows.Skip(1).Select(r => r[0]).Should().Equal(RepoPaths.SampleNames.Select(n => Path.Join("samples/", n)));
        result.Text.Should().Contain("\r\n", "RFC 4180 rows end with CRLF");
    }

    [Fact]
    public void No_bom_omits_the_byte_order_mark_only()
    {
        var with = Reportx.Run("extract", "samples/", "--format", "csv", "--bom");
        var without = Reportx.Run(new CliRunOptions { StdoutIsFile = true }, "extract", "samples/", "--format", "csv", "--no-bom");

        without.Stdout.Take(3).Should().NotEqual(Bom);
        without.Stdout.Should().Equal(with.Stdout.Skip(3));
    }

    [Fact]
    public void Out_extension_picks_csv_and_format_overrides_it()
    {
        using var temp = new TempDirectory();
        var options = new CliRunOptions { WorkingDirectory = temp.Path };
        var samples = RepoPaths.Samples;

        Reportx.Run(options, "extract", samples, "--out", "a.csv").ExitCode.Should().Be(0);
        Reportx.Run(options, "extract", samples, "--out", "b.csv", "--format", "jsonl").ExitCode.Should().Be(0);

        File.ReadAllBytes(temp.Combine("a.csv")).Take(3).Should().Equal(Bom);
        File.ReadAllText(temp.Combine("b.csv")).Should().StartWith("{\"schema\":\"reportx.record/1\"");
    }

    [Fact]
    public void Text_with_commas_quotes_and_newlines_is_quoted_and_formulas_are_neutralized()
    {
        var record = Record(
            title: "=HYPERLINK(\"http://x\",\"点我\")",
            organization: "温岭市住房和城乡建设局, \"住建局\"\n第二行",
            documentNumber: "-温建〔2022〕4号",
            region: new RegionInfo("331081", "+浙江省", "@台州市", "\t温岭市"));

        var text = Emit(CsvLayout.Wide, record, bom: false);

        var row = text.Split("\r\n")[1];
        row.Should().StartWith(
            "samples/a.txt,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",\"温岭市住房和城乡建设局, \"\"住建局\"\"\n第二行\",2021,2022-01-05,,'-温建〔2022〕4号,,331081,'+浙江省,'@台州市,'\t温岭市,3,2");
        ReadCsv(Encoding.UTF8.GetBytes(text))[1][1].Should().Be("'=HYPERLINK(\"http://x\",\"点我\")", "a reader gets the text back, only defused");
    }

    [Fact]
    public void Long_layout_has_one_row_per_metric_with_numbers_untouched_by_the_guard_and_text_guarded()
    {
        var text = Emit(CsvLayout.Long, Record(), bom: false);

        var rows = ReadCsv(Encoding.UTF8.GetBytes(text));
        rows[0].Should().Equal(CsvReportEmitter.LongColumns);
        rows.Should().HaveCount(3);
        rows[1].Should().Equal(
            "samples/a.txt", "温岭市人民政府", "2021", "amount", "12345678901234567000", "元", "over", "increase", "罚没款", "penalty_amount",
            "2021", "1.2", "1234.5亿余元", "10", "19", "罚没款1234.5亿余元", "", "", "", "");
        rows[2].Should().Equal(
            "samples/a.txt", "温岭市人民政府", "2021", "rate", "-0.000001", "%", "", "", "'-下降率", "", "", "", "'-0.000001%", "30", "40", "'=SUM(A1)", "true", "", "", "");
    }

    [Theory]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(-2.5e-6, "-0.0000025")]
    [InlineData(1.5e16, "15000000000000000")]
    [InlineData(100.0, "100")]
    [InlineData(0.0, "0")]
    public void Numbers_round_trip_in_the_invariant_culture_without_exponent(double value, string expected)
    {
        var text = CsvCells.Number(value);

        text.Should().Be(expected);
        double.Parse(text, System.Globalization.CultureInfo.InvariantCulture).Should().Be(value);
    }

    [Fact]
    public void Numbers_stay_invariant_under_a_comma_decimal_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A German-style culture built by hand: the test host runs in globalization-invariant mode.
            var german = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            System.Globalization.CultureInfo.CurrentCulture = german;
            Emit(CsvLayout.Long, Record(), bom: false).Should().Contain(",12345678901234567000,").And.Contain(",-0.000001,");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Emit(CsvLayout layout, ReportRecord record, bool bom)
    {
        using var stream = new MemoryStream();
        var emitter = new CsvReportEmitter(stream, layout, bom, []);
        emitter.Begin();
        emitter.Write(record);
        emitter.End();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ReportRecord Record(string? title = "温岭市人民政府2021年法治政府建设年度报告", string? organization = "温岭市人民政府",
        string? documentNumber = null, RegionInfo? region = null) => new()
    {
        Source = new SourceInfo("samples/a.txt", new string('0', 64), 100, "utf-8", ScriptKind.Simplified),
        Title = title,
        Organization = organization,
        ReportYear = 2021,
        DocumentDate = new DateOnly(2022, 1, 5),
        DocumentNumber = documentNumber,
        Region = region,
        Sections =
        [
            new Section("1", 1, "一、", "主要举措和成效", SectionKind.Achievements, new TextSpan(0, 50),
                [new Section("1.1", 2, "（一）", "严格执法", SectionKind.Achievements, new TextSpan(5, 50), [])]),
            new Section("2", 1, "二、", "存在的不足", SectionKind.Shortcomings, new TextSpan(50, 60), []),
        ],
        Metrics =
        [
            new Metric(MetricKind.Amount, 12345678901234567000.0, "元", Approximation.Over, Delta.Increase, "罚没款", "penalty_amount", 2021, "1.2",
                "1234.5亿余元", new TextSpan(10, 19), "罚没款1234.5亿余元"),
            new Metric(MetricKind.Rate, -0.000001, "%", null, null, "-下降率", null, null, null, "-0.000001%", new TextSpan(30, 40), "=SUM(A1)", Table: true),
        ],
    };

    /// <summary>Parses CSV bytes back into rows with CsvHelper's reader (an independent check of the quoting).</summary>
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
