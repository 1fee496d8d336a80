using System.Data;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ReportExtract.Forms;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// An Excel workbook: a <c>reports</c> sheet in the wide layout, a <c>metrics</c> sheet in the long layout and a sheet
/// per standard form found in the run (the CSV form layout, the cells of failing checks marked red),
/// with the CSV's columns (<see cref="ReportTable"/>), numbers stored as numbers, dates as dates, the header row
/// frozen and columns sized to their content.
/// </summary>
/// <remarks>
/// A workbook is a zip whose sheets are written one after the other, so the metrics sheet cannot start before the
/// last report. The reports sheet (one row per report) waits in memory; the metrics rows, many more, wait in a
/// temporary file (<see cref="XlsxRowSpill"/>), so a large batch does not hold its metrics until the end.
/// </remarks>
internal sealed class XlsxReportEmitter : IReportEmitter
{
    /// <summary>Column widths in characters (a CJK character counts two): narrow columns stay readable, long text wraps at the edge of a screen.</summary>
    private const int MinWidth = 8;
    private const int MaxWidth = 60;

    /// <summary>Rows an Excel sheet holds, the header included.</summary>
    public const int MaxRows = 1_048_576;

    private readonly Stream _output;
    private readonly IReadOnlyList<string> _indicatorIds;
    private readonly int _maxRows;
    private readonly DataTable _reports;
    private readonly SheetColumns _reportColumns;
    private readonly XlsxRowSpill _metrics;
    private readonly SheetColumns _metricColumns;
    private readonly FormCatalog _forms;
    private readonly Dictionary<string, FormSheet> _formSheets = new(StringComparer.Ordinal);

    /// <summary>The sheet of one standard form: its rows (the CSV form layout's) and the cells of failing checks to mark.</summary>
    private sealed record FormSheet(FormColumns Table, DataTable Rows, SheetColumns Columns, List<(int Row, int Column)> Failing);

    /// <param name="maxRows">Rows a sheet may have, the header included (Excel's limit; lower only in tests).</param>
    /// <param name="forms">The form catalog: each form found in the run gets a sheet in the CSV form layout.</param>
    public XlsxReportEmitter(Stream output, IReadOnlyList<string> indicatorIds, int maxRows = MaxRows, FormCatalog? forms = null)
    {
        _output = output;
        _forms = forms ?? FormCatalog.LoadBuiltIn();
        _indicatorIds = indicatorIds;
        _maxRows = maxRows;
        var wide = ReportTable.WideHeader(indicatorIds);
        _reports = new DataTable("reports") { Locale = CultureInfo.InvariantCulture };
        foreach (var column in wide)
        {
            // Untyped columns: each cell keeps its own type (a number, a date, text), which is what the workbook stores.
            _reports.Columns.Add(column, typeof(object));
        }

        _reportColumns = new SheetColumns(wide);
        _metrics = new XlsxRowSpill(ReportTable.LongColumns);
        _metricColumns = new SheetColumns(ReportTable.LongColumns);
    }

    /// <summary>The number format of date cells (ISO, as in the CSV).</summary>
    public static string DateFormat => "yyyy-mm-dd";

    public void Begin()
    {
    }

    public void Write(ReportRecord record)
    {
        var row = ReportTable.WideRow(record, _indicatorIds);
        _reportColumns.Observe(row);
        _reports.Rows.Add(SheetRow(row));
        foreach (var found in record.Forms)
        {
            if (_forms.Get(found.Form) is not { } form)
            {
                continue;
            }

            if (!_formSheets.TryGetValue(form.Id, out var sheet))
            {
                var table = new FormColumns(form);
                var data = new DataTable(form.Id) { Locale = CultureInfo.InvariantCulture };
                foreach (var column in table.Header)
                {
                    data.Columns.Add(column, typeof(object));
                }

                sheet = new FormSheet(table, data, new SheetColumns(table.Header), []);
                _formSheets.Add(form.Id, sheet);
            }

            var cells = sheet.Table.Row(record);
            sheet.Columns.Observe(cells);
            sheet.Rows.Rows.Add(SheetRow(cells));
            foreach (var id in sheet.Table.FailingCells(record).Distinct())
            {
                sheet.Failing.Add((sheet.Rows.Rows.Count, FormColumns.FirstCell + form.Cells.IndexOf(form.Cell(id)!)));
            }
        }

        foreach (var metric in record.Metrics)
        {
            var cells = ReportTable.LongRow(record, metric);
            _metricColumns.Observe(cells);
            _metrics.Add(cells);
        }
    }

    private static object[] SheetRow(object?[] row) => [.. row.Select(cell => cell switch
    {
        null => DBNull.Value,

        // Excel has no date-only type: a date is a day number shown with a date format.
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        { } value => value,
    })];

    public void Flush()
    {
        // Nothing reaches the stream before End: a workbook cannot be read in parts anyway.
    }

    public void End()
    {
        try
        {
            foreach (var (sheet, rows, layout) in new[] { ("reports", _reports.Rows.Count, "wide"), ("metrics", _metrics.Count, "long") })
            {
                if (rows + 1 > _maxRows)
                {
                    // Excel would refuse the file; say so before writing it rather than after someone tries to open it.
                    throw new IOException(string.Create(CultureInfo.InvariantCulture,
                        $"the {sheet} sheet would have {rows} rows, more than an Excel sheet holds ({_maxRows - 1} besides the header): write CSV instead (--format csv --csv-layout {layout})"));
                }
            }

            var configuration = new OpenXmlConfiguration
            {
                FreezeRowCount = 1,
                FreezeColumnCount = 0,
                AutoFilter = true,
                TableStyles = TableStyles.Default,

                // Column settings are keyed by header across sheets; the columns both sheets have (source_path,
                // organization, report_year) hold the same kind of content, so one setting serves both.
                DynamicColumns =
                [
                    .. _reportColumns.Settings().Concat(_metricColumns.Settings()).Concat(_formSheets.Values.SelectMany(f => f.Columns.Settings()))
                        .GroupBy(c => c.Key, StringComparer.Ordinal)
                        .Select(g => new DynamicExcelColumn(g.Key) { Width = g.Max(c => c.Width), Format = g.Select(c => c.Format).FirstOrDefault(f => f is not null) }),
                ],
            };
            using var metrics = _metrics.OpenReader();
            var sheets = new Dictionary<string, object> { ["reports"] = _reports, ["metrics"] = metrics };
            foreach (var (id, sheet) in _formSheets)
            {
                sheets[id] = sheet.Rows;
            }

            if (_formSheets.Values.All(f => f.Failing.Count == 0))
            {
                _output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
            }
            else
            {
                // MiniExcel styles no single cell: the workbook is written to memory, the failing cells marked in it.
                using var workbook = new MemoryStream();
                workbook.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
                XlsxCellMarker.Mark(workbook, _formSheets.ToDictionary(f => f.Key, f => (IReadOnlyList<(int, int)>)f.Value.Failing));
                workbook.Position = 0;
                workbook.CopyTo(_output);
            }

            _output.Flush();
        }
        finally
        {
            _metrics.Dispose();
        }
    }

    /// <summary>Width and number format of a sheet's columns, gathered as rows arrive.</summary>
    private sealed class SheetColumns
    {
        private readonly string[] _names;
        private readonly int[] _widths;
        private readonly bool[] _dates;

        public SheetColumns(string[] names)
        {
            _names = names;
            _widths = [.. names.Select(n => DisplayWidth(n) + 2)];
            _dates = new bool[names.Length];
        }

        public void Observe(object?[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = cells[i];
                _dates[i] |= cell is DateOnly;
                if (cell is null || _widths[i] >= MaxWidth)
                {
                    continue;
                }

                _widths[i] = Math.Max(_widths[i], 1 + cell switch
                {
                    string text => DisplayWidth(text),
                    double number => CsvCells.Number(number).Length,
                    long integer => CsvCells.Integer(integer).Length,
                    bool flag => flag ? 4 : 5,
                    _ => "0000-00-00".Length,
                });
            }
        }

        public IEnumerable<DynamicExcelColumn> Settings() => _names.Select((name, i) => new DynamicExcelColumn(name)
        {
            Width = Math.Clamp(_widths[i], MinWidth, MaxWidth),
            Format = _dates[i] ? DateFormat : null,
        });
    }

    /// <summary>Columns a text takes in a spreadsheet font: wide (CJK, full-width) characters take two.</summary>
    private static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value >= 0x1100 && IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x20000 and <= 0x3FFFD);
}
