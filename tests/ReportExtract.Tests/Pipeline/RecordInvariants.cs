using System.Collections.Immutable;
using System.Text;
using ReportExtract.Decoding;
using ReportExtract.Model;

namespace ReportExtract.Tests.Pipeline;

/// <summary>
/// What every record keeps, whatever the input: spans in code points of the decoded original, each metric's text
/// equal to the original at its span, sections nested inside their parents without overlapping their siblings,
/// metrics in text order.
/// </summary>
internal static class RecordInvariants
{
    private static readonly TextDecoder Decoder = new();

    /// <summary>The decoded original of <paramref name="bytes"/> as a list of code points (strings of one or two UTF-16 units).</summary>
    public static string[] CodePoints(ReadOnlySpan<byte> bytes, string? encoding = null)
    {
        var decoded = (encoding is null ? Decoder : new TextDecoder(encoding)).Decode(bytes).Decoded
            ?? throw new InvalidOperationException("the input was rejected by the decoder");
        // Code points as the record counts them (CodePointIndex): a surrogate pair is one, a lone surrogate is one too.
        var text = decoded.Text;
        var points = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            points.Add(text.Substring(i, pair ? 2 : 1));
            i += pair ? 1 : 0;
        }

        return [.. points];
    }

    /// <summary>Asserts every invariant of <paramref name="record"/> against the code points of its original; <paramref name="because"/> names the case.</summary>
    public static void AssertHold(ReportRecord record, IReadOnlyList<string> original, string because)
    {
        var previous = -1;
        foreach (var metric in record.Metrics)
        {
            metric.Span.Start.Should().BeInRange(0, original.Count, because);
            metric.Span.End.Should().BeInRange(metric.Span.Start, original.Count, because);
            Slice(original, metric.Span).Should().Be(metric.Text, $"{because}: a metric's text is the original at its span");
            metric.Span.Start.Should().BeGreaterThanOrEqualTo(previous, $"{because}: metrics are in text order");
            previous = metric.Span.Start;
            double.IsFinite(metric.Value).Should().BeTrue($"{because}: {metric.Text} ({metric.Kind}, {metric.Unit}) has a finite value");
        }

        AssertNested(record.Sections, new TextSpan(0, original.Count), parentPath: null, because);
        record.Warnings.Where(string.IsNullOrWhiteSpace).Should().BeEmpty(because);
    }

    private static void AssertNested(ImmutableArray<Section> sections, TextSpan parent, string? parentPath, string because)
    {
        var end = parent.Start;
        for (var i = 0; i < sections.Length; i++)
        {
            var section = sections[i];
            section.Span.Start.Should().BeGreaterThanOrEqualTo(end, $"{because}: section {section.Path} starts after its previous sibling and inside its parent");
            section.Span.End.Should().BeInRange(section.Span.Start, parent.End, $"{because}: section {section.Path} ends inside its parent");
            section.Path.Should().Be(parentPath is null ? $"{i + 1}" : $"{parentPath}.{i + 1}", because);
            section.Level.Should().Be(parentPath is null ? 1 : parentPath.Count(c => c == '.') + 2, because);
            end = section.Span.End;
            AssertNested(section.Sections, section.Span, section.Path, because);
        }
    }

    private static string Slice(IReadOnlyList<string> original, TextSpan span)
    {
        var builder = new StringBuilder(span.Length);
        for (var i = span.Start; i < span.End; i++)
        {
            builder.Append(original[i]);
        }

        return builder.ToString();
    }
}
