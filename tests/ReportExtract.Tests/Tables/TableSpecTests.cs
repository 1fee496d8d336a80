using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportExtract.Model;

namespace ReportExtract.Tests.Tables;

/// <summary>
/// The table spec: every case of Specs/tables/*.json runs through the whole pipeline (Input as a .txt file, or as an
/// .html file with "Html": true), and its table metrics must be exactly the Results, in order: Text, Value, Unit, Row
/// and Column always; Subject, Kind, Indicator and Year where given. Every span must cover its Text in the input;
/// "TableWarnings" counts the warnings that name a table (0 unless given); "Indicators" checks the summary where given.
/// </summary>
public sealed class TableSpecTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();
    private static readonly ConcurrentDictionary<string, JsonElement[]> Files = new(StringComparer.Ordinal);

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var path in Directory.GetFiles(Repository.TestPath("Specs", "tables"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var cases = Load(name);
            for (var i = 0; i < cases.Length; i++)
            {
                data.Add(name, i, cases[i].GetProperty("Name").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string name)
    {
        var spec = Load(file)[index];
        var input = spec.GetProperty("Input").GetString()!;
        var html = spec.TryGetProperty("Html", out var h) && h.GetBoolean();
        var record = Pipeline.Extract(html ? "case.html" : "case.txt", Encoding.UTF8.GetBytes(input)).Record!;
        var actual = record.Metrics.Where(m => m.Table == true).ToArray();
        var expected = spec.GetProperty("Results").EnumerateArray().ToArray();

        var problems = new List<string>();
        if (actual.Length != expected.Length)
        {
            problems.Add($"expected {expected.Length} table metrics, found {actual.Length}");
        }

        for (var i = 0; i < Math.Min(actual.Length, expected.Length); i++)
        {
            Compare(expected[i], actual[i], i, problems);
        }

        foreach (var metric in record.Metrics)
        {
            if (input[metric.Span.Start..metric.Span.End] != metric.Text)
            {
                problems.Add($"span [{metric.Span.Start},{metric.Span.End}) does not cover text '{metric.Text}'");
            }
        }

        var tableWarnings = record.Warnings.Where(w => w.StartsWith("table", StringComparison.Ordinal)).ToArray();
        var want = spec.TryGetProperty("TableWarnings", out var w) ? w.GetInt32() : 0;
        if (tableWarnings.Length != want)
        {
            problems.Add($"expected {want} table warnings, found {tableWarnings.Length}: {string.Join(" / ", tableWarnings)}");
        }

        if (spec.TryGetProperty("Indicators", out var indicators))
        {
            foreach (var indicator in indicators.EnumerateObject())
            {
                var got = record.Indicators.Get(indicator.Name);
                if (got != indicator.Value.GetDouble())
                {
                    problems.Add($"indicator {indicator.Name}: expected {indicator.Value.GetDouble().ToString(CultureInfo.InvariantCulture)}, found {got?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
                }
            }
        }

        problems.Should().BeEmpty($"{file} case {index} ({name}) found:\n" + string.Join('\n', actual.Select(m => $"  {m.Text} {m.Value} '{m.Unit}' {m.Kind} row={m.Row} column={m.Column} subject={m.Subject} indicator={m.Indicator} year={m.Year}")));
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

        string? Optional(string field) => expected.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;

        Check("Text", Optional("Text"), actual.Text);
        var value = expected.GetProperty("Value").GetDouble();
        if (Math.Abs(value - actual.Value) > 1e-6 * Math.Max(1, Math.Abs(value)))
        {
            problems.Add($"#{i} '{actual.Text}': Value expected {value.ToString(CultureInfo.InvariantCulture)}, found {actual.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        Check("Unit", Optional("Unit"), actual.Unit);
        Check("Row", Optional("Row"), actual.Row);
        Check("Column", Optional("Column"), actual.Column);
        foreach (var (field, got) in new[] { ("Subject", actual.Subject), ("Indicator", actual.Indicator), ("Kind", actual.Kind.ToString().ToLowerInvariant()), ("Year", actual.Year?.ToString(CultureInfo.InvariantCulture)) })
        {
            if (expected.TryGetProperty(field, out _))
            {
                Check(field, Optional(field), got);
            }
        }
    }

    private static JsonElement[] Load(string name) =>
        Files.GetOrAdd(name, n =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Repository.TestPath("Specs", "tables", n)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        });
}
