using System.Collections;
using System.Collections.Immutable;

namespace ReportExtract.Model;

/// <summary>The cells of one standard form as a report gives them: cell id → value, null for a blank cell, in catalog order.</summary>
/// <param name="Form">Form id from the form catalog (<c>gip-2021</c>).</param>
/// <param name="Cells">Only the cells the report contains; a cell it leaves blank is present with a null value.</param>
public sealed record FormCells(string Form, ImmutableArray<KeyValuePair<string, double?>> Cells);

/// <summary>The standard forms of one report, in the order they were found (a plain dictionary does not promise one).</summary>
public sealed class FormValues : IReadOnlyList<FormCells>
{
    private readonly ImmutableArray<FormCells> _forms;

    public FormValues(IEnumerable<FormCells> forms) => _forms = [.. forms];

    /// <summary>No form found.</summary>
    public static FormValues Empty { get; } = new([]);

    public int Count => _forms.Length;

    public FormCells this[int index] => _forms[index];

    /// <summary>The cells of <paramref name="form"/>, or null when the report has no such form.</summary>
    public FormCells? Find(string form)
    {
        foreach (var cells in _forms)
        {
            if (cells.Form == form)
            {
                return cells;
            }
        }

        return null;
    }

    public IEnumerator<FormCells> GetEnumerator() => ((IEnumerable<FormCells>)_forms).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One consistency rule of a form evaluated once (per column or row it applies to).</summary>
/// <param name="Form">Form id.</param>
/// <param name="Check">Rule id from the form catalog (<c>requests.balance</c>).</param>
/// <param name="Scope">The column or row key the rule was applied to; null for a rule that applies once.</param>
/// <param name="Left">The left side's sum, blank cells counted as 0.</param>
/// <param name="Right">The right side's sum.</param>
/// <param name="Holds">Whether both sides are equal.</param>
public sealed record CheckResult(string Form, string Check, string? Scope, double Left, double Right, bool Holds);
