using System.Collections.Immutable;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Sections;

/// <summary>Keyword rules that name the part of the report a top-level heading opens; first matching rule wins.</summary>
public sealed class SectionKindLexicon
{
    private readonly ImmutableArray<(SectionKind Kind, string Keyword)> _rules;

    /// <summary>Rules as (kind, keyword) pairs in priority order.</summary>
    public SectionKindLexicon(IEnumerable<(SectionKind Kind, string Keyword)> rules) => _rules = [.. rules];

    /// <summary>The built-in lexicon (<c>Resources/Sections/section-kinds.txt</c>), read afresh on each call.</summary>
    public static SectionKindLexicon LoadEmbedded() => new(Parse(EmbeddedData.ReadLines("Sections/section-kinds.txt")));

    /// <summary>The kind of a heading titled <paramref name="title"/>, or <see cref="SectionKind.Other"/>.</summary>
    public SectionKind Classify(ReadOnlySpan<char> title)
    {
        foreach (var (kind, keyword) in _rules)
        {
            if (title.Contains(keyword, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return SectionKind.Other;
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
