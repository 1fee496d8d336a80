using System.Buffers;
using System.Collections.Frozen;
using ReportExtract.Common;

namespace ReportExtract.Tables;

/// <summary>
/// The words the table and form readers know in cells and labels (Resources/Tables/cell-words.tsv): placeholders that
/// hold no figure, total and subtotal headers, the words opening a unit label, the words ending a year heading. Read
/// once by the stage that reads tables and handed to its readers; immutable.
/// </summary>
internal sealed class TableWords
{
    private readonly FrozenSet<string> _placeholders;
    private readonly FrozenSet<string> _totals;
    private readonly FrozenSet<string> _subtotals;
    private readonly string[] _unitLabels;
    private readonly string[] _yearSuffixes;

    /// <summary>Words from <paramref name="rows"/> of role and word (placeholder, total, subtotal, unit-label, year-suffix, caption-end).</summary>
    internal TableWords(IEnumerable<string[]> rows)
    {
        var byRole = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Length != 2 || row[0] is not ("placeholder" or "total" or "subtotal" or "unit-label" or "year-suffix" or "caption-end") || row[1].Length == 0)
            {
                throw new InvalidDataException($"cell-words.tsv: bad row '{string.Join('\t', row)}' (role<TAB>word)");
            }

            (byRole.TryGetValue(row[0], out var words) ? words : byRole[row[0]] = []).Add(row[1]);
        }

        List<string> Role(string role) => byRole.GetValueOrDefault(role) ?? [];
        _placeholders = Role("placeholder").ToFrozenSet(StringComparer.Ordinal);
        _totals = Role("total").ToFrozenSet(StringComparer.Ordinal);
        _subtotals = Role("subtotal").ToFrozenSet(StringComparer.Ordinal);
        _unitLabels = [.. Role("unit-label").OrderByDescending(w => w.Length)];
        _yearSuffixes = [.. Role("year-suffix").OrderByDescending(w => w.Length)];
        CaptionEnds = [.. Role("caption-end")];
        CaptionEndLasts = SearchValues.Create([.. CaptionEnds.Select(w => w[^1]).Distinct()]);
    }

    /// <summary>Words ending a table's caption line (统计表).</summary>
    public System.Collections.Immutable.ImmutableArray<string> CaptionEnds { get; }

    /// <summary>The last characters of <see cref="CaptionEnds"/> (表): where a caption word can end.</summary>
    public SearchValues<char> CaptionEndLasts { get; }

    /// <summary>The words of Resources/Tables/cell-words.tsv.</summary>
    public static TableWords LoadEmbedded() => new(EmbeddedData.ReadRows("Tables/cell-words.tsv"));

    /// <summary>True when <paramref name="cell"/> (trimmed) is a placeholder where a figure would stand.</summary>
    public bool IsPlaceholder(ReadOnlySpan<char> cell) => _placeholders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(cell);

    /// <summary>True for the table's total (合计, 总计).</summary>
    public bool IsTotal(string name) => _totals.Contains(name);

    /// <summary>True for a total or a subtotal (小计).</summary>
    public bool IsSum(string name) => _totals.Contains(name) || _subtotals.Contains(name);

    /// <summary>How many characters of <paramref name="label"/> a unit-label word opening it takes (单位 of 单位：件), or 0.</summary>
    public int UnitLabelLength(ReadOnlySpan<char> label)
    {
        foreach (var word in _unitLabels)
        {
            if (label.StartsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }

        return 0;
    }

    /// <summary>How many characters a year-suffix word ending <paramref name="cell"/> takes (年度 of 2022年度), or 0.</summary>
    public int YearSuffixLength(ReadOnlySpan<char> cell)
    {
        foreach (var word in _yearSuffixes)
        {
            if (cell.EndsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }

        return 0;
    }
}
