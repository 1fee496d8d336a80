using System.Text.Json;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>JSON Lines: one compact record per line, UTF-8 without BOM, Chinese written as characters.</summary>
internal sealed class JsonLinesReportEmitter(Stream output) : IReportEmitter
{
    private readonly Utf8JsonWriter _writer = new(output, JsonWriterSettings.For(ReportJson.Compact));

    public void Begin()
    {
    }

    public void Write(ReportRecord record)
    {
        // The record's own writer: the serializer's bytes at a fraction of its cost. It hands the line to the
        // stream in pieces as they fill (a 50 MB report's line is 86 MB), never whole.
        ReportJsonWriter.Write(_writer, record);
        _writer.Flush();
        _writer.Reset();
        output.WriteByte((byte)'\n');
    }

    public void Flush() => output.Flush();

    public void End() => Flush();
}
