using System.Text.Json;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>One indented JSON array; records are streamed into it, not collected first.</summary>
internal sealed class JsonArrayReportEmitter(Stream output) : IReportEmitter
{
    private readonly Utf8JsonWriter _writer = new(output, JsonWriterSettings.For(ReportJson.Indented));

    public void Begin() => _writer.WriteStartArray();

    public void Write(ReportRecord record)
    {
        // The serializer's bytes (ReportJsonWriter), flushed as the buffer fills and at the record's end.
        ReportJsonWriter.Write(_writer, record);
        _writer.Flush();
    }

    public void Flush()
    {
        _writer.Flush();
        output.Flush();
    }

    public void End()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
