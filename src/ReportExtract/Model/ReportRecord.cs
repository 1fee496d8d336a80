using System.Collections.Immutable;

namespace ReportExtract.Model;

/// <summary>One report turned into structured data: the <c>reportx.record/1</c> contract.</summary>
public sealed record ReportRecord
{
    /// <summary>The schema id every record carries.</summary>
    public const string SchemaId = "reportx.record/1";

    /// <summary>Always <see cref="SchemaId"/>; serialized so that consumers can check the contract.</summary>
#pragma warning disable CA1822 // serialized as a property on purpose
    public string Schema => SchemaId;
#pragma warning restore CA1822

    public required SourceInfo Source { get; init; }
    public string? Title { get; init; }
    public string? Organization { get; init; }
    public int? ReportYear { get; init; }
    public DateOnly? DocumentDate { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string? DocumentNumber { get; init; }
    public string? IndexNumber { get; init; }
    public RegionInfo? Region { get; init; }
    public ImmutableArray<Section> Sections { get; init; } = [];
    public ImmutableArray<Metric> Metrics { get; init; } = [];

    /// <summary>Catalog indicator id → value, in catalog order.</summary>
    public IndicatorValues Indicators { get; init; } = IndicatorValues.Empty;

    /// <summary>Standard forms found: form id → cell id → value (null for a blank cell), in catalog order.</summary>
    public FormValues Forms { get; init; } = FormValues.Empty;

    /// <summary>Each consistency rule (勾稽关系) of each form found, evaluated on the cells read.</summary>
    public ImmutableArray<CheckResult> Checks { get; init; } = [];
    public ImmutableArray<string> Warnings { get; init; } = [];
}

/// <summary>Where a record came from: the raw input's identity and how it was read.</summary>
public sealed record SourceInfo(string Path, string Sha256, long Bytes, string Encoding, ScriptKind Script);

/// <summary>Script of the input before conversion.</summary>
public enum ScriptKind
{
    Simplified,
    Traditional,
    Mixed,
    None,
}

/// <summary>GB/T 2260 administrative division of the reporting body.</summary>
public sealed record RegionInfo(string Code, string? Province, string? City, string? County);

/// <summary>
/// [start, end) in Unicode code points of the decoded original input. Inside the pipeline, before
/// <see cref="ReportPipeline"/> maps them, stages use the same type for UTF-16 offsets into the normalized text.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
