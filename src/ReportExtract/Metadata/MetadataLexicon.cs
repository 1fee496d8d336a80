using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using ReportExtract.Common;

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
    Host,
    Ignore,
}

/// <summary>The vocabulary of report metadata: field labels, organization suffixes and title cues (<c>Resources/Metadata/</c>).</summary>
public sealed class MetadataLexicon
{
    private MetadataLexicon(IEnumerable<string> labels, IEnumerable<string> organizations, IEnumerable<string> titles, IEnumerable<string> signatures)
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
                "host" => LabelField.Host,
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
        NotOrganizationEnd = [.. org["not-end"]];
        OrganizationPlaces = [.. org["place"]];
        PlaceEndings = [.. org["place-end"]];
        TitleNameStops = [.. org["title-stop"]];
        TitleOpeners = [.. org["title-opener"]];
        SubjectEnds = [.. org["subject-end"]];
        OrganizationSuffixStarts = FirstCharacters(OrganizationSuffixes);
        NotOrganizationStartFirsts = FirstCharacters(NotOrganizationStart);
        SubjectEndStarts = FirstCharacters(SubjectEnds);
        PresentingLeads = [.. org["presenting"]];
        PresentingLeadStarts = SearchValues.Create([.. PresentingLeads.Select(l => l[0]).Distinct()]);
        PresentingLeadAndReviewStarts = SearchValues.Create([.. PresentingLeads.Select(l => l[0]).Append(ReportYearFinder.ReviewWord[0]).Distinct()]);
        SelfReferences = [.. org["self"].Select(SelfReference)];

        var title = Group(titles);
        TitleCues = [.. title["cue"]];
        TitleNotEnding = [.. title["not-ending"]];
        TitleNotContaining = [.. title["not-contain"]];
        TitleNotStarting = [.. title["not-start"]];
        TitleCueEndings = [.. title["cue-ending"]];
        DeliveryYearTitles = [.. title["delivery-year"]];
        NotReportTitles = [.. title["not-report"]];

        var signature = Group(signatures);
        SignatureFollowers = [.. signature["follower"]];
        SignatureFollowerStarts = FirstCharacters(SignatureFollowers);
        PromulgationCues = [.. signature["promulgation"]];
        IssuingVerbs = [.. org["issuing"]];
    }

    /// <summary>The built-in lexicon, read afresh on each call.</summary>
    public static MetadataLexicon LoadEmbedded() => new(
        EmbeddedData.ReadLines("Metadata/labels.txt"),
        EmbeddedData.ReadLines("Metadata/organizations.txt"),
        EmbeddedData.ReadLines("Metadata/titles.txt"),
        EmbeddedData.ReadLines("Metadata/signatures.txt"));

    internal FrozenDictionary<string, (LabelField Field, string Label)> Labels { get; }

    internal int LongestLabel { get; }

    internal ImmutableArray<string> OrganizationSuffixes { get; }

    internal ImmutableArray<string> OrganizationEndSuffixes { get; }

    internal ImmutableArray<string> NotOrganizationStart { get; }

    // The first characters of the word lists read at every position of a name or clause: most positions hold none.
    internal SearchValues<char> OrganizationSuffixStarts { get; }

    internal SearchValues<char> NotOrganizationStartFirsts { get; }

    internal SearchValues<char> SubjectEndStarts { get; }

    internal FrozenSet<string> NotOrganizationName { get; }

    internal ImmutableArray<string> NotOrganizationEnd { get; }

    internal ImmutableArray<string> OrganizationPlaces { get; }

    internal ImmutableArray<string> SubjectEnds { get; }

    /// <summary>Endings of a bare place name (某某区, 某某县), which a fuller name of the same place replaces.</summary>
    internal ImmutableArray<string> PlaceEndings { get; }

    /// <summary>Words where an issuer's name stops in a title (关于, 年度), besides a year.</summary>
    internal ImmutableArray<string> TitleNameStops { get; }

    /// <summary>Words a title may open with before its issuer (关于某某镇人民政府…的报告).</summary>
    internal ImmutableArray<string> TitleOpeners { get; }

    /// <summary>Words that open the sentence presenting a report (现将, 现公布 …).</summary>
    internal ImmutableArray<string> PresentingLeads { get; }

    /// <summary>The first characters of <see cref="PresentingLeads"/>, to find them all in one pass.</summary>
    internal SearchValues<char> PresentingLeadStarts { get; }

    /// <summary>The same with the first character of <see cref="ReportYearFinder.ReviewWord"/>: one pass finds both.</summary>
    internal SearchValues<char> PresentingLeadAndReviewStarts { get; }

    /// <summary>What follows 我 in a self-reference (局, 区 …) and the endings of the names it can stand for.</summary>
    internal ImmutableArray<(string Word, ImmutableArray<string> Endings)> SelfReferences { get; }

    internal ImmutableArray<string> TitleCues { get; }

    internal ImmutableArray<string> TitleCueEndings { get; }

    internal ImmutableArray<string> DeliveryYearTitles { get; }

    internal ImmutableArray<string> SignatureFollowers { get; }

    /// <summary>The first characters of <see cref="SignatureFollowers"/>: most lines open with none.</summary>
    internal SearchValues<char> SignatureFollowerStarts { get; }

    /// <summary>Words ending an order that promulgates a document (现予公布, 起施行): a bare date line after it dates the document.</summary>
    internal ImmutableArray<string> PromulgationCues { get; }

    /// <summary>Verbs that follow the body issuing a document in 由某某人民政府颁布.</summary>
    internal ImmutableArray<string> IssuingVerbs { get; }

    /// <summary>Title endings of documents that are no report (指标体系, 办法): without a year of their own they cover none.</summary>
    internal ImmutableArray<string> NotReportTitles { get; }

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

            var value = line[(tab + 1)..].Trim();
            if (value.Length == 0)
            {
                // An empty word would match everywhere (and the first-character sets could not stand for it).
                throw new FormatException($"Metadata lexicon line '{line}' has an empty value.");
            }

            yield return (line[..tab], value);
        }
    }

    private static SearchValues<char> FirstCharacters(ImmutableArray<string> words) => SearchValues.Create([.. words.Select(w => w[0]).Distinct()]);

    /// <summary>A <c>self</c> value: the word after 我, then the name endings it can stand for, separated by spaces.</summary>
    private static (string Word, ImmutableArray<string> Endings) SelfReference(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2
            ? (parts[0], [.. parts[1..].OrderByDescending(p => p.Length)])
            : throw new FormatException($"Self-reference '{value}' needs the word after 我 and at least one name ending.");
    }

    private static Dictionary<string, List<string>> Group(IEnumerable<string> lines)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["suffix"] = [], ["end-suffix"] = [], ["not-start"] = [], ["not-name"] = [], ["not-end"] = [], ["place"] = [],
            ["place-end"] = [], ["title-stop"] = [], ["title-opener"] = [],
            ["subject-end"] = [], ["presenting"] = [], ["self"] = [],
            ["cue"] = [], ["not-ending"] = [], ["not-contain"] = [], ["cue-ending"] = [], ["delivery-year"] = [], ["not-report"] = [], ["promulgation"] = [], ["issuing"] = [],
            ["follower"] = [],
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
