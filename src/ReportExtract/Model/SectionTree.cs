using System.Collections.Immutable;

namespace ReportExtract.Model;

/// <summary>Lookups in a report's tree of <see cref="Section"/>s.</summary>
internal static class SectionTree
{
    /// <summary>Path of the innermost section holding <paramref name="position"/>, or null outside every section.</summary>
    public static string? PathAt(ImmutableArray<Section> sections, int position)
    {
        string? path = null;
        var level = sections;
        while (true)
        {
            // A loop, not FirstOrDefault: a closure and a boxed enumerator per level and figure add up.
            Section? inner = null;
            foreach (var section in level)
            {
                if (position >= section.Span.Start && position < section.Span.End)
                {
                    inner = section;
                    break;
                }
            }

            if (inner is null)
            {
                return path;
            }

            path = inner.Path;
            level = inner.Sections;
        }
    }
}
