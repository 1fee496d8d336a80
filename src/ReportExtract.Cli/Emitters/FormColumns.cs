using ReportExtract.Forms;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// The form layout of one standard form as typed cells, shared by the CSV (<c>--csv-layout form</c>) and XLSX
/// emitters: the wide layout's report columns, one column per cell of the form in catalog order, then the number
/// of the form's checks that failed. A report without the form has empty cells, so an archive is one sheet.
/// </summary>
internal sealed class FormColumns(FormDefinition form, bool labelHeaders = false)
{
    /// <summary>The column after the cells.</summary>
    public const string ChecksFailedColumn = "checks_failed";

    /// <summary>The form.</summary>
    public FormDefinition Form { get; } = form;

    /// <summary>Report columns, then the cells (ids, or row and column labels), then <see cref="ChecksFailedColumn"/>.</summary>
    public string[] Header { get; } =
        [.. ReportTable.WideColumns, .. form.Cells.Select(c => labelHeaders ? Label(c) : c.Id), ChecksFailedColumn];

    /// <summary>Index of the first cell column.</summary>
    public static int FirstCell => ReportTable.WideColumns.Length;

    /// <summary>The row of <paramref name="r"/>: its cells of this form where it has the form, empty ones where not.</summary>
    public object?[] Row(ReportRecord r)
    {
        var row = new object?[Header.Length];
        ReportTable.WideRow(r, []).CopyTo(row, 0);
        if (r.Forms.Find(Form.Id) is not { } cells)
        {
            return row;
        }

        var values = cells.Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        for (var k = 0; k < Form.Cells.Length; k++)
        {
            row[FirstCell + k] = values.GetValueOrDefault(Form.Cells[k].Id);
        }

        row[^1] = (long)r.Checks.Count(c => c.Form == Form.Id && !c.Holds);
        return row;
    }

    /// <summary>The cell ids a failing check of <paramref name="r"/> sums (both sides), to mark in a sheet.</summary>
    public IEnumerable<string> FailingCells(ReportRecord r)
    {
        foreach (var check in r.Checks.Where(c => c.Form == Form.Id && !c.Holds))
        {
            var rule = Form.Checks.FirstOrDefault(x => x.Id == check.Check);
            if (rule is null)
            {
                continue;
            }

            foreach (var cell in Form.Cells)
            {
                if (CheckCovers(rule, check.Scope, cell))
                {
                    yield return cell.Id;
                }
            }
        }
    }

    /// <summary>A readable header: the row's labels and, in brackets, the column's (一、本年新收政府信息公开申请数量（自然人）).</summary>
    public static string Label(FormCell cell) =>
        cell.Part.SingleRow ? cell.Column.Label : $"{cell.Row.Label}（{cell.Column.Label}）";

    /// <summary>Whether <paramref name="cell"/> is one of the sums of <paramref name="rule"/> applied to <paramref name="scope"/>.</summary>
    private static bool CheckCovers(FormRule rule, string? scope, FormCell cell)
    {
        var terms = rule.Rule.Split(['=', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var row = $"{cell.Part.Table}.{cell.Row.Key}";
        if (rule.EachColumn is { } table)
        {
            return cell.Part.Table == table && cell.Column.Key == scope && terms.Any(t => Fits(t, row));
        }

        if (rule.EachRow is { } rowTable)
        {
            return cell.Part.Table == rowTable && cell.Row.Key == scope && terms.Any(t => Fits(t, cell.Column.Key));
        }

        return terms.Any(t => Fits(t, cell.Id));
    }

    private static bool Fits(string term, string key) =>
        term == key || (term.EndsWith(".*", StringComparison.Ordinal) && key.StartsWith(term[..^1], StringComparison.Ordinal));
}
