using System.Collections.Immutable;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>Placeholder until the catalog lands: the canonical indicators analysts compare across reports.</summary>
public sealed class IndicatorCatalog
{
    /// <summary>Indicator ids in catalog order (the wide CSV's columns).</summary>
    public ImmutableArray<string> Ids { get; } = [];

    /// <summary>Per id, the first mention for the report year outside plan sections.</summary>
    public IndicatorValues Summarize(ImmutableArray<Metric> metrics, ImmutableArray<Section> sections, int? reportYear) => IndicatorValues.Empty;
}
