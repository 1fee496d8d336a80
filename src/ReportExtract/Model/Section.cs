using System.Collections.Immutable;

namespace ReportExtract.Model;

/// <summary>One heading of the report and everything under it.</summary>
/// <param name="Path">1-based position in the tree: 2.3 is the third child of the second top-level section.</param>
/// <param name="Marker">The heading's ordinal as written (一、 （一） 1. (1) ① 第一部分).</param>
/// <param name="Title">Heading text without its marker, simplified.</param>
/// <param name="Kind">Canonical part of the report; children inherit their top-level section's kind.</param>
/// <param name="Span">From the heading's first character to the end of the section's body.</param>
public sealed record Section(
    string Path,
    int Level,
    string Marker,
    string Title,
    SectionKind? Kind,
    TextSpan Span,
    ImmutableArray<Section> Sections);

/// <summary>The canonical parts of a 法治政府建设年度报告.</summary>
public enum SectionKind
{
    /// <summary>主要举措和成效.</summary>
    Achievements,

    /// <summary>存在的不足和原因.</summary>
    Shortcomings,

    /// <summary>党政主要负责人履行推进法治建设第一责任人职责.</summary>
    Leadership,

    /// <summary>下一年度工作安排.</summary>
    Plans,
    Other,
}
