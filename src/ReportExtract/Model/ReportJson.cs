using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportExtract.Model;

/// <summary>Serialization of records to the schema's JSON: snake_case names, Chinese written as characters.</summary>
public static class ReportJson
{
    /// <summary>Compact options for JSONL (one record per line).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Indented options for a JSON array.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Writes one record with <paramref name="options"/>.</summary>
    public static void Write(Utf8JsonWriter writer, ReportRecord record, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, record, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ReportRecord>)options.GetTypeInfo(typeof(ReportRecord)));

    /// <summary>One record as a JSON string.</summary>
    public static string Serialize(ReportRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ReportRecord>)(indented ? Indented : Compact).GetTypeInfo(typeof(ReportRecord)));

    private static JsonSerializerOptions Create(bool indented)
    {
        // The source-generated context fixes names and converters; the encoder cannot be set there, and the
        // default one would write every Chinese character as a \u escape.
        var options = new JsonSerializerOptions(ReportJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(TextSpanJsonConverter), typeof(IndicatorValuesJsonConverter), typeof(FormValuesJsonConverter), typeof(SnakeCaseEnumConverter<ScriptKind>),
        typeof(SnakeCaseEnumConverter<SectionKind>), typeof(SnakeCaseEnumConverter<MetricKind>),
        typeof(SnakeCaseEnumConverter<Approximation>), typeof(SnakeCaseEnumConverter<Delta>)])]
[JsonSerializable(typeof(ReportRecord))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>Spans are written as the schema's two-element array.</summary>
internal sealed class TextSpanJsonConverter : JsonConverter<TextSpan>
{
    public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("a span is an array [start, end]");
        }

        reader.Read();
        var start = reader.GetInt32();
        reader.Read();
        var end = reader.GetInt32();
        reader.Read();
        return reader.TokenType == JsonTokenType.EndArray ? new TextSpan(start, end) : throw new JsonException("a span has two items");
    }

    public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Start);
        writer.WriteNumberValue(value.End);
        writer.WriteEndArray();
    }
}

/// <summary>Indicators are a JSON object in catalog order.</summary>
internal sealed class IndicatorValuesJsonConverter : JsonConverter<IndicatorValues>
{
    public override IndicatorValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var items = new List<KeyValuePair<string, double>>();
        reader.Read();
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            items.Add(new(key, reader.GetDouble()));
            reader.Read();
        }

        return new IndicatorValues(items);
    }

    public override void Write(Utf8JsonWriter writer, IndicatorValues value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, number) in value)
        {
            writer.WriteNumber(key, number);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Enum values as the schema spells them: <c>at_least</c>, <c>achievements</c>.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>Forms are a JSON object of objects: form id → cell id → number or null, in the order read.</summary>
internal sealed class FormValuesJsonConverter : JsonConverter<FormValues>
{
    public override FormValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var forms = new List<FormCells>();
        reader.Read();
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            var form = reader.GetString()!;
            var cells = ImmutableArray.CreateBuilder<KeyValuePair<string, double?>>();
            reader.Read();
            reader.Read();
            while (reader.TokenType == JsonTokenType.PropertyName)
            {
                var cell = reader.GetString()!;
                reader.Read();
                cells.Add(new(cell, reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble()));
                reader.Read();
            }

            forms.Add(new FormCells(form, cells.ToImmutable()));
            reader.Read();
        }

        return new FormValues(forms);
    }

    public override void Write(Utf8JsonWriter writer, FormValues value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Writes <paramref name="value"/> as an object of forms, each an object of cells (also used by <see cref="ReportJsonWriter"/>).</summary>
    public static void WriteValue(Utf8JsonWriter writer, FormValues value)
    {
        writer.WriteStartObject();
        foreach (var form in value)
        {
            writer.WriteStartObject(form.Form);
            foreach (var (cell, number) in form.Cells)
            {
                if (number is { } n)
                {
                    writer.WriteNumber(cell, n);
                }
                else
                {
                    writer.WriteNull(cell);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
