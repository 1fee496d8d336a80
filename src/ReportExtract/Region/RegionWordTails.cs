using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using ReportExtract.Common;

namespace ReportExtract.Region;

/// <summary>
/// Words a matched place name runs into when it is not meant as the place (北京路, 新河镇, 区域, 市场), read from
/// Resources/Region/word-tails.tsv.
/// </summary>
internal sealed class RegionWordTails
{
    private const string ShortForms = "short";

    private readonly ImmutableArray<Tail> _afterShortForms;
    private readonly FrozenDictionary<char, ImmutableArray<Tail>> _afterFullNames;

    // The first characters of every tail: most names are followed by none, and need no look-up.
    private readonly SearchValues<char> _tailStarts;

    private RegionWordTails(ImmutableArray<Tail> afterShortForms, FrozenDictionary<char, ImmutableArray<Tail>> afterFullNames)
    {
        _afterShortForms = afterShortForms;
        _afterFullNames = afterFullNames;
        _tailStarts = SearchValues.Create([.. afterShortForms.Concat(afterFullNames.Values.SelectMany(t => t)).Select(t => t.Word[0]).Distinct()]);
    }

    /// <summary>Reads the embedded list.</summary>
    public static RegionWordTails LoadEmbedded() =>
        Parse(EmbeddedData.ReadLines("Region/word-tails.tsv"));

    /// <summary>Parses <c>applies-to TAB tail [TAB unless words]</c> rows; # starts a comment.</summary>
    public static RegionWordTails Parse(IEnumerable<string> lines)
    {
        var afterShortForms = ImmutableArray.CreateBuilder<Tail>();
        var afterFullNames = new Dictionary<char, List<Tail>>();
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new InvalidDataException($"region word tails: bad line '{line}'");
            }

            var unless = parts.Length > 2
                ? [.. parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)]
                : ImmutableArray<string>.Empty;
            var tail = new Tail(parts[1], unless);
            if (parts[0] == ShortForms)
            {
                afterShortForms.Add(tail);
            }
            else if (parts[0].Length == 1)
            {
                if (!afterFullNames.TryGetValue(parts[0][0], out var list))
                {
                    afterFullNames[parts[0][0]] = list = [];
                }

                list.Add(tail);
            }
            else
            {
                throw new InvalidDataException($"region word tails: '{parts[0]}' is neither \"short\" nor a name's last character");
            }
        }

        return new RegionWordTails(afterShortForms.ToImmutable(), afterFullNames.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()));
    }

    /// <summary>True when the name <paramref name="surface"/> ending at <paramref name="end"/> runs into a word tail.</summary>
    public bool Follows(string source, int end, RegionSurface surface)
    {
        if (end >= source.Length || !_tailStarts.Contains(source[end]))
        {
            return false;
        }

        var tails = surface.IsFull
            ? _afterFullNames.GetValueOrDefault(surface.Text[^1])
            : _afterShortForms;
        if (tails.IsDefault)
        {
            return false;
        }

        var rest = source.AsSpan(end);
        foreach (var tail in tails)
        {
            if (tail.Matches(rest))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word tail, and the longer words that start with it yet keep the place (镇 but not 镇街).</summary>
    private sealed record Tail(string Word, ImmutableArray<string> Unless)
    {
        public bool Matches(ReadOnlySpan<char> rest)
        {
            if (!rest.StartsWith(Word, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var word in Unless)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
