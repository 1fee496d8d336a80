using System.IO.Compression;
using System.Xml.Linq;
using CsvHelper;
using MiniExcelLibs;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Tests.Infrastructure;
using ReportExtract.Forms;

namespace ReportExtract.Cli.Tests;

/// <summary>
/// The standard forms in every output: the CSV form layout (ids or labels as headers), the long layout's row,
/// column and cell, the workbook's form sheets with failing cells marked, inspect's failing checks, --forms errors.
/// The reports are the constructed form fixtures of the library's tests.
/// </summary>
public sealed class FormOutputTests
{
    private const string Fixtures = "tests/ReportExtract.Tests/Fixtures/forms/";
    private const string Broken = Fixtures + "not-adding-up-2021.txt";
    private const string Aligned = Fixtures + "aligned-2021.txt";
    private const string Old = Fixtures + "tabs-2019.txt";

    private static readonly FormDefinition Gip2021 = FormCatalog.LoadBuiltIn().Get("gip-2021")!;

    [Fact]
    public void Form_layout_has_one_row_per_report_and_one_column_per_cell_in_catalog_order()
    {
        var result = Reportx.Run("extract", Broken, Aligned, Old, "samples/wenling-government-2021.txt", "--format", "csv", "--csv-layout", "form", "--form", "gip-2021", "--no-bom");

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = ReadCsv(result.Stdout);
        rows[0].Should().Equal([.. ReportTable.WideColumns, .. Gip2021.Cells.Select(c => c.Id), "checks_failed"]);
        rows.Should().HaveCount(5);
        var cell = Array.IndexOf(rows[0], "requests.new.natural_person");
        var failed = rows[0].Length - 1;

        // The broken table: its cells, and its four failing checks counted.
        rows[1][0].Should().Be(Broken);
        rows[1][cell].Should().MatchRegex("^[0-9]+$");
        rows[1][failed].Should().Be("4");
        rows[2][failed].Should().Be("0");

        // A 2019-format report and a report with no form at all keep their row, with empty cells.
        rows[3][0].Should().Be(Old);
        rows[3][ReportTable.WideColumns.Length..].Should().OnlyContain(c => c.Length == 0);
        rows[4][ReportTable.WideColumns.Length..].Should().OnlyContain(c => c.Length == 0);
        rows[4][Array.IndexOf(rows[0], "organization")].Should().Be("温岭市人民政府");
    }

    [Fact]
    public void Form_headers_labels_writes_row_and_column_labels_instead_of_ids()
    {
        var result = Reportx.Run("extract", Broken, "--format", "csv", "--csv-layout", "form", "--form", "gip-2021", "--form-headers", "labels", "--no-bom");

        result.ExitCode.Should().Be(0, result.Stderr);
        var header = ReadCsv(result.Stdout)[0];
        header.Should().Contain(["规章（本年制发件数）", "一、本年新收政府信息公开申请数量（自然人）", "行政复议 / 结果维持", "checks_failed"]);
        header.Should().NotContain("requests.new.natural_person");
        header.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Long_layout_carries_row_column_and_cell()
    {
        var result = Reportx.Run("extract", Broken, "--format", "csv", "--csv-layout", "long", "--no-bom");

        var rows = ReadCsv(result.Stdout);
        rows[0][^3..].Should().Equal("row", "column", "cell");
        var natural = rows.Single(r => r[^1] == "gip-2021:requests.new.natural_person");
        natural[^3].Should().Be("一、本年新收政府信息公开申请数量");
        natural[^2].Should().Be("自然人");
        natural[Array.IndexOf(rows[0], "table")].Should().Be("true");
        var table = Array.IndexOf(rows[0], "table");
        var cell = rows[0].Length - 1;
        rows.Skip(1).Where(r => r[table] != "true").Select(r => r[cell]).Should().OnlyContain(c => c.Length == 0, "prose has no cell");
    }

    [Fact]
    public void Workbook_has_a_sheet_per_form_found_with_failing_check_cells_marked()
    {
        using var temp = new TempDirectory();
        var xlsx = temp.Combine("forms.xlsx");
        Reportx.Run("extract", Broken, Aligned, Old, "--out", xlsx, "--quiet").ExitCode.Should().Be(0);

        var workbook = File.ReadAllBytes(xlsx);
        using (var stream = new MemoryStream(workbook))
        {
            stream.GetSheetNames().Should().Equal("reports", "metrics", "gip-2021", "gip-2019");
        }

        var rows = Rows(workbook, "gip-2021");
        rows.Should().HaveCount(2, "the reports that have the form");
        rows[0]["source_path"].Should().Be(Broken);
        Convert.ToDouble(rows[0]["checks_failed"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(4);
        Rows(workbook, "gip-2019").Single()["source_path"].Should().Be(Old);

        // The broken report's requests.balance (natural_person) sums: marked with the added fill's format.
        var sheet = SheetXml(workbook, "gip-2021");
        var header = new FormColumns(Gip2021).Header;
        var marked = sheet.Descendants(Main + "c").Where(c => c.Attribute("s")?.Value == MarkStyle(workbook)).Select(c => c.Attribute("r")!.Value).ToList();
        marked.Should().Contain(XlsxCellMarker.Reference(2, Array.IndexOf(header, "requests.new.natural_person")));
        marked.Should().Contain(XlsxCellMarker.Reference(2, Array.IndexOf(header, "appeals.counts.review.total")));
        marked.Should().NotContain(XlsxCellMarker.Reference(2, Array.IndexOf(header, "active.rules.issued")), "no check sums table 二");
        marked.Should().OnlyContain(r => r.EndsWith('2'), "the consistent report has nothing marked");
    }

    [Fact]
    public void Inspect_lists_failing_checks()
    {
        var result = Reportx.Run("inspect", Broken);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Text.Should().Contain("gip-2021: ").And.Contain("4 failing");
        result.Text.Should().Contain("failing check requests.balance (natural_person): left ");
        result.Text.Should().Contain("failing check appeals.review: left 1, right 0");
    }

    [Fact]
    public void Review_page_shows_the_form_grid_with_links_and_failures()
    {
        var result = Reportx.Run("extract", Broken, "--format", "html");

        result.Text.Should().Contain("<section class=\"forms\">").And.Contain("class=\"v fail\"").And.Contain("<a href=\"#m");
        result.Text.Should().Contain("<li>requests.balance (natural_person): ");
    }

    [Fact]
    public void Form_layout_without_a_form_or_with_an_unknown_one_is_a_usage_error()
    {
        var missing = Reportx.Run("extract", Broken, "--format", "csv", "--csv-layout", "form");
        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("--csv-layout form needs --form");

        var unknown = Reportx.Run("extract", Broken, "--format", "csv", "--csv-layout", "form", "--form", "gip-2030");
        unknown.ExitCode.Should().Be(2);
        unknown.Stderr.Should().Contain("--form gip-2030: no such form").And.Contain("gip-2019, gip-2021");
        unknown.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void A_broken_forms_file_is_a_usage_error_naming_the_file_and_the_problem()
    {
        using var temp = new TempDirectory();
        temp.Write("bad.json", "{\"form\": \"gip-x\", \"tables\": [{\"table\": \"t\", \"rows\": [[\"a\"]], \"columns\": [[\"b\", \"B\"]]}]}");
        temp.Write("not-json.json", "{ nope");

        var bad = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, "extract", RepoPaths.Root + "/" + Broken, "--forms", "bad.json");
        bad.ExitCode.Should().Be(2);
        bad.Stderr.Should().Contain("--forms ").And.Contain("bad.json").And.Contain("each of 'rows' must be [key, label]");

        var notJson = Reportx.Run(new CliRunOptions { WorkingDirectory = temp.Path }, "extract", RepoPaths.Root + "/" + Broken, "--forms", "not-json.json");
        notJson.ExitCode.Should().Be(2);
        notJson.Stderr.Should().Contain("not-json.json").And.Contain("not valid JSON");

        Reportx.Run("extract", Broken, "--forms", "no-such-forms.json").Stderr.Should().Contain("--forms no-such-forms.json: no such file");
    }

    [Fact]
    public void A_forms_file_adds_a_form_that_the_form_layout_can_name()
    {
        using var temp = new TempDirectory();
        temp.Write("mine.json", """
            {"form": "my-fees", "name": "收费表", "tables": [{"table": "fees", "heading": "三、收到和处理政府信息公开申请情况",
              "rows": [["new", "一、本年新收政府信息公开申请数量"]], "columns": [["natural_person", "自然人"], ["business", "商业企业"]], "unit": "件"}],
             "checks": []}
            """);

        var result = Reportx.Run("extract", Broken, "--forms", temp.Combine("mine.json"), "--format", "csv", "--csv-layout", "form", "--form", "my-fees", "--no-bom");

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = ReadCsv(result.Stdout);
        rows[0][ReportTable.WideColumns.Length..].Should().Equal("fees.new.natural_person", "fees.new.business", "checks_failed");
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The index of the last cell format, the one the marker adds.</summary>
    private static string MarkStyle(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var entry = zip.GetEntry("xl/styles.xml")!.Open();
        var formats = XDocument.Load(entry).Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        formats[^1].Attribute("fillId").Should().NotBeNull();
        return (formats.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static XDocument SheetXml(byte[] workbook, string sheetName)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        XDocument Load(string name)
        {
            using var s = zip.GetEntry(name)!.Open();
            return XDocument.Load(s);
        }

        var id = Load("xl/workbook.xml").Descendants(Main + "sheet").Single(s => s.Attribute("name")!.Value == sheetName).Attribute(rel + "id")!.Value;
        var target = Load("xl/_rels/workbook.xml.rels").Descendants(pkg + "Relationship").Single(r => r.Attribute("Id")!.Value == id).Attribute("Target")!.Value;
        return Load(target.StartsWith('/') ? target[1..] : "xl/" + target);
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

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
