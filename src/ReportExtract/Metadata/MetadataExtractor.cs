using System.Collections.Immutable;
using ReportExtract.Model;
using ReportExtract.Region;

namespace ReportExtract.Metadata;

/// <summary>Who reported, for which year, when, under which numbers, and where.</summary>
public sealed record ReportMetadata(
    string? Title,
    string? Organization,
    int? ReportYear,
    DateOnly? DocumentDate,
    DateOnly? PublishedDate,
    string? DocumentNumber,
    string? IndexNumber,
    RegionInfo? Region,
    ImmutableArray<string> Warnings)
{
    public static ReportMetadata None { get; } = new(null, null, null, null, null, null, null, null, []);
}

/// <summary>
/// Reads a report's metadata from its head (title, page labels, number line, opening sentence) and its foot
/// (signature and date), composing one finder per field. Only bounded windows are read, so the cost does not grow
/// with the body.
/// </summary>
public sealed class MetadataExtractor
{
    private readonly MetadataLexicon _lexicon;
    private readonly PageLabels _labels;
    private readonly TitleFinder _titles;
    private readonly OrganizationFinder _organizations;
    private readonly DateFinder _dates;
    private readonly ReportYearFinder _years;
    private readonly RegionResolver _regions;

    /// <summary>An extractor with the built-in lexicon and division table.</summary>
    public MetadataExtractor()
        : this(MetadataLexicon.LoadEmbedded(), RegionResolver.LoadEmbedded())
    {
    }

    /// <summary>An extractor that reads labels, names and titles with <paramref name="lexicon"/> and places with <paramref name="regions"/>.</summary>
    public MetadataExtractor(MetadataLexicon lexicon, RegionResolver regions)
    {
        _lexicon = lexicon;
        _regions = regions;
        _labels = new PageLabels(lexicon);
        var names = new OrganizationNames(lexicon);
        _titles = new TitleFinder(lexicon, names);
        _organizations = new OrganizationFinder(lexicon, names);
        _dates = new DateFinder(lexicon, names);
        _years = new ReportYearFinder(lexicon);
    }

    /// <summary>Metadata of normalized <paramref name="text"/>; <paramref name="sections"/> bound the head and name the achievements.</summary>
    public ReportMetadata Extract(string text, ImmutableArray<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var page = MetadataPage.Read(text, sections, _lexicon, _labels);

        var title = _titles.Find(page);
        var signature = _dates.FindSignature(page);
        var documentDate = _dates.DocumentDate(page, signature);
        var publishedDate = _dates.PublishedDate(page);

        // The number line is claimed before the opening sentence is looked for, so it is not taken for prose.
        var documentNumber = DocumentNumberFinder.DocumentNumber(page, title);
        var indexNumber = DocumentNumberFinder.IndexNumber(page);

        var titleLines = title is null ? (-1, -1) : (title.FirstLine, title.LastLine);
        var organization = _organizations.Find(page, title, signature, titleLines);
        var year = _years.Find(page, title, warnings);

        // The organization names the reporting body most directly; the title and the text settle what it leaves open.
        var region = _regions.Resolve(organization, title?.Text, text);
        warnings.AddRange(region.Warnings);
        return new ReportMetadata(title?.Text, organization, year, documentDate, publishedDate, documentNumber, indexNumber, region.Region, warnings.ToImmutable());
    }
}
