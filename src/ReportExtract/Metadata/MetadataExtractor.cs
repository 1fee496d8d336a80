using System.Collections.Immutable;
using ReportExtract.Model;

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

/// <summary>Placeholder until the metadata stage lands.</summary>
public sealed class MetadataExtractor
{
    /// <summary>Metadata of normalized <paramref name="text"/>.</summary>
    public ReportMetadata Extract(string text, ImmutableArray<Section> sections) => ReportMetadata.None;
}
