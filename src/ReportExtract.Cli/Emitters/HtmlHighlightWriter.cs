using System.Collections.Immutable;
using System.Globalization;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// Writes one report's original text as escaped HTML with a <c>&lt;mark&gt;</c> around every metric and an empty
/// anchor where every section starts, in one forward pass that turns code point offsets into UTF-16 positions.
/// </summary>
/// <remarks>
/// Marks must nest to be valid HTML: a metric inside another is nested, one that overlaps the end of the open mark
/// is cut at that end (its data attributes keep the full span). Spans outside the text are clamped to it.
/// </remarks>
internal sealed class HtmlHighlightWriter(TextWriter writer, string text, string reportId, int firstMetricIndex)
{
    private readonly Stack<int> _open = new();
    private int _codePoint;
    private int _utf16;

    /// <summary>The element id of section <paramref name="path"/> in report <paramref name="reportId"/>.</summary>
    public static string SectionId(string reportId, string path) => reportId + "-s" + path;

    /// <summary>Writes the text with its highlights and section anchors.</summary>
    public void Write(ImmutableArray<Metric> metrics, ImmutableArray<Section> sections)
    {
        var length = text.EnumerateRunes().Count();
        var anchors = new List<(int Start, string Id)>();
        Collect(sections);
        anchors.Sort((a, b) => a.Start.CompareTo(b.Start));

        // Outer marks first at a shared start, so that the inner one nests.
        var order = Enumerable.Range(0, metrics.Length)
            .OrderBy(i => Math.Clamp(metrics[i].Span.Start, 0, length))
            .ThenByDescending(i => metrics[i].Span.End)
            .ToList();
        var nextAnchor = 0;
        foreach (var i in order)
        {
            var m = metrics[i];
            var start = Math.Clamp(m.Span.Start, 0, length);
            var end = Math.Clamp(m.Span.End, start, length);
            AdvanceTo(start, anchors, ref nextAnchor);
            if (_open.TryPeek(out var enclosingEnd))
            {
                end = Math.Min(end, enclosingEnd);
            }

            OpenMark(writer, m, firstMetricIndex + i);
            _open.Push(end);
        }

        AdvanceTo(length, anchors, ref nextAnchor);

        void Collect(ImmutableArray<Section> level)
        {
            foreach (var s in level)
            {
                anchors.Add((Math.Clamp(s.Span.Start, 0, length), SectionId(reportId, s.Path)));
                Collect(s.Sections);
            }
        }
    }

    /// <summary>The element id of the highlight of page metric <paramref name="index"/> (form grids link to it).</summary>
    public static string MarkId(int index) => "m" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the opening tag of metric <paramref name="m"/>'s highlight; <paramref name="index"/> numbers it in the page.</summary>
    public static void OpenMark(TextWriter writer, Metric m, int index)
    {
        var kind = CsvCells.Enum<MetricKind>(m.Kind);
        var value = CsvCells.Number(m.Value);
        var number = index.ToString(CultureInfo.InvariantCulture);
        writer.Write($"<mark class=\"m k-{kind}\" tabindex=\"0\" id=\"{MarkId(index)}\" data-i=\"{number}\" data-kind=\"{kind}\" data-value=\"{value}\"");
        HtmlText.Attribute(writer, "data-unit", m.Unit);
        HtmlText.Attribute(writer, "data-approx", m.Approx is { } a ? CsvCells.Enum<Approximation>(a) : null);
        HtmlText.Attribute(writer, "data-delta", m.Delta is { } d ? CsvCells.Enum<Delta>(d) : null);
        HtmlText.Attribute(writer, "data-subject", m.Subject);
        HtmlText.Attribute(writer, "data-indicator", m.Indicator);
        HtmlText.Attribute(writer, "data-year", m.Year?.ToString(CultureInfo.InvariantCulture));
        HtmlText.Attribute(writer, "data-section", m.Section);
        HtmlText.Attribute(writer, "data-text", m.Text);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $" data-span=\"{m.Span.Start},{m.Span.End}\""));
        HtmlText.Attribute(writer, "data-sentence", m.Sentence);
        if (m.Table == true)
        {
            writer.Write(" data-table=\"true\"");
        }

        HtmlText.Attribute(writer, "data-cell", m.Cell);

        HtmlText.Attribute(writer, "title", string.Join(" · ", new[] { value + " " + m.Unit, kind, m.Subject, m.Indicator }.Where(p => !string.IsNullOrEmpty(p))));
        writer.Write('>');
    }

    /// <summary>Writes text up to code point <paramref name="target"/>, closing marks and placing anchors on the way.</summary>
    private void AdvanceTo(int target, List<(int Start, string Id)> anchors, ref int nextAnchor)
    {
        while (true)
        {
            var stop = target;
            if (_open.TryPeek(out var end) && end < stop)
            {
                stop = end;
            }

            if (nextAnchor < anchors.Count && anchors[nextAnchor].Start < stop)
            {
                stop = anchors[nextAnchor].Start;
            }

            WriteTextTo(stop);
            if (_open.TryPeek(out end) && end == _codePoint)
            {
                // A highlight ends before a section starts at the same place.
                writer.Write("</mark>");
                _open.Pop();
            }
            else if (nextAnchor < anchors.Count && anchors[nextAnchor].Start == _codePoint)
            {
                writer.Write("<span class=\"sec\"");
                HtmlText.Attribute(writer, "id", anchors[nextAnchor].Id);
                writer.Write("></span>");
                nextAnchor++;
            }
            else if (_codePoint == target)
            {
                return;
            }
        }
    }

    private void WriteTextTo(int codePoint)
    {
        var from = _utf16;
        while (_codePoint < codePoint)
        {
            _utf16 += char.IsHighSurrogate(text[_utf16]) && _utf16 + 1 < text.Length && char.IsLowSurrogate(text[_utf16 + 1]) ? 2 : 1;
            _codePoint++;
        }

        HtmlText.Write(writer, text.AsSpan(from, _utf16 - from));
    }
}
