using System.Collections.Immutable;
using ReportExtract.Model;

namespace ReportExtract.Sections;

/// <summary>Placeholder: no sections until the section stage lands. Spans are normalized UTF-16 offsets.</summary>
public sealed class SectionSplitter
{
    /// <summary>The section tree of <paramref name="text"/>.</summary>
    public ImmutableArray<Section> Split(string text) => [];
}
