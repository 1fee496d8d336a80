using CsvHelper;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// Spreadsheet-ready CSV (RFC 4180, CRLF rows, UTF-8 with a BOM unless asked otherwise so that Excel reads
/// the Chinese right). Wide: one row per report with one column per catalog indicator. Long: one row per metric.
/// </summary>
internal sealed class CsvReportEmitter : IReportEmitter
{
    /// <summary>The wide layout's columns before the indicator columns.</summary>
    public static readonly string[] WideColumns =
    [
        "source_path", "title", "organization", "report_year", "document_date", "published_date", "document_number",
        "region_code", "region_province", "region_city", "region_county", "section_count", "metric_count",
    ];

    /// <summary>The long layout's columns.</summary>
    public static readonly string[] LongColumns =
    [
        "source_path", "organization", "report_year",
        "kind", "value", "unit", "approx", "delta", "subject", "indicator", "year", "section", "text",
        "span_start", "span_end", "sentence", "table",
    ];

    private readonly CsvWriter _csv;
    private readonly CsvLayout _layout;
    private readonly IReadOnlyList<string> _indicatorIds;

    public CsvReportEmitter(Stream output, CsvLayout layout, bool byteOrderMark, IReadOnlyList<string> indicatorIds)
    {
        _layout = layout;
        _indicatorIds = indicatorIds;
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
        IEnumerable<string> header = _layout == CsvLayout.Wide ? [.. WideColumns, .. _indicatorIds] : LongColumns;
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
        else
        {
            WriteLong(record);
        }
    }

    public void Flush() => _csv.Flush();

    public void End() => Flush();

    private void WriteWide(ReportRecord r)
    {
        Cells(
            CsvCells.Text(r.Source.Path), CsvCells.Text(r.Title), CsvCells.Text(r.Organization), CsvCells.Integer(r.ReportYear),
            CsvCells.Date(r.DocumentDate), CsvCells.Date(r.PublishedDate), CsvCells.Text(r.DocumentNumber),
            CsvCells.Text(r.Region?.Code), CsvCells.Text(r.Region?.Province), CsvCells.Text(r.Region?.City), CsvCells.Text(r.Region?.County),
            CsvCells.Integer(CountSections(r.Sections)), CsvCells.Integer(r.Metrics.Length));
        foreach (var id in _indicatorIds)
        {
            _csv.WriteField(CsvCells.Number(r.Indicators.Get(id)));
        }

        _csv.EndRecord();
    }

    private void WriteLong(ReportRecord r)
    {
        foreach (var m in r.Metrics)
        {
            Cells(
                CsvCells.Text(r.Source.Path), CsvCells.Text(r.Organization), CsvCells.Integer(r.ReportYear),
                CsvCells.Enum<MetricKind>(m.Kind), CsvCells.Number(m.Value), CsvCells.Text(m.Unit), CsvCells.Enum(m.Approx),
                CsvCells.Enum(m.Delta), CsvCells.Text(m.Subject), CsvCells.Text(m.Indicator), CsvCells.Integer(m.Year),
                CsvCells.Text(m.Section), CsvCells.Text(m.Text), CsvCells.Integer(m.Span.Start), CsvCells.Integer(m.Span.End),
                CsvCells.Text(m.Sentence), CsvCells.Boolean(m.Table));
            _csv.EndRecord();
        }
    }

    private void Cells(params ReadOnlySpan<string> cells)
    {
        foreach (var cell in cells)
        {
            _csv.WriteField(cell);
        }
    }

    /// <summary>Headings at every level of the tree.</summary>
    private static int CountSections(IEnumerable<Section> sections) => sections.Sum(s => 1 + CountSections(s.Sections));
}
