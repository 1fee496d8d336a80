using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The recognizer's spec: every case of Specs/metrics/*.json (Input, optional ReportYear and Sections, and the expected
/// Results with Text, Value, Unit, Kind, Approx, Delta and, where given, Subject, Indicator, Year, Table). A result lists
/// every metric of the input in order; absent Approx and Delta mean none, absent Subject/Indicator/Year are not checked.
/// </summary>
public sealed class MetricSpecTests
{
    private static readonly MetricRecognizer Recognizer = new();
    private static readonly ConcurrentDictionary<string, JsonElement[]> Files = new(StringComparer.Ordinal);

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var path in Directory.GetFiles(MetricTestFiles.SpecDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var cases = Load(name);
            for (var i = 0; i < cases.Length; i++)
            {
                data.Add(name, i, cases[i].GetProperty("Input").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string input)
    {
        var spec = Load(file)[index];
        int? reportYear = !spec.TryGetProperty("ReportYear", out var y) ? 2021 : y.ValueKind == JsonValueKind.Null ? null : y.GetInt32();
        var sections = spec.TryGetProperty("PlansFrom", out var plans)
            ? [new Section("1", 1, "一、", "工作安排", SectionKind.Plans, new TextSpan(input.IndexOf(plans.GetString()!, StringComparison.Ordinal), input.Length), [])]
            : System.Collections.Immutable.ImmutableArray<Section>.Empty;
        var recognition = Recognizer.Recognize(input, sections, reportYear);
        var actual = recognition.Metrics;
        var expected = spec.GetProperty("Results").EnumerateArray().ToArray();

        var problems = new List<string>();
        if (actual.Length != expected.Length)
        {
            problems.Add($"expected {expected.Length} metrics, found {actual.Length}");
        }

        for (var i = 0; i < Math.Min(actual.Length, expected.Length); i++)
        {
            Compare(expected[i], actual[i], i, problems);
        }

        foreach (var metric in actual)
        {
            if (input[metric.Span.Start..metric.Span.End] != metric.Text)
            {
                problems.Add($"span [{metric.Span.Start},{metric.Span.End}) does not cover text '{metric.Text}'");
            }
        }

        var warnings = spec.TryGetProperty("WarningCount", out var w) ? w.GetInt32() : 0;
        if (recognition.Warnings.Length != warnings)
        {
            problems.Add($"expected {warnings} warnings, found {recognition.Warnings.Length}: {string.Join(" / ", recognition.Warnings)}");
        }

        if (spec.TryGetProperty("Indicators", out var indicators))
        {
            var summary = Recognizer.Catalog.Summarize(actual, sections, reportYear);
            var want = string.Join(", ", indicators.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetDouble().ToString(CultureInfo.InvariantCulture)}"));
            var got = string.Join(", ", summary.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));
            if (want != got)
            {
                problems.Add($"indicators: expected {{{want}}}, found {{{got}}}");
            }
        }

        problems.Should().BeEmpty(Describe(file, index, input, actual));
    }

    private static void Compare(JsonElement expected, Metric actual, int i, List<string> problems)
    {
        void Check(string field, string? want, string? got)
        {
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                problems.Add($"#{i} '{actual.Text}': {field} expected '{want ?? "null"}', found '{got ?? "null"}'");
            }
        }

        Check("Text", expected.GetProperty("Text").GetString(), actual.Text);
        var value = expected.GetProperty("Value").GetDouble();
        if (Math.Abs(value - actual.Value) > 1e-6 * Math.Max(1, Math.Abs(value)))
        {
            problems.Add($"#{i} '{actual.Text}': Value expected {value.ToString(CultureInfo.InvariantCulture)}, found {actual.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        Check("Unit", expected.GetProperty("Unit").GetString(), actual.Unit);
        Check("Kind", expected.GetProperty("Kind").GetString(), Snake(actual.Kind.ToString()));
        Check("Approx", Optional(expected, "Approx"), actual.Approx is { } a ? Snake(a.ToString()) : null);
        Check("Delta", Optional(expected, "Delta"), actual.Delta is { } d ? Snake(d.ToString()) : null);
        if (expected.TryGetProperty("Subject", out _))
        {
            Check("Subject", Optional(expected, "Subject"), actual.Subject);
        }

        if (expected.TryGetProperty("Indicator", out _))
        {
            Check("Indicator", Optional(expected, "Indicator"), actual.Indicator);
        }

        if (expected.TryGetProperty("Year", out var year))
        {
            Check("Year", year.ValueKind == JsonValueKind.Null ? null : year.GetInt32().ToString(CultureInfo.InvariantCulture), actual.Year?.ToString(CultureInfo.InvariantCulture));
        }

        if (expected.TryGetProperty("Table", out var table))
        {
            Check("Table", table.ValueKind == JsonValueKind.True ? "true" : null, actual.Table == true ? "true" : null);
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static string Snake(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Describe(string file, int index, string input, IEnumerable<Metric> actual)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{file} case {index}: {input}\nfound:\n");
        foreach (var m in actual)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"  {{\"Text\": \"{m.Text}\", \"Value\": {m.Value.ToString(CultureInfo.InvariantCulture)}, \"Unit\": \"{m.Unit}\", \"Kind\": \"{Snake(m.Kind.ToString())}\", \"Approx\": {Quote(m.Approx)}, \"Delta\": {Quote(m.Delta)}, \"Subject\": {Quote(m.Subject)}, \"Indicator\": {Quote(m.Indicator)}, \"Year\": {m.Year?.ToString(CultureInfo.InvariantCulture) ?? "null"}}}\n");
        }

        return builder.ToString();
    }

    private static string Quote(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"\"{Snake(value.ToString()!)}\"",
    };

    private static JsonElement[] Load(string name) =>
        Files.GetOrAdd(name, n =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(MetricTestFiles.SpecDirectory, n)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        });
}
