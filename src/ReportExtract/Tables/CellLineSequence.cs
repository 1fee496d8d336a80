using System.Buffers;
using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>What a line of a one-cell-per-line table holds: prose or a heading (no cell), a label, or a figure.</summary>
internal enum CellLineShape
{
    /// <summary>Prose, a heading, or a line too long for a cell.</summary>
    Other,

    /// <summary>A label or header cell.</summary>
    Text,

    /// <summary>A figure (and at most its unit), or a placeholder where one would stand.</summary>
    Number,
}

/// <summary>One non-blank line as a cell: where its text stands, its shape.</summary>
/// <param name="Joined">The text of a header cell wrapped over two lines, joined; null for a line of its own.</param>
internal readonly record struct CellLine(int Start, int End, CellLineShape Shape, string? Joined = null);

/// <summary>
/// The non-blank lines of a text as cells, for <see cref="CellPerLineTableReader"/>: each trimmed and shaped, blank lines
/// dropped (they separate cells and say nothing else), a header cell wrapped over two lines joined into one.
/// </summary>
internal sealed class CellLineSequence
{
    /// <summary>Longest line that may be a cell; longer lines are prose.</summary>
    private const int MaxCell = 24;

    /// <summary>Marks of prose. 、 is none: it lists inside a label (没收违法所得、没收非法财物); only after an outline
    /// number (二、) does it open a heading.</summary>
    private static readonly SearchValues<char> Breakers = SearchValues.Create("。，,；;！？!?|：:\t");

    private readonly UnitLexicon _units;
    private readonly string[] _headerWords;
    private readonly CellShapes _shapes;

    public CellLineSequence(UnitLexicon units, string[] headerWords, CellShapes shapes)
    {
        _units = units;
        _headerWords = headerWords;
        _shapes = shapes;
    }

    /// <summary>The cells of <paramref name="text"/>, line by line.</summary>
    public List<CellLine> Read(string text, LineIndex lines)
    {
        var seq = new List<CellLine>(lines.Count);
        for (var k = 0; k < lines.Count; k++)
        {
            var (start, end) = lines.TextOf(k);
            if (end > start)
            {
                seq.Add(new CellLine(start, end, ShapeOf(text, start, end)));
            }
        }

        JoinWrapped(text, seq);
        return seq;
    }

    public static bool SameText(string text, CellLine a, CellLine b) =>
        (a.Joined ?? text[a.Start..a.End]) == (b.Joined ?? text[b.Start..b.End]);

    /// <summary>
    /// Joins a header cell the exporter wrapped over two lines: a line ending in 、 or 及 goes on in the next, and so do
    /// two lines that hold a known header word only together (没收违法|所得、没收非法财物, 行政|拘留).
    /// </summary>
    private void JoinWrapped(string text, List<CellLine> seq)
    {
        for (var k = 0; k + 1 < seq.Count; k++)
        {
            var (a, b) = (seq[k], seq[k + 1]);
            if (a.Shape != CellLineShape.Text || b.Shape != CellLineShape.Text)
            {
                continue;
            }

            var first = a.Joined ?? text[a.Start..a.End];
            var second = text[b.Start..b.End];
            var joined = first + second;
            if (first[^1] is '、' or '及' or '和' || HeaderWordAcross(first, second, joined))
            {
                seq[k] = new CellLine(a.Start, b.End, CellLineShape.Text, joined);
                seq.RemoveAt(k + 1);
                k--;
            }
        }
    }

    private bool HeaderWordAcross(string first, string second, string joined)
    {
        foreach (var word in _headerWords)
        {
            if (word.Length > 1 && joined.Contains(word, StringComparison.Ordinal) && !first.Contains(word, StringComparison.Ordinal) && !second.Contains(word, StringComparison.Ordinal)
                && joined.IndexOf(word, StringComparison.Ordinal) < first.Length && joined.IndexOf(word, StringComparison.Ordinal) + word.Length > first.Length)
            {
                return true;
            }
        }

        return false;
    }

    private CellLineShape ShapeOf(string text, int start, int end)
    {
        var length = end - start;
        if (length > MaxCell || text.AsSpan(start, length).ContainsAny(Breakers) || OpensHeading(text.AsSpan(start, length)))
        {
            return CellLineShape.Other;
        }

        return _shapes.Of(text.AsSpan(start, length)) switch
        {
            CellShape.Number or CellShape.BareYear => ReadsWhole(text, start, end) ? CellLineShape.Number : CellLineShape.Other,
            CellShape.Text or CellShape.Year => CellLineShape.Text,
            _ => CellLineShape.Number, // a placeholder (—, /, 无) stands where a figure would
        };
    }

    /// <summary>二、行政处罚情况, 3、其他: an outline number and 、 open a heading, not a cell.</summary>
    private static bool OpensHeading(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && i < 3 && (ChineseNumberParser.IsArabicDigit(line[i]) || ChineseNumberParser.DigitValue(line[i]) >= 0 || ChineseNumberParser.MultiplierValue(line[i]) == 10))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] == '、';
    }

    /// <summary>A number line is a number and at most its unit (12, 3.5万元, 8件, 74.7%), nothing else.</summary>
    private bool ReadsWhole(string text, int start, int end)
    {
        if (!ChineseNumberParser.TryParse(text, start, out var number) || number.BareMultiplier)
        {
            return false;
        }

        var unit = number.End < end ? _units.Match(text, number.End, number.Arabic) : null;
        return number.End + (unit?.Surface.Length ?? 0) == end;
    }
}
