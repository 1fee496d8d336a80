using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>JSON Lines: one compact record per line, UTF-8 without BOM, Chinese written as characters.</summary>
internal sealed class JsonLinesReportEmitter(Stream output) : IReportEmitter
{
    private static readonly JsonTypeInfo<ReportRecord> RecordInfo = (JsonTypeInfo<ReportRecord>)ReportJson.Compact.GetTypeInfo(typeof(ReportRecord));

    public void Begin()
    {
    }

    public void Write(ReportRecord record)
    {
        // Serializing to the stream, not to a Utf8JsonWriter over it, writes a record in chunks as they fill: a writer
        // holds the whole line until it is flushed, and a 50 MB report's line is 86 MB (its buffer doubled past that).
        JsonSerializer.Serialize(output, record, RecordInfo);
        output.WriteByte((byte)'\n');
    }

    public void Flush() => output.Flush();

    public void End() => Flush();
}
