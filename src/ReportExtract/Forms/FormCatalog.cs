using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using ReportExtract.Common;

namespace ReportExtract.Forms;

/// <summary>A row or column of a form table: its key and its label path (outer / inner).</summary>
public sealed record FormLabel(string Key, string Label)
{
    /// <summary>The innermost level of the label path (<c>1.属于国家秘密</c>).</summary>
    public string Leaf => Label.Split(" / ")[^1];
}

/// <summary>
/// One block of a form table with its own rows and columns: a sub-table of 二、主动公开 introduced by its article line,
/// or a whole table. <paramref name="Units"/> holds one unit per column as the catalog states it (件, 万元, 元).
/// </summary>
public sealed record FormPart(string Table, string? Article, ImmutableArray<FormLabel> Rows, ImmutableArray<FormLabel> Columns, ImmutableArray<string> Units)
{
    /// <summary>A table with one data row and no row label (四、行政复议、行政诉讼): its numbers follow the column headers.</summary>
    public bool SingleRow => Rows.Length == 1 && Rows[0].Label.StartsWith('(');
}

/// <summary>A table of a form: id, heading and its parts (most tables have one).</summary>
public sealed record FormTable(string Id, string Heading, ImmutableArray<FormPart> Parts);

/// <summary>A consistency rule (勾稽关系): <c>left = right</c> over sums of cell references, once or per column/row.</summary>
public sealed record FormRule(string Id, string Rule, string? EachColumn, string? EachRow);

/// <summary>One cell of a form in catalog order: its id <c>{table}.{row}.{column}</c> and where it sits.</summary>
public sealed record FormCell(string Id, FormPart Part, FormLabel Row, FormLabel Column, string Unit);

/// <summary>A standard form: its tables and rules, with its cells in catalog order.</summary>
/// <param name="FirstYear">First report year the form applies to (from the catalog's <c>applies</c>), used only where the structure cannot tell versions apart.</param>
/// <param name="LastYear">Last report year it applies to; null when it still applies.</param>
public sealed record FormDefinition(string Id, string Name, ImmutableArray<FormTable> Tables, ImmutableArray<FormRule> Checks, int? FirstYear = null, int? LastYear = null)
{
    private FrozenDictionary<string, FormCell>? _byId;

    /// <summary>Every cell of the form in catalog order (table, part, row, column).</summary>
    public ImmutableArray<FormCell> Cells { get; } = [.. Tables.SelectMany(t => t.Parts).SelectMany(p =>
        p.Rows.SelectMany(r => p.Columns.Select((c, k) => new FormCell($"{p.Table}.{r.Key}.{c.Key}", p, r, c, p.Units[k]))))];

    /// <summary>The cell of <paramref name="id"/>, or null.</summary>
    public FormCell? Cell(string id) => (_byId ??= Cells.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal)).GetValueOrDefault(id);
}

/// <summary>The standard forms reportx reads (Resources/Forms/*.json plus a user file given with <c>--forms</c>).</summary>
public sealed partial class FormCatalog
{
    private static readonly string[] BuiltInNames = ["gip-2019.json", "gip-2021.json"];

    private FormCatalog(ImmutableArray<FormDefinition> forms) => Forms = forms;

    /// <summary>The built-in forms (each call reads them afresh).</summary>
    public static FormCatalog LoadBuiltIn() => new([.. BuiltInNames.Select(n => Parse(ReadEmbedded(n), "built-in " + n))]);

    /// <summary>The forms in catalog order.</summary>
    public ImmutableArray<FormDefinition> Forms { get; }

    /// <summary>The form of <paramref name="id"/>, or null.</summary>
    public FormDefinition? Get(string id) => Forms.FirstOrDefault(f => f.Id == id);

    /// <summary>
    /// The built-in forms, with the form of <paramref name="extraPath"/> (one form, or an array of forms, in the same
    /// format) replacing the one of the same id or added. A bad file throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static FormCatalog Load(string? extraPath)
    {
        if (string.IsNullOrEmpty(extraPath))
        {
            return LoadBuiltIn();
        }

        string json;
        try
        {
            json = File.ReadAllText(extraPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"forms {extraPath}: cannot read it ({e.Message})", e);
        }

        var list = LoadBuiltIn().Forms.ToList();
        foreach (var form in ParseAll(json, extraPath))
        {
            var k = list.FindIndex(f => f.Id == form.Id);
            if (k >= 0)
            {
                list[k] = form;
            }
            else
            {
                list.Add(form);
            }
        }

        return new FormCatalog([.. list]);
    }

    private static string ReadEmbedded(string name) => EmbeddedData.ReadText("Forms/" + name);

    private static IEnumerable<FormDefinition> ParseAll(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Select(e => ParseForm(e, origin))]
                : [ParseForm(document.RootElement, origin)];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"forms {origin}: not valid JSON ({e.Message})", e);
        }
    }

    private static FormDefinition Parse(string json, string origin) => ParseAll(json, origin).Single();

    private static FormDefinition ParseForm(JsonElement form, string origin)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            throw Bad(origin, "a form must be a JSON object");
        }

        var id = Text(form, "form", origin, "the form");
        var tables = Array(form, "tables", origin, id).Select(t => ParseTable(t, origin, id)).ToImmutableArray();
        var checks = form.TryGetProperty("checks", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(r => new FormRule(
                Text(r, "id", origin, id + " check"),
                Text(r, "rule", origin, id + " check"),
                Optional(r, "each_column"),
                Optional(r, "each_row"))).ToImmutableArray()
            : [];
        var (first, last) = Years(Optional(form, "applies"));
        var definition = new FormDefinition(id, Optional(form, "name") ?? id, tables, checks, first, last);
        foreach (var rule in checks)
        {
            if (rule.Rule.Split('=').Length != 2)
            {
                throw Bad(origin, $"{id} check {rule.Id}: the rule must read 'left = right'");
            }
        }

        return definition;
    }

    /// <summary>The years of an <c>applies</c> note (reports on 2019 and 2020; reports on 2021 and later years).</summary>
    private static (int? First, int? Last) Years(string? applies)
    {
        var years = applies is null ? [] : YearPattern().Matches(applies).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (years.Count == 0)
        {
            return (null, null);
        }

        var open = applies!.Contains("later", StringComparison.OrdinalIgnoreCase) || applies.Contains('起', StringComparison.Ordinal);
        return (years.Min(), open ? null : years.Max());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex YearPattern();

    private static FormTable ParseTable(JsonElement table, string origin, string form)
    {
        var id = Text(table, "table", origin, form + " table");
        var heading = Optional(table, "heading") ?? string.Empty;
        var parts = table.TryGetProperty("parts", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(e => ParsePart(e, id, origin, form)).ToImmutableArray()
            : [ParsePart(table, id, origin, form)];
        return new FormTable(id, heading, parts);
    }

    private static FormPart ParsePart(JsonElement part, string table, string origin, string form)
    {
        var where = $"{form} table {table}";
        var rows = Labels(part, "rows", origin, where);
        var columns = Labels(part, "columns", origin, where);
        return new FormPart(table, Optional(part, "article"), rows, columns, Units(Optional(part, "unit") ?? "件", columns.Length));
    }

    /// <summary>
    /// The catalog writes a part's unit as one word (件, 万元) or, for parts whose columns differ, as one per column
    /// separated by " / " with a note in brackets (项 / 元 (…)).
    /// </summary>
    private static ImmutableArray<string> Units(string unit, int columns)
    {
        var bracket = unit.IndexOf(" (", StringComparison.Ordinal);
        var words = (bracket < 0 ? unit : unit[..bracket]).Split(" / ", StringSplitOptions.TrimEntries);
        return [.. Enumerable.Range(0, columns).Select(k => words.Length == columns ? words[k] : words[0])];
    }

    private static ImmutableArray<FormLabel> Labels(JsonElement part, string name, string origin, string where)
    {
        var labels = Array(part, name, origin, where).Select(e =>
            e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 2 && e[0].ValueKind == JsonValueKind.String && e[1].ValueKind == JsonValueKind.String
                ? new FormLabel(e[0].GetString()!, e[1].GetString()!)
                : throw Bad(origin, $"{where}: each of '{name}' must be [key, label]")).ToImmutableArray();
        return labels.IsEmpty ? throw Bad(origin, $"{where}: '{name}' is empty") : labels;
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name, string origin, string where) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw Bad(origin, $"{where}: '{name}' must be an array");

    private static string Text(JsonElement e, string name, string origin, string where) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw Bad(origin, $"{where}: '{name}' must be a non-empty string");

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static InvalidDataException Bad(string origin, string problem) => new($"forms {origin}: {problem}");
}
