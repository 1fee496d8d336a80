using System.Collections.Frozen;
using System.Collections.Immutable;
using ReportExtract.Common;

namespace ReportExtract.Region;

/// <summary>Level of a GB/T 2260 division.</summary>
internal enum RegionLevel
{
    Province,
    City,
    County,
}

/// <summary>One GB/T 2260 division with its parent (−1 for a province) and the short forms people write.</summary>
internal sealed record RegionDivision(int Index, string Code, string Name, RegionLevel Level, int Parent, ImmutableArray<string> ShortForms);

/// <summary>The division table (province, prefecture, county levels), read once from the embedded resource.</summary>
internal sealed class RegionDivisions
{
    private const string ResourcePath = "Region/divisions.tsv";
    private const string CommonWordsResourcePath = "Region/common-words.txt";

    private readonly FrozenDictionary<string, int> _byCode;

    private RegionDivisions(ImmutableArray<RegionDivision> items, FrozenSet<string> commonWords)
    {
        Items = items;
        CommonWords = commonWords;
        _byCode = items.ToFrozenDictionary(d => d.Code, d => d.Index, StringComparer.Ordinal);
    }

    public ImmutableArray<RegionDivision> Items { get; }

    /// <summary>Names that are also everyday words; they count only right after their own province or city.</summary>
    public FrozenSet<string> CommonWords { get; }

    public RegionDivision this[int index] => Items[index];

    /// <summary>The division with GB/T 2260 <paramref name="code"/>, or null.</summary>
    public RegionDivision? Find(string code) => _byCode.TryGetValue(code, out var i) ? Items[i] : null;

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="index"/> or one of its parents.</summary>
    public bool IsSelfOrAncestor(int ancestor, int index)
    {
        for (var i = index; i >= 0; i = Items[i].Parent)
        {
            if (i == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The province a division belongs to.</summary>
    public int ProvinceOf(int index)
    {
        var i = index;
        while (Items[i].Parent >= 0)
        {
            i = Items[i].Parent;
        }

        return i;
    }

    /// <summary>Reads the embedded table.</summary>
    public static RegionDivisions LoadEmbedded()
    {
        return Parse(EmbeddedData.ReadText(ResourcePath), EmbeddedData.ReadText(CommonWordsResourcePath));
    }

    /// <summary>Parses <c>code TAB name TAB short,forms</c> lines and a one-word-a-line list; # starts a comment.</summary>
    public static RegionDivisions Parse(string table, string commonWords)
    {
        var rows = new List<(string Code, string Name, ImmutableArray<string> Short)>();
        foreach (var line in Lines(table))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length != 6 || !parts[0].All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"division table: bad line '{line}'");
            }

            var shortForms = parts.Length > 2
                ? [.. parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : ImmutableArray<string>.Empty;
            rows.Add((parts[0], parts[1].Trim(), shortForms));
        }

        var indexByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!indexByCode.TryAdd(rows[i].Code, i))
            {
                throw new InvalidDataException($"division table: duplicate code {rows[i].Code}");
            }
        }

        var items = ImmutableArray.CreateBuilder<RegionDivision>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (code, name, shortForms) = rows[i];
            var level = code.AsSpan(2) is "0000" ? RegionLevel.Province
                : code.AsSpan(4) is "00" ? RegionLevel.City
                : RegionLevel.County;
            var parent = level switch
            {
                RegionLevel.Province => -1,
                RegionLevel.City => ParentIndex(indexByCode, code[..2] + "0000", code),
                // Counties of municipalities and 省直辖县级行政区划 have no city row: they hang off the province.
                _ => indexByCode.TryGetValue(code[..4] + "00", out var city) ? city : ParentIndex(indexByCode, code[..2] + "0000", code),
            };
            items.Add(new RegionDivision(i, code, name, level, parent, shortForms));
        }

        var words = Lines(commonWords).Select(l => l.Trim()).ToFrozenSet(StringComparer.Ordinal);
        return new RegionDivisions(items.MoveToImmutable(), words);
    }

    private static int ParentIndex(Dictionary<string, int> indexByCode, string parentCode, string code) =>
        indexByCode.TryGetValue(parentCode, out var parent)
            ? parent
            : throw new InvalidDataException($"division table: {code} has no parent {parentCode}");

    private static IEnumerable<string> Lines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] != '#' && !string.IsNullOrWhiteSpace(line))
            {
                yield return line;
            }
        }
    }
}
