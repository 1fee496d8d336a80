using CsvHelper;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// Spreadsheet-ready CSV (RFC 4180, CRLF rows, UTF-8 with a BOM unless asked otherwise so that Excel reads
/// the Chinese right). Wide: one row per report with one column per catalog indicator. Long: one row per metric.
/// Form: one row per report with one column per cell of one standard form (<see cref="FormColumns"/>).
/// </summary>
internal sealed class CsvReportEmitter : IReportEmitter
{
    /// <summary>The wide layout's columns before the indicator columns.</summary>
    public static readonly string[] WideColumns = ReportTable.WideColumns;

    /// <summary>The long layout's columns.</summary>
    public static readonly string[] LongColumns = ReportTable.LongColumns;

    private readonly CsvWriter _csv;
    private readonly CsvLayout _layout;
    private readonly IReadOnlyList<string> _indicatorIds;
    private readonly FormColumns? _form;

    public CsvReportEmitter(Stream output, CsvLayout layout, bool byteOrderMark, IReadOnlyList<string> indicatorIds, FormColumns? form = null)
    {
        _layout = layout;
        _indicatorIds = indicatorIds;
        _form = layout == CsvLayout.Form ? form ?? throw new ArgumentNullException(nameof(form), "the form layout needs a form") : null;
        _csv = CsvWriter.Create(output, CsvWriterOptions.Default with
        {
            NewLine = "\r\n",
            WriteByteOrderMark = byteOrderMark,

            // The guard is CsvCells.Text: numbers are formatted to text here, and the library's guard would
            // take a negative number for a formula.
            Injection = CsvInjection.None,
        }, leaveOpen: true);
    }

    public void Begin()
    {
        var header = _layout switch
        {
            CsvLayout.Wide => ReportTable.WideHeader(_indicatorIds),
            CsvLayout.Form => _form!.Header,
            _ => LongColumns,
        };
        foreach (var column in header)
        {
            _csv.WriteField(column);
        }

        _csv.EndRecord();
    }

    public void Write(ReportRecord record)
    {
        if (_layout == CsvLayout.Wide)
        {
            WriteWide(record);
        }
        else if (_form is not null)
        {
            Cells(_form.Row(record));
            _csv.EndRecord();
        }
        else
        {
            WriteLong(record);
        }
    }

    public void Flush() => _csv.Flush();

    public void End() => Flush();

    private void WriteWide(ReportRecord r)
    {
        Cells(ReportTable.WideRow(r, _indicatorIds));
        _csv.EndRecord();
    }

    private void WriteLong(ReportRecord r)
    {
        foreach (var m in r.Metrics)
        {
            Cells(ReportTable.LongRow(r, m));
            _csv.EndRecord();
        }
    }

    private void Cells(object?[] cells)
    {
        foreach (var cell in cells)
        {
            _csv.WriteField(cell switch
            {
                null => string.Empty,
                string text => CsvCells.Text(text),
                long integer => CsvCells.Integer(integer),
                double number => CsvCells.Number(number),
                DateOnly date => CsvCells.Date(date),
                bool flag => CsvCells.Boolean(flag),
                _ => throw new ArgumentOutOfRangeException(nameof(cells), cell.GetType(), "not a table cell type"),
            });
        }
    }
}
