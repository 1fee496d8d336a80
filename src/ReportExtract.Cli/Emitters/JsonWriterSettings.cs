using System.Text.Json;

namespace ReportExtract.Cli.Emitters;

/// <summary>Writer settings that match the serializer options (a writer ignores the serializer's encoder and indentation).</summary>
internal static class JsonWriterSettings
{
    public static JsonWriterOptions For(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentSize = options.IndentSize,
        IndentCharacter = options.IndentCharacter,

        // The same bytes on every platform.
        NewLine = "\n",
    };
}
