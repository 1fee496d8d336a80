using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using CsvHelper;
using MiniExcelLibs;
using ReportExtract.Cli.Emitters;
using ReportExtract.Model;

namespace ReportExtract.Cli.Tests.Review;

/// <summary>The workbook read back with MiniExcel, cell by cell against the CSV of the same records.</summary>
public sealed class XlsxRoundTripTests
{
    private static readonly string[] Indicators = ["penalty_cases", "penalty_amount", "training_sessions"];
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void Both_sheets_hold_what_the_csv_holds_with_numbers_as_numbers_and_dates_as_dates()
    {
        var records = HandMadeRecords();
        var workbook = Emit(records, s => new XlsxReportEmitter(s, Indicators));

        CompareSheet(workbook, "reports", Csv(records, CsvLayout.Wide));
        CompareSheet(workbook, "metrics", Csv(records, CsvLayout.Long));

        var reports = Rows(workbook, "reports");
        reports[0]["document_date"].Should().BeOfType<DateTime>().Which.Should().Be(new DateTime(2024, 1, 15));
        reports[0]["report_year"].Should().BeOfType<double>().Which.Should().Be(2023);
        reports[0]["penalty_amount"].Should().BeOfType<double>().Which.Should().Be(125000);
        reports[1]["document_date"].Should().BeNull();
        var metrics = Rows(workbook, "metrics");
        metrics.Select(m => m["value"]).Should().AllBeOfType<double>();
        metrics.Select(m => m["span_start"]).Should().AllBeOfType<double>();
        metrics.Should().HaveCount(records.Sum(r => r.Metrics.Length));
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_stored_as_text()
    {
        var records = HandMadeRecords();
        var workbook = Emit(records, s => new XlsxReportEmitter(s, Indicators));

        Rows(workbook, "reports")[1]["organization"].Should().Be("=HYPERLINK(\"http://x\",\"点我\")", "a workbook cell has a type: text is never run");
        SheetXml(workbook, "sheet2").Descendants(Sheet + "f").Should().BeEmpty("no cell is a formula");
    }

    [Fact]
    public void The_header_row_is_frozen_and_every_column_has_a_width()
    {
        var workbook = Emit(HandMadeRecords(), s => new XlsxReportEmitter(s, Indicators));

        foreach (var (sheet, columns) in new[] { ("sheet1", ReportTable.WideHeader(Indicators).Length), ("sheet2", ReportTable.LongColumns.Length) })
        {
            var xml = SheetXml(workbook, sheet);
            var pane = xml.Descendants(Sheet + "pane").Single();
            pane.Attribute("ySplit")!.Value.Should().Be("1");
            pane.Attribute("state")!.Value.Should().Be("frozen");
            pane.Attribute("xSplit").Should().BeNull("only the header row is frozen");
            var widths = xml.Descendants(Sheet + "col").Select(c => double.Parse(c.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToList();
            widths.Should().HaveCount(columns).And.OnlyContain(w => w >= 8 && w <= 61);
        }

        var metricWidths = SheetXml(workbook, "sheet2").Descendants(Sheet + "col").Select(c => double.Parse(c.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToList();
        metricWidths[Array.IndexOf(ReportTable.LongColumns, "sentence")].Should().BeGreaterThan(metricWidths[Array.IndexOf(ReportTable.LongColumns, "kind")], "long text gets a wider column");
    }

    [Fact]
    public void The_command_line_writes_the_workbook_of_the_samples_like_its_csv()
    {
        var directory = ReviewPaths.NewTempDirectory();
        try
        {
            var xlsx = Path.Combine(directory, "reports.xlsx");
            var wide = Path.Combine(directory, "wide.csv");
            var longCsv = Path.Combine(directory, "long.csv");
            ReviewRun.Of("extract", "samples/", "--out", xlsx, "--quiet").ExitCode.Should().Be(0);
            ReviewRun.Of("extract", "samples/", "--out", wide, "--no-bom", "--quiet").ExitCode.Should().Be(0);
            ReviewRun.Of("extract", "samples/", "--out", longCsv, "--csv-layout", "long", "--no-bom", "--quiet").ExitCode.Should().Be(0);

            var workbook = File.ReadAllBytes(xlsx);
            CompareSheet(workbook, "reports", ReadCsv(File.ReadAllBytes(wide)));
            CompareSheet(workbook, "metrics", ReadCsv(File.ReadAllBytes(longCsv)));
            Rows(workbook, "reports").Should().HaveCount(ReviewPaths.Samples.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_workbook_is_never_written_to_standard_output()
    {
        var run = ReviewRun.Of("extract", "samples/", "--format", "xlsx");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("--out");
    }

    [Fact]
    public void More_metrics_than_a_sheet_holds_is_an_error_that_points_to_csv()
    {
        var records = HandMadeRecords();
        using var stream = new MemoryStream();
        var emitter = new XlsxReportEmitter(stream, Indicators, maxRows: 8);
        emitter.Begin();
        foreach (var record in records)
        {
            emitter.Write(record);
        }

        emitter.Invoking(e => e.End()).Should().Throw<IOException>()
            .WithMessage("the metrics sheet would have 11 rows, more than an Excel sheet holds (7 besides the header): write CSV instead (--format csv --csv-layout long)");
        stream.Length.Should().Be(0);
    }

    /// <summary>Every cell of the sheet equals the CSV's cell once formatted as the CSV formats its type.</summary>
    private static void CompareSheet(byte[] workbook, string sheet, List<string[]> csv)
    {
        using var stream = new MemoryStream(workbook);
        var headerRow = ((IDictionary<string, object?>)stream.Query(useHeaderRow: false, sheetName: sheet).First()).Values.Select(v => v?.ToString()).ToArray();
        headerRow.Should().Equal(csv[0], "the {0} sheet has the CSV's columns in the CSV's order", sheet);
        var rows = Rows(workbook, sheet);
        rows.Should().HaveCount(csv.Count - 1);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < csv[0].Length; c++)
            {
                var cell = rows[r][csv[0][c]];
                var asCsv = cell switch
                {
                    null => string.Empty,
                    double number => CsvCells.Number(number),
                    DateTime date => date.TimeOfDay == TimeSpan.Zero ? CsvCells.Date(DateOnly.FromDateTime(date)) : "a date with a time",
                    bool flag => CsvCells.Boolean(flag),
                    string text => CsvCells.Text(text),
                    _ => $"unexpected {cell.GetType().Name}",
                };
                asCsv.Should().Be(csv[r + 1][c], "{0} row {1} column {2}", sheet, r + 2, csv[0][c]);
            }
        }
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    private static XDocument SheetXml(byte[] workbook, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var entry = zip.GetEntry($"xl/worksheets/{name}.xml")!.Open();
        return XDocument.Load(entry);
    }

    private static byte[] Emit(IReadOnlyList<ReportRecord> records, Func<Stream, IReportEmitter> create)
    {
        using var stream = new MemoryStream();
        var emitter = create(stream);
        emitter.Begin();
        foreach (var record in records)
        {
            emitter.Write(record);
        }

        emitter.End();
        return stream.ToArray();
    }

    private static List<string[]> Csv(IReadOnlyList<ReportRecord> records, CsvLayout layout) =>
        ReadCsv(Emit(records, s => new CsvReportEmitter(s, layout, byteOrderMark: false, Indicators)));

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

    /// <summary>The fixture report, a sparse one (no dates, no region, a formula-like organization), and one with extreme numbers.</summary>
    private static ReportRecord[] HandMadeRecords()
    {
        var full = ReviewFixtures.Record();
        var sparse = full with
        {
            Source = full.Source with { Path = "b.txt" },
            Title = null,
            Organization = "=HYPERLINK(\"http://x\",\"点我\")",
            ReportYear = null,
            DocumentDate = null,
            PublishedDate = null,
            Region = null,
            Sections = [],
            Indicators = IndicatorValues.Empty,
            Metrics = [full.Metrics[0] with { Table = true, Year = null, Subject = null }],
        };
        var extreme = full with
        {
            Source = full.Source with { Path = "c.txt" },
            Metrics = [full.Metrics[1] with { Value = 12345678901234567 }, full.Metrics[2] with { Value = 0.000001, Delta = Delta.Decrease }, full.Metrics[6] with { Value = -3.25 }],
        };
        return [full, sparse, extreme];
    }
}
