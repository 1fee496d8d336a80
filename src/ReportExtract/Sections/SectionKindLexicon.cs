using System.Collections.Frozen;
using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Sections;

/// <summary>Keyword rules that name the part of the report a top-level heading opens; first matching rule wins.</summary>
public sealed class SectionKindLexicon
{
    private readonly ImmutableArray<(SectionKind Kind, string Keyword)> _rules;

    /// <summary>For each character a keyword opens with, the indexes of the rules whose keyword it opens, in order.</summary>
    private readonly FrozenDictionary<char, int[]> _byFirst;

    /// <summary>The keys of <see cref="_byFirst"/> as a bit table: most characters of a title open no keyword, and one bit says so.</summary>
    private readonly CharBitmap _firsts;

    /// <summary>The first rule whose keyword is empty (it occurs in every title), or the count of rules when none is.</summary>
    private readonly int _firstEmpty;

    /// <summary>Rules as (kind, keyword) pairs in priority order.</summary>
    public SectionKindLexicon(IEnumerable<(SectionKind Kind, string Keyword)> rules)
    {
        _rules = [.. rules];
        var indexes = Enumerable.Range(0, _rules.Length);
        _byFirst = indexes.Where(i => _rules[i].Keyword.Length > 0).GroupBy(i => _rules[i].Keyword[0])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _firsts = new CharBitmap(_byFirst.Keys);
        _firstEmpty = indexes.Where(i => _rules[i].Keyword.Length == 0).DefaultIfEmpty(_rules.Length).First();
    }

    /// <summary>The built-in lexicon (<c>Resources/Sections/section-kinds.txt</c>), read afresh on each call.</summary>
    public static SectionKindLexicon LoadEmbedded() => new(Parse(EmbeddedData.ReadLines("Sections/section-kinds.txt")));

    /// <summary>The kind of a heading titled <paramref name="title"/>, or <see cref="SectionKind.Other"/>.</summary>
    public SectionKind Classify(ReadOnlySpan<char> title)
    {
        // The first rule in order whose keyword occurs: the title is read once, each position trying only the keywords
        // that open with its character, instead of searching the title once per rule.
        var first = _firstEmpty;
        for (var p = 0; p < title.Length; p++)
        {
            if (!_firsts.Contains(title[p]) || !_byFirst.TryGetValue(title[p], out var candidates))
            {
                continue;
            }

            foreach (var i in candidates)
            {
                if (i >= first)
                {
                    break;
                }

                if (title[p..].StartsWith(_rules[i].Keyword, StringComparison.Ordinal))
                {
                    first = i;
                    break;
                }
            }
        }

        return first < _rules.Length ? _rules[first].Kind : SectionKind.Other;
    }

    internal static IEnumerable<(SectionKind, string)> Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var tab = line.IndexOfAny('\t', ' ');
            if (tab <= 0)
            {
                throw new FormatException($"Section-kind rule '{line}' needs a kind and a keyword separated by a tab.");
            }

            var kindName = line[..tab];
            var keyword = line[(tab + 1)..].Trim();
            var kind = kindName switch
            {
                "achievements" => SectionKind.Achievements,
                "shortcomings" => SectionKind.Shortcomings,
                "leadership" => SectionKind.Leadership,
                "plans" => SectionKind.Plans,
                "other" => SectionKind.Other,
                _ => throw new FormatException($"Unknown section kind '{kindName}' in rule '{line}'."),
            };
            yield return (kind, keyword);
        }
    }
}
