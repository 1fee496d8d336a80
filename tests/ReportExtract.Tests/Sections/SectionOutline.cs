using System.Collections.Immutable;
using System.Text.Json;
using ReportExtract.Model;

namespace ReportExtract.Tests.Sections;

/// <summary>A section tree as flat, readable lines: <c>1.2 | （二） | 强化内部管理 | achievements</c>.</summary>
internal static class SectionOutline
{
    public static List<string> Of(ImmutableArray<Section> sections)
    {
        var lines = new List<string>();
        Walk(sections, lines);
        return lines;
    }

    public static IEnumerable<Section> Flatten(ImmutableArray<Section> sections) =>
        sections.SelectMany(s => Flatten(s.Sections).Prepend(s));

    public static string KindName(SectionKind? kind) => kind is null ? "null" : JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.Value.ToString());

    private static void Walk(ImmutableArray<Section> sections, List<string> lines)
    {
        foreach (var s in sections)
        {
            lines.Add($"{s.Path} | {s.Marker} | {s.Title} | {KindName(s.Kind)}");
            Walk(s.Sections, lines);
        }
    }
}
