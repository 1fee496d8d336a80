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
        ReportJson.Write(_writer, record, ReportJson.Compact);
        _writer.Flush();
        output.WriteByte((byte)'\n');

        // Each line is its own JSON document; the writer refuses a second root value until reset.
        _writer.Reset();
    }

    public void Flush()
    {
        _writer.Flush();
        output.Flush();
    }

    public void End() => Flush();
}
