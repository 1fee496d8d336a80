using System.Collections;
using System.Collections.Immutable;

namespace ReportExtract.Model;

/// <summary>Catalog indicator values of one report, kept in catalog order (a plain dictionary does not promise one).</summary>
public sealed class IndicatorValues : IReadOnlyList<KeyValuePair<string, double>>
{
    private readonly ImmutableArray<KeyValuePair<string, double>> _items;

    public IndicatorValues(IEnumerable<KeyValuePair<string, double>> items) => _items = [.. items];

    /// <summary>No indicator found.</summary>
    public static IndicatorValues Empty { get; } = new([]);

    public int Count => _items.Length;

    public KeyValuePair<string, double> this[int index] => _items[index];

    /// <summary>The value of <paramref name="id"/>, or null when the report has none.</summary>
    public double? Get(string id)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, id, StringComparison.Ordinal))
            {
                return item.Value;
            }
        }

        return null;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, double>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
