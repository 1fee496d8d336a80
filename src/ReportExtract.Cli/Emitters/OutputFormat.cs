using ReportExtract.Forms;

namespace ReportExtract.Cli.Emitters;

/// <summary>The output formats of <c>reportx extract</c>.</summary>
internal enum OutputFormat
{
    /// <summary>One compact JSON record per line.</summary>
    JsonLines,

    /// <summary>One indented JSON array of records.</summary>
    Json,

    /// <summary>CSV, wide (one row per report) or long (one row per metric).</summary>
    Csv,

    /// <summary>One self-contained review page: each report's text with its metrics highlighted.</summary>
    Html,

    /// <summary>An Excel workbook with a wide <c>reports</c> sheet and a long <c>metrics</c> sheet.</summary>
    Xlsx,
}

/// <summary>How a CSV output is shaped.</summary>
internal enum CsvLayout
{
    /// <summary>One row per report, one column per catalog indicator.</summary>
    Wide,

    /// <summary>One row per metric.</summary>
    Long,

    /// <summary>One row per report, one column per cell of one standard form (<c>--form</c>).</summary>
    Form,
}

/// <summary>The names <c>--csv-layout</c> accepts, in <see cref="CsvLayout"/> order.</summary>
internal static class CsvLayouts
{
    /// <summary>The layout names; the first is the default.</summary>
    public static readonly string[] Names = ["wide", "long", "form"];

    /// <summary>The layout named <paramref name="name"/> (any case); null is the default.</summary>
    public static CsvLayout Parse(string? name) =>
        name is null ? CsvLayout.Wide : (CsvLayout)Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Names and file extensions of <see cref="OutputFormat"/>.</summary>
internal static class OutputFormats
{
    /// <summary>The names <c>--format</c> accepts.</summary>
    public static readonly string[] Names = ["jsonl", "json", "csv", "html", "xlsx"];

    /// <summary>The format named <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    public static OutputFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "jsonl" => OutputFormat.JsonLines,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        "html" => OutputFormat.Html,
        "xlsx" => OutputFormat.Xlsx,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an output format"),
    };

    /// <summary>The --format name of <paramref name="format"/>.</summary>
    public static string NameOf(OutputFormat format) => Names[(int)format];

    /// <summary>True for formats that are binary and must go to a file (--out), never to standard output.</summary>
    public static bool RequiresFile(OutputFormat format) => format == OutputFormat.Xlsx;

    /// <summary>The format a file extension implies, or null when it implies none.</summary>
    public static OutputFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => OutputFormat.JsonLines,
        ".json" => OutputFormat.Json,
        ".csv" => OutputFormat.Csv,
        ".html" or ".htm" => OutputFormat.Html,
        ".xlsx" => OutputFormat.Xlsx,
        _ => null,
    };

    /// <summary>Builds the emitter of <paramref name="format"/> over <paramref name="output"/>.</summary>
    /// <param name="form">The form of <see cref="CsvLayout.Form"/>.</param>
    /// <param name="forms">The forms an XLSX workbook gives a sheet each (those found in the run).</param>
    public static IReportEmitter CreateEmitter(OutputFormat format, Stream output, CsvLayout layout, bool byteOrderMark, IReadOnlyList<string> indicatorIds,
        FormColumns? form = null, FormCatalog? forms = null) => format switch
    {
        OutputFormat.JsonLines => new JsonLinesReportEmitter(output),
        OutputFormat.Json => new JsonArrayReportEmitter(output),
        OutputFormat.Csv => new CsvReportEmitter(output, layout, byteOrderMark, indicatorIds, form),
        OutputFormat.Html => new HtmlReportEmitter(output, forms),
        OutputFormat.Xlsx => new XlsxReportEmitter(output, indicatorIds, forms: forms),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
