using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportExtract.Model;

/// <summary>
/// Writes a record as <see cref="ReportJson"/>'s serializer does, byte for byte, straight onto a <see cref="Utf8JsonWriter"/>.
/// The serializer's general machinery (a converter and a property lookup per value) took about a tenth of a batch's
/// CPU time on the one thread that writes the output; this walks the record's fixed shape instead. Tests hold it to
/// the serializer on every golden record and on records with every optional value set.
/// </summary>
public static class ReportJsonWriter
{
    // A record's line is written to the writer's stream in pieces of about this size, not held whole (a 50 MB
    // report's line is tens of MB).
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
    private static readonly JsonEncodedText Bytes = JsonEncodedText.Encode("bytes");
    private static readonly JsonEncodedText Encoding = JsonEncodedText.Encode("encoding");
    private static readonly JsonEncodedText Script = JsonEncodedText.Encode("script");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Organization = JsonEncodedText.Encode("organization");
    private static readonly JsonEncodedText ReportYear = JsonEncodedText.Encode("report_year");
    private static readonly JsonEncodedText DocumentDate = JsonEncodedText.Encode("document_date");
    private static readonly JsonEncodedText PublishedDate = JsonEncodedText.Encode("published_date");
    private static readonly JsonEncodedText DocumentNumber = JsonEncodedText.Encode("document_number");
    private static readonly JsonEncodedText IndexNumber = JsonEncodedText.Encode("index_number");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Province = JsonEncodedText.Encode("province");
    private static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText County = JsonEncodedText.Encode("county");
    private static readonly JsonEncodedText Sections = JsonEncodedText.Encode("sections");
    private static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText Marker = JsonEncodedText.Encode("marker");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Span = JsonEncodedText.Encode("span");
    private static readonly JsonEncodedText Metrics = JsonEncodedText.Encode("metrics");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText Approx = JsonEncodedText.Encode("approx");
    private static readonly JsonEncodedText Delta = JsonEncodedText.Encode("delta");
    private static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText Indicator = JsonEncodedText.Encode("indicator");
    private static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Sentence = JsonEncodedText.Encode("sentence");
    private static readonly JsonEncodedText Table = JsonEncodedText.Encode("table");
    private static readonly JsonEncodedText Row = JsonEncodedText.Encode("row");
    private static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText Cell = JsonEncodedText.Encode("cell");
    private static readonly JsonEncodedText Indicators = JsonEncodedText.Encode("indicators");
    private static readonly JsonEncodedText Forms = JsonEncodedText.Encode("forms");
    private static readonly JsonEncodedText Checks = JsonEncodedText.Encode("checks");
    private static readonly JsonEncodedText Form = JsonEncodedText.Encode("form");
    private static readonly JsonEncodedText Check = JsonEncodedText.Encode("check");
    private static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
    private static readonly JsonEncodedText Left = JsonEncodedText.Encode("left");
    private static readonly JsonEncodedText Right = JsonEncodedText.Encode("right");
    private static readonly JsonEncodedText Holds = JsonEncodedText.Encode("holds");
    private static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");

    /// <summary>Writes <paramref name="record"/> as one JSON object, flushing the writer as its buffer fills.</summary>
    public static void Write(Utf8JsonWriter writer, ReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString(Schema, record.Schema);
        WriteSource(writer, record.Source);
        writer.WriteString(Title, record.Title);
        writer.WriteString(Organization, record.Organization);
        WriteNumber(writer, ReportYear, record.ReportYear);
        WriteDate(writer, DocumentDate, record.DocumentDate);
        WriteDate(writer, PublishedDate, record.PublishedDate);
        writer.WriteString(DocumentNumber, record.DocumentNumber);
        writer.WriteString(IndexNumber, record.IndexNumber);
        WriteRegion(writer, record.Region);
        WriteSections(writer, Sections, record.Sections);

        writer.WriteStartArray(Metrics);
        var sections = new RepeatedText(writer.Options.Encoder);
        var sentences = new RepeatedText(writer.Options.Encoder);
        var metrics = record.Metrics;
        for (var i = 0; i < metrics.Length; i++)
        {
            WriteMetric(writer, metrics[i], i + 1 < metrics.Length ? metrics[i + 1] : null, sections, sentences);
            FlushIfFull(writer);
        }

        writer.WriteEndArray();

        writer.WriteStartObject(Indicators);
        foreach (var (id, number) in record.Indicators)
        {
            writer.WriteNumber(id, number);
        }

        writer.WriteEndObject();
        WriteForms(writer, record.Forms);

        writer.WriteStartArray(Checks);
        foreach (var check in record.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString(Form, check.Form);
            writer.WriteString(Check, check.Check);
            writer.WriteString(Scope, check.Scope);
            writer.WriteNumber(Left, check.Left);
            writer.WriteNumber(Right, check.Right);
            writer.WriteBoolean(Holds, check.Holds);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Warnings);
        foreach (var warning in record.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter writer, SourceInfo source)
    {
        writer.WriteStartObject(Source);
        writer.WriteString(Path, source.Path);
        writer.WriteString(Sha256, source.Sha256);
        writer.WriteNumber(Bytes, source.Bytes);
        writer.WriteString(Encoding, source.Encoding);
        writer.WriteString(Script, SnakeCase<ScriptKind>.Name(source.Script));
        writer.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter writer, RegionInfo? region)
    {
        if (region is null)
        {
            writer.WriteNull(Region);
            return;
        }

        writer.WriteStartObject(Region);
        writer.WriteString(Code, region.Code);
        writer.WriteString(Province, region.Province);
        writer.WriteString(City, region.City);
        writer.WriteString(County, region.County);
        writer.WriteEndObject();
    }

    private static void WriteSections(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<Section> sections)
    {
        writer.WriteStartArray(name);
        foreach (var section in sections)
        {
            writer.WriteStartObject();
            writer.WriteString(Path, section.Path);
            writer.WriteNumber(Level, section.Level);
            writer.WriteString(Marker, section.Marker);
            writer.WriteString(Title, section.Title);
            WriteEnum(writer, Kind, section.Kind);
            WriteSpan(writer, section.Span);
            WriteSections(writer, Sections, section.Sections);
            writer.WriteEndObject();
            FlushIfFull(writer);
        }

        writer.WriteEndArray();
    }

    private static void WriteMetric(Utf8JsonWriter writer, Metric metric, Metric? next, RepeatedText sections, RepeatedText sentences)
    {
        writer.WriteStartObject();
        writer.WriteString(Kind, SnakeCase<MetricKind>.Name(metric.Kind));
        writer.WriteNumber(Value, metric.Value);
        writer.WriteString(Unit, metric.Unit);
        WriteEnum(writer, Approx, metric.Approx);
        WriteEnum(writer, Delta, metric.Delta);
        writer.WriteString(Subject, metric.Subject);
        writer.WriteString(Indicator, metric.Indicator);
        WriteNumber(writer, Year, metric.Year);
        sections.Write(writer, Section, metric.Section, next?.Section);
        writer.WriteString(Text, metric.Text);
        WriteSpan(writer, metric.Span);
        sentences.Write(writer, Sentence, metric.Sentence, next?.Sentence);

        // The one property left out when null (the schema allows only a boolean).
        if (metric.Table is { } table)
        {
            writer.WriteBoolean(Table, table);
        }

        writer.WriteString(Row, metric.Row);
        writer.WriteString(Column, metric.Column);
        writer.WriteString(Cell, metric.Cell);
        writer.WriteEndObject();
    }

    private static void WriteForms(Utf8JsonWriter writer, FormValues forms)
    {
        writer.WritePropertyName(Forms);
        FormValuesJsonConverter.WriteValue(writer, forms);
    }

    private static void WriteSpan(Utf8JsonWriter writer, TextSpan span)
    {
        writer.WriteStartArray(Span);
        writer.WriteNumberValue(span.Start);
        writer.WriteNumberValue(span.End);
        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is not { } date)
        {
            writer.WriteNull(name);
            return;
        }

        // ISO 8601 (yyyy-MM-dd), as the serializer writes a DateOnly.
        Span<char> text = stackalloc char[10];
        date.TryFormat(text, out var length, "O", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    private static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v)
        {
            writer.WriteString(name, SnakeCase<TEnum>.Name(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }

    /// <summary>
    /// A text neighbouring metrics share. Metrics of one sentence sit side by side and repeat its text: in a batch of
    /// reports half the metrics repeat the sentence before them (a third of the output's bytes) and four in five
    /// their section. A text the next metric repeats is escaped and transcoded once, by a writer with the same
    /// encoder (so the bytes are those the record's writer would write), and copied as a raw value while it repeats.
    /// (A <see cref="JsonEncodedText"/> would cost more than it saves: it transcodes, escapes the UTF-8 and decodes
    /// it back to a string.) A text the next metric does not repeat is written as it is.
    /// </summary>
    private sealed class RepeatedText(JavaScriptEncoder? encoder)
    {
        private ArrayBufferWriter<byte>? _encoded;
        private Utf8JsonWriter? _scratch;
        private string? _text;

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, string? text, string? next)
        {
            if (text is null || !(string.Equals(text, _text, StringComparison.Ordinal) || Encode(text, next)))
            {
                writer.WriteString(name, text);
                return;
            }

            writer.WritePropertyName(name);
            writer.WriteRawValue(_encoded!.WrittenSpan, skipInputValidation: true);
        }

        private bool Encode(string text, string? next)
        {
            if (!string.Equals(text, next, StringComparison.Ordinal))
            {
                return false;
            }

            _encoded ??= new ArrayBufferWriter<byte>();
            _encoded.ResetWrittenCount();
            _scratch ??= new Utf8JsonWriter(_encoded, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
            _scratch.Reset();
            _scratch.WriteStringValue(text);
            _scratch.Flush();
            _text = text;
            return true;
        }
    }

    /// <summary>An enum's values spelled as the schema spells them (<c>at_least</c>), encoded once.</summary>
    private static class SnakeCase<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, JsonEncodedText> Names = Enum.GetValues<TEnum>()
            .ToDictionary(v => v, v => JsonEncodedText.Encode(JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));

        public static JsonEncodedText Name(TEnum value) => Names[value];
    }
}
