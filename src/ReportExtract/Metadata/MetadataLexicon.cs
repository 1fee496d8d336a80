using System.Collections.Frozen;
using System.Collections.Immutable;
using ReportExtract.Sections;

namespace ReportExtract.Metadata;

/// <summary>What a page label names.</summary>
internal enum LabelField
{
    Title,
    IndexNumber,
    DocumentNumber,
    DocumentDate,
    PublishedDate,
    Publisher,
    Source,
    Ignore,
}

/// <summary>The vocabulary of report metadata: field labels, organization suffixes and title cues (<c>Resources/Metadata/</c>).</summary>
public sealed class MetadataLexicon
{
    private MetadataLexicon(IEnumerable<string> labels, IEnumerable<string> organizations, IEnumerable<string> titles)
    {
        var labelMap = new Dictionary<string, (LabelField Field, string Label)>(StringComparer.Ordinal);
        foreach (var (rule, value) in Rules(labels))
        {
            labelMap[value] = (rule switch
            {
                "title" => LabelField.Title,
                "index_number" => LabelField.IndexNumber,
                "document_number" => LabelField.DocumentNumber,
                "document_date" => LabelField.DocumentDate,
                "published_date" => LabelField.PublishedDate,
                "publisher" => LabelField.Publisher,
                "source" => LabelField.Source,
                "ignore" => LabelField.Ignore,
                _ => throw new FormatException($"Unknown label field '{rule}' for label '{value}'."),
            }, value);
        }

        Labels = labelMap.ToFrozenDictionary(StringComparer.Ordinal);
        LongestLabel = labelMap.Keys.Max(k => k.Length);

        var org = Group(organizations);
        OrganizationSuffixes = [.. org["suffix"].OrderByDescending(s => s.Length)];
        OrganizationEndSuffixes = [.. org["suffix"].Concat(org["end-suffix"]).OrderByDescending(s => s.Length)];
        NotOrganizationStart = [.. org["not-start"]];
        NotOrganizationName = org["not-name"].ToFrozenSet(StringComparer.Ordinal);
        OrganizationPlaces = [.. org["place"]];

        var title = Group(titles);
        TitleCues = [.. title["cue"]];
        TitleNotEnding = [.. title["not-ending"]];
        TitleNotContaining = [.. title["not-contain"]];
        TitleNotStarting = [.. title["not-start"]];
    }

    /// <summary>The built-in lexicon.</summary>
    public static MetadataLexicon Default => LazyDefault.Value;

    private static readonly Lazy<MetadataLexicon> LazyDefault = new(() => new MetadataLexicon(
        EmbeddedLexicon.ReadLines("Metadata", "labels.txt"),
        EmbeddedLexicon.ReadLines("Metadata", "organizations.txt"),
        EmbeddedLexicon.ReadLines("Metadata", "titles.txt")));

    internal FrozenDictionary<string, (LabelField Field, string Label)> Labels { get; }

    internal int LongestLabel { get; }

    internal ImmutableArray<string> OrganizationSuffixes { get; }

    internal ImmutableArray<string> OrganizationEndSuffixes { get; }

    internal ImmutableArray<string> NotOrganizationStart { get; }

    internal FrozenSet<string> NotOrganizationName { get; }

    internal ImmutableArray<string> OrganizationPlaces { get; }

    internal ImmutableArray<string> TitleCues { get; }

    internal ImmutableArray<string> TitleNotEnding { get; }

    internal ImmutableArray<string> TitleNotContaining { get; }

    internal ImmutableArray<string> TitleNotStarting { get; }

    private static IEnumerable<(string Rule, string Value)> Rules(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                throw new FormatException($"Metadata lexicon line '{line}' needs a rule and a value separated by a tab.");
            }

            yield return (line[..tab], line[(tab + 1)..].Trim());
        }
    }

    private static Dictionary<string, List<string>> Group(IEnumerable<string> lines)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["suffix"] = [], ["end-suffix"] = [], ["not-start"] = [], ["not-name"] = [], ["place"] = [],
            ["cue"] = [], ["not-ending"] = [], ["not-contain"] = [],
        };
        foreach (var (rule, value) in Rules(lines))
        {
            if (!groups.TryGetValue(rule, out var list))
            {
                throw new FormatException($"Unknown metadata lexicon rule '{rule}' for '{value}'.");
            }

            list.Add(value);
        }

        return groups;
    }
}
