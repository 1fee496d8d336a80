using System.Data;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// An Excel workbook: a <c>reports</c> sheet in the wide layout and a <c>metrics</c> sheet in the long layout,
/// with the CSV's columns (<see cref="ReportTable"/>), numbers stored as numbers, dates as dates, the header row
/// frozen and columns sized to their content.
/// </summary>
/// <remarks>
/// A workbook is a zip whose sheets are written one after the other, so the metrics sheet cannot start before the
/// last report: the emitter keeps the rows' cells (not the records) until <see cref="End"/>, then writes the file.
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
    private readonly DataTable _reports;
    private readonly DataTable _metrics;
    private readonly int _maxRows;

    /// <param name="maxRows">Rows a sheet may have, the header included (Excel's limit; lower only in tests).</param>
    public XlsxReportEmitter(Stream output, IReadOnlyList<string> indicatorIds, int maxRows = MaxRows)
    {
        _maxRows = maxRows;
        _output = output;
        _indicatorIds = indicatorIds;
        _reports = NewTable("reports", ReportTable.WideHeader(indicatorIds));
        _metrics = NewTable("metrics", ReportTable.LongColumns);
    }

    /// <summary>The number format of date cells (ISO, as in the CSV).</summary>
    public static string DateFormat => "yyyy-mm-dd";

    public void Begin()
    {
    }

    public void Write(ReportRecord record)
    {
        Add(_reports, ReportTable.WideRow(record, _indicatorIds));
        foreach (var metric in record.Metrics)
        {
            Add(_metrics, ReportTable.LongRow(record, metric));
        }
    }

    public void Flush()
    {
        // Nothing reaches the stream before End: a workbook cannot be read in parts anyway.
    }

    public void End()
    {
        foreach (var table in new[] { _reports, _metrics })
        {
            if (table.Rows.Count + 1 > _maxRows)
            {
                // Excel would refuse the file; say so before writing it rather than after someone tries to open it.
                throw new IOException(string.Create(CultureInfo.InvariantCulture,
                    $"the {table.TableName} sheet would have {table.Rows.Count} rows, more than an Excel sheet holds ({_maxRows - 1} besides the header): write CSV instead (--format csv --csv-layout {(table == _reports ? "wide" : "long")})"));
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
                .. Columns(_reports).Concat(Columns(_metrics))
                    .GroupBy(c => c.Key, StringComparer.Ordinal)
                    .Select(g => new DynamicExcelColumn(g.Key) { Width = g.Max(c => c.Width), Format = g.Select(c => c.Format).FirstOrDefault(f => f is not null) }),
            ],
        };
        var sheets = new Dictionary<string, object> { [_reports.TableName] = _reports, [_metrics.TableName] = _metrics };
        _output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
        _output.Flush();
    }

    private static DataTable NewTable(string name, IReadOnlyList<string> header)
    {
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in header)
        {
            // Untyped columns: each cell keeps its own type (a number, a date, text), which is what the workbook stores.
            table.Columns.Add(column, typeof(object));
        }

        return table;
    }

    private static void Add(DataTable table, object?[] cells)
    {
        var values = new object[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            values[i] = cells[i] switch
            {
                null => DBNull.Value,

                // Excel has no date-only type: a date is a day number shown with a date format.
                DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                { } value => value,
            };
        }

        table.Rows.Add(values);
    }

    /// <summary>Width and format per column, keyed by header (the two sheets' headers overlap only where the content is alike).</summary>
    private static IEnumerable<DynamicExcelColumn> Columns(DataTable table)
    {
        foreach (DataColumn column in table.Columns)
        {
            var width = DisplayWidth(column.ColumnName) + 2;
            var isDate = false;
            foreach (DataRow row in table.Rows)
            {
                var value = row[column];
                isDate |= value is DateTime;
                width = Math.Max(width, DisplayWidth(value switch
                {
                    DBNull => string.Empty,
                    DateTime => "0000-00-00",
                    double number => CsvCells.Number(number),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? string.Empty,
                }) + 1);
                if (width >= MaxWidth)
                {
                    break;
                }
            }

            yield return new DynamicExcelColumn(column.ColumnName)
            {
                Width = Math.Clamp(width, MinWidth, MaxWidth),
                Format = isDate ? DateFormat : null,
            };
        }
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
