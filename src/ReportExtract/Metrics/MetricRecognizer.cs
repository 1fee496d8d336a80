using System.Collections.Immutable;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>Placeholder until the metric stage lands. Spans are normalized UTF-16 offsets.</summary>
public sealed class MetricRecognizer
{
    /// <summary>Every figure of <paramref name="text"/>, sorted by position.</summary>
    public ImmutableArray<Metric> Recognize(string text, ImmutableArray<Section> sections, int? reportYear) => [];
}
