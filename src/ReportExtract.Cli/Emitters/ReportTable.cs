using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// The two tabular layouts of records as typed cells, shared by the CSV and XLSX emitters so that both write the
/// same columns. A cell is null (empty), <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="DateOnly"/> or <see cref="bool"/>; enums are already spelled as in the JSON records.
/// </summary>
internal static class ReportTable
{
    /// <summary>The wide layout's columns before the indicator columns.</summary>
    public static readonly string[] WideColumns =
    [
        "source_path", "title", "organization", "report_year", "document_date", "published_date", "document_number",
        "index_number", "region_code", "region_province", "region_city", "region_county", "section_count", "metric_count",
    ];

    /// <summary>The long layout's columns.</summary>
    public static readonly string[] LongColumns =
    [
        "source_path", "organization", "report_year",
        "kind", "value", "unit", "approx", "delta", "subject", "indicator", "year", "section", "text",
        "span_start", "span_end", "sentence", "table", "row", "column", "cell",
    ];

    /// <summary>The wide header: <see cref="WideColumns"/> then one column per catalog indicator.</summary>
    public static string[] WideHeader(IReadOnlyList<string> indicatorIds) => [.. WideColumns, .. indicatorIds];

    /// <summary>The one wide row of <paramref name="r"/>, in <see cref="WideHeader"/> order.</summary>
    public static object?[] WideRow(ReportRecord r, IReadOnlyList<string> indicatorIds)
    {
        var row = new object?[WideColumns.Length + indicatorIds.Count];
        object?[] fixedCells =
        [
            r.Source.Path, r.Title, r.Organization, Integer(r.ReportYear), r.DocumentDate, r.PublishedDate, r.DocumentNumber,
            r.IndexNumber, r.Region?.Code, r.Region?.Province, r.Region?.City, r.Region?.County, (long)CountSections(r.Sections), (long)r.Metrics.Length,
        ];
        fixedCells.CopyTo(row, 0);
        for (var i = 0; i < indicatorIds.Count; i++)
        {
            row[WideColumns.Length + i] = r.Indicators.Get(indicatorIds[i]);
        }

        return row;
    }

    /// <summary>The long row of metric <paramref name="m"/> of <paramref name="r"/>, in <see cref="LongColumns"/> order.</summary>
    public static object?[] LongRow(ReportRecord r, Metric m) =>
    [
        r.Source.Path, r.Organization, Integer(r.ReportYear),
        EnumName<MetricKind>(m.Kind), m.Value, m.Unit, EnumName(m.Approx), EnumName(m.Delta), m.Subject, m.Indicator, Integer(m.Year),
        m.Section, m.Text, (long)m.Span.Start, (long)m.Span.End, m.Sentence, m.Table, m.Row, m.Column, m.Cell,
    ];

    /// <summary>Headings at every level of the tree.</summary>
    public static int CountSections(IEnumerable<Section> sections) => sections.Sum(s => 1 + CountSections(s.Sections));

    private static long? Integer(int? value) => value;

    private static string? EnumName<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? CsvCells.Enum<TEnum>(v) : null;
}
