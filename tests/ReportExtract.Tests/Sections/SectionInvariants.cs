using System.Collections.Immutable;
using ReportExtract.Model;

namespace ReportExtract.Tests.Sections;

/// <summary>What every section tree must satisfy, whatever the input.</summary>
internal static class SectionInvariants
{
    public static void Check(string text, ImmutableArray<Section> sections) => Check(text, sections, null, 1, new TextSpan(0, text.Length));

    private static void Check(string text, ImmutableArray<Section> sections, Section? parent, int level, TextSpan bounds)
    {
        var previousEnd = bounds.Start;
        for (var i = 0; i < sections.Length; i++)
        {
            var s = sections[i];
            var expectedPath = parent is null ? $"{i + 1}" : $"{parent.Path}.{i + 1}";
            s.Path.Should().Be(expectedPath);
            s.Level.Should().Be(level);
            s.Kind.Should().NotBeNull();
            if (parent is not null)
            {
                s.Kind.Should().Be(parent.Kind, "children inherit their top-level section's kind");
            }

            s.Span.Start.Should().BeGreaterThanOrEqualTo(previousEnd, "siblings are ordered and do not overlap");
            s.Span.End.Should().BeGreaterThanOrEqualTo(s.Span.Start);
            s.Span.End.Should().BeLessThanOrEqualTo(bounds.End, "a section lies inside its parent");
            text.AsSpan(s.Span.Start).StartsWith(s.Marker).Should().BeTrue("a span starts at its heading's marker");
            s.Title.Should().Be(s.Title.Trim());
            previousEnd = s.Span.End;
            Check(text, s.Sections, s, level + 1, s.Span);
        }
    }
}
