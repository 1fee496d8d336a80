using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace ReportExtract.Cli.Tests.Infrastructure;

/// <summary>schema/record.schema.json, loaded once, checking the records the CLI emits.</summary>
internal static class RecordSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(ToDraft7(File.ReadAllText(RepoPaths.Schema)), RepoPaths.Schema).GetAwaiter().GetResult());

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

    /// <summary>
    /// The schema is draft 2020-12; NJsonSchema reads draft 7, where <c>$defs</c> is <c>definitions</c> and a tuple's
    /// <c>prefixItems</c> is an <c>items</c> array. Without this, every <c>$ref</c> stays unresolved and span arrays go unchecked.
    /// </summary>
    internal static string ToDraft7(string schema)
    {
        var root = JsonNode.Parse(schema)!;
        Rewrite(root);
        return root.ToJsonString();

        static void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["$defs"] is { } defs)
                    {
                        obj.Remove("$defs");
                        obj["definitions"] = defs;
                    }

                    if (obj["prefixItems"] is { } tuple)
                    {
                        obj.Remove("prefixItems");
                        obj["items"] = tuple;
                        obj["additionalItems"] = false;
                    }

                    if (obj["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith("#/$defs/", StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/definitions/" + reference.GetValue<string>()["#/$defs/".Length..];
                    }

                    foreach (var (_, child) in obj.ToList())
                    {
                        Rewrite(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }
    }
}
