using System.Collections.Immutable;
using ReportExtract.Model;

namespace ReportExtract.Forms;

/// <summary>
/// Evaluates a form's consistency rules (勾稽关系) on the cells read. A rule over a table's columns (<c>each_column</c>)
/// is evaluated once per column, one over its rows (<c>each_row</c>) once per row, any other once. A rule is evaluated
/// only where every cell it names was read (a blank cell counts as 0): a cut-off or partial table gives no result for
/// the sums it cannot complete rather than a failure nobody published.
/// </summary>
internal static class FormChecker
{
    /// <summary>The results of every rule of <paramref name="form"/> on <paramref name="cells"/> (cell id → value).</summary>
    public static ImmutableArray<CheckResult> Evaluate(FormDefinition form, IReadOnlyDictionary<string, double?> cells)
    {
        var results = ImmutableArray.CreateBuilder<CheckResult>();
        foreach (var rule in form.Checks)
        {
            var sides = rule.Rule.Split('=', StringSplitOptions.TrimEntries);
            var left = Terms(sides[0]);
            var right = Terms(sides[1]);
            if (rule.EachColumn is { } columnTable)
            {
                foreach (var column in Columns(form, columnTable))
                {
                    Add(results, form, rule, column, cells, Expand(form, left, t => $"{t}.{column}"), Expand(form, right, t => $"{t}.{column}"));
                }
            }
            else if (rule.EachRow is { } rowTable)
            {
                foreach (var row in Rows(form, rowTable))
                {
                    Add(results, form, rule, row, cells, Expand(form, left, t => $"{rowTable}.{row}.{t}"), Expand(form, right, t => $"{rowTable}.{row}.{t}"));
                }
            }
            else
            {
                Add(results, form, rule, null, cells, Expand(form, left, t => t), Expand(form, right, t => t));
            }
        }

        return results.ToImmutable();
    }

    /// <summary>The warning a failing result gives: rule, scope and both sides.</summary>
    public static string Describe(FormRule rule, CheckResult result) =>
        $"form {result.Form}: check {result.Check}{(result.Scope is null ? string.Empty : $" ({result.Scope})")} fails: " +
        $"{rule.Rule.Split('=')[0].Trim()} = {Format(result.Left)} but {rule.Rule.Split('=')[1].Trim()} = {Format(result.Right)}";

    private static string Format(double value) => value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(ImmutableArray<CheckResult>.Builder results, FormDefinition form, FormRule rule, string? scope,
        IReadOnlyDictionary<string, double?> cells, List<string>? left, List<string>? right)
    {
        if (left is null || right is null || left.Count == 0 || right.Count == 0 || !left.Concat(right).All(cells.ContainsKey))
        {
            return;
        }

        var l = left.Sum(id => cells[id] ?? 0);
        var r = right.Sum(id => cells[id] ?? 0);
        results.Add(new CheckResult(form.Id, rule.Id, scope, Math.Round(l, 6), Math.Round(r, 6), Math.Abs(l - r) < 1e-6));
    }

    private static string[] Terms(string side) => side.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The cell ids the terms name: <paramref name="cellOf"/> turns a term into a cell id; a term ending in <c>.*</c>
    /// stands for every catalog cell whose id fits with any key (row keys hold dots: withheld.state_secret). Null if
    /// a term names no cell of the form (a rule the catalog got wrong is no failure of the report).
    /// </summary>
    private static List<string>? Expand(FormDefinition form, string[] terms, Func<string, string> cellOf)
    {
        var ids = new List<string>();
        foreach (var term in terms)
        {
            if (term.EndsWith(".*", StringComparison.Ordinal))
            {
                var pattern = cellOf(term[..^1] + "\u0001");
                var star = pattern.IndexOf('\u0001', StringComparison.Ordinal);
                var (prefix, suffix) = (pattern[..star], pattern[(star + 1)..]);
                var matched = form.Cells.Select(c => c.Id)
                    .Where(id => id.Length > prefix.Length + suffix.Length && id.StartsWith(prefix, StringComparison.Ordinal) && id.EndsWith(suffix, StringComparison.Ordinal))
                    .ToList();
                if (matched.Count == 0)
                {
                    return null;
                }

                ids.AddRange(matched);
            }
            else
            {
                var id = cellOf(term);
                if (form.Cell(id) is null)
                {
                    return null;
                }

                ids.Add(id);
            }
        }

        return ids;
    }

    private static IEnumerable<string> Columns(FormDefinition form, string table) =>
        form.Tables.Where(t => t.Id == table).SelectMany(t => t.Parts).SelectMany(p => p.Columns).Select(c => c.Key).Distinct();

    private static IEnumerable<string> Rows(FormDefinition form, string table) =>
        form.Tables.Where(t => t.Id == table).SelectMany(t => t.Parts).SelectMany(p => p.Rows).Select(r => r.Key).Distinct();
}
