using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>Reads a catalog file (Resources/Metrics/indicators.json or a user's, same format) into definitions, with errors that name the file.</summary>
internal static class IndicatorCatalogJson
{
    /// <summary>The definitions of <paramref name="json"/>; a bad file throws <see cref="InvalidDataException"/> naming <paramref name="source"/>.</summary>
    public static ImmutableArray<IndicatorDefinition> Parse(string json, string source)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.CatalogFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"catalog {source}: not valid catalog JSON ({e.Message})", e);
        }

        if (file?.Indicators is not { Count: > 0 } entries)
        {
            throw new InvalidDataException($"catalog {source}: no \"indicators\" array; see the built-in indicators.json for the format");
        }

        var result = ImmutableArray.CreateBuilder<IndicatorDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            var where = $"catalog {source}: indicator #{index + 1}";
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                throw new InvalidDataException($"{where} has no \"id\"");
            }

            if (!seen.Add(entry.Id))
            {
                throw new InvalidDataException($"{where}: id '{entry.Id}' appears twice");
            }

            if (entry.Rules is not { Count: > 0 } || entry.Rules.Any(r => r.Subject is not { Count: > 0 } || r.Subject.Any(string.IsNullOrEmpty)))
            {
                throw new InvalidDataException($"{where} ('{entry.Id}') needs \"rules\", each with a non-empty \"subject\" list");
            }

            var kinds = ImmutableArray.CreateBuilder<MetricKind>();
            foreach (var kind in entry.Kinds ?? [])
            {
                kinds.Add(kind switch
                {
                    "case" => MetricKind.Case,
                    "amount" => MetricKind.Amount,
                    "rate" => MetricKind.Rate,
                    "count" => MetricKind.Count,
                    "quantity" => MetricKind.Quantity,
                    _ => throw new InvalidDataException($"{where} ('{entry.Id}'): unknown kind '{kind}' (case, amount, rate, count, quantity)"),
                });
            }

            result.Add(new IndicatorDefinition(
                entry.Id,
                entry.Label ?? entry.Id,
                kinds.ToImmutable(),
                [.. entry.Units ?? []],
                [.. entry.Rules.Select(r => new IndicatorRule([.. r.Subject!], [.. r.Context ?? []], [.. r.ContextExclude ?? []], r.Sentence) { ClauseExclude = [.. r.ClauseExclude ?? []], After = [.. r.After ?? []] })],
                [.. entry.Exclude ?? []]) { TopicExclude = [.. entry.TopicExclude ?? []] });
        }

        return result.ToImmutable();
    }

    internal sealed class CatalogFile
    {
        public string? Description { get; set; }
        public List<CatalogEntry>? Indicators { get; set; }
    }

    internal sealed class CatalogEntry
    {
        public string? Id { get; set; }
        public string? Label { get; set; }
        public List<string>? Kinds { get; set; }
        public List<string>? Units { get; set; }
        public List<CatalogRule>? Rules { get; set; }
        public List<string>? Exclude { get; set; }
        public List<string>? TopicExclude { get; set; }
    }

    internal sealed class CatalogRule
    {
        public List<string>? Subject { get; set; }
        public List<string>? Context { get; set; }
        public List<string>? ContextExclude { get; set; }
        public bool Sentence { get; set; }
        public List<string>? ClauseExclude { get; set; }
        public List<string>? After { get; set; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(IndicatorCatalogJson.CatalogFile))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
