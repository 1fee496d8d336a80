using System.Text.Json;
using NJsonSchema;

namespace ReportExtract.Cli.Tests.Infrastructure;

/// <summary>schema/record.schema.json, loaded once, checking the records the CLI emits.</summary>
internal static class RecordSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(RepoPaths.Schema).GetAwaiter().GetResult());

    /// <summary>The schema violations of one JSON record (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json) =>
        [.. Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}")];

    /// <summary>Asserts that every record is schema-valid; returns them parsed.</summary>
    public static IReadOnlyList<JsonElement> AssertValid(IEnumerable<string> records)
    {
        var parsed = new List<JsonElement>();
        foreach (var record in records)
        {
            Errors(record).Should().BeEmpty("every record must follow schema/record.schema.json: {0}", record.Length > 300 ? record[..300] : record);
            parsed.Add(JsonDocument.Parse(record).RootElement.Clone());
        }

        return parsed;
    }
}
