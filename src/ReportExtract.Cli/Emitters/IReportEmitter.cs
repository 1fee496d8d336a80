using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>Writes records to a byte stream in one output format, one record at a time (never all at once).</summary>
internal interface IReportEmitter
{
    /// <summary>Writes what comes before the first record (a CSV header, a JSON array's opening bracket).</summary>
    void Begin();

    /// <summary>Writes one record.</summary>
    void Write(ReportRecord record);

    /// <summary>
    /// Writes one record with the decoded original text its spans point into; formats that show the text
    /// (the review page) override this, the others ignore the text.
    /// </summary>
    void Write(ReportRecord record, string? originalText) => Write(record);

    /// <summary>Pushes buffered bytes to the stream, so a reader sees every record written so far.</summary>
    void Flush();

    /// <summary>Writes what comes after the last record and flushes.</summary>
    void End();
}
