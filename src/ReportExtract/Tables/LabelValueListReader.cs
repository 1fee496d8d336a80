using System.Text.RegularExpressions;
using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>
/// Finds tables flattened into one row per line, each line a label and its figure (<c>罚款 4</c>,
/// <c>行政处罚实施数量(件)6</c>, <c>合计6(件)</c>) or a label alone where the figure cell was blank, as some exporters
/// write a one-row table column by column. Three or more such lines with figures, run together, make a table of a label
/// column and a figure column; a bracketed unit stays with its label (合计(件)), where the header reader looks for it.
/// A line with two numbers or a wide gap is a row of another layout, and a line of prose ends the run.
/// </summary>
internal sealed partial class LabelValueListReader
{
    /// <summary>Fewest lines with a figure that make a table.</summary>
    private const int MinFigures = 3;

    /// <summary>Longest label.</summary>
    private const int MaxLabel = 24;

    /// <summary>Longest line read: a label, a gap, a figure and its unit or bracket.</summary>
    private const int MaxLine = MaxLabel + 16;

    private readonly UnitLexicon _units;
    private readonly CellShapes _shapes;

    /// <summary>The marks no label holds (the pattern's label class leaves them out) that are in no unit either, so
    /// cannot stand in a figure's unit after it: outside brackets, one of them in a line makes it no entry.</summary>
    private readonly string _notInEntry;

    public LabelValueListReader(UnitLexicon units, CellShapes shapes)
    {
        _units = units;
        _shapes = shapes;
        _notInEntry = new string([.. LabelMarks.Where(c => !units.Surfaces.Any(u => u.Contains(c, StringComparison.Ordinal)))]);
    }

    /// <summary>The marks the pattern's label class leaves out besides digits.</summary>
    private const string LabelMarks = "|:：，,。；;";

    /// <param name="Odd">The line is no row an aligned or spaced reader would split the same (a figure glued to its
    /// label, a bracket after the figure).</param>
    internal readonly record struct Entry(GridCell Label, GridCell Value, bool Odd = false);

    public void Read(string text, LineIndex lines, List<TableGrid> grids)
    {
        // Most lines are prose, too long (or blank) to be a row: they end every run. Only a block of short lines with
        // at least MinFigures lines holding a digit can hold a run with that many figures, so only such a block is parsed.
        var run = new List<Entry>();
        for (var k = 0; k < lines.Count;)
        {
            var (end, withDigits) = ShortBlock(text, lines, k);
            if (withDigits >= MinFigures)
            {
                for (; k < end; k++)
                {
                    if (Parse(text, lines.TextOf(k)) is { } e)
                    {
                        run.Add(e);
                        continue;
                    }

                    Emit(run, grids);
                    run.Clear();
                }

                Emit(run, grids);
                run.Clear();
            }

            k = Math.Max(end, k + 1);
        }
    }

    /// <summary>
    /// The end of the block of lines from <paramref name="first"/> that are short enough to parse (none when that line
    /// is not), and how many of them hold a digit: a line outside such a block is never an entry, and a line without a
    /// digit never one with a figure.
    /// </summary>
    private static (int End, int WithDigits) ShortBlock(string text, LineIndex lines, int first)
    {
        var withDigits = 0;
        var k = first;
        for (; k < lines.Count && lines.TextOf(k) is var (start, end) && end - start is > 0 and <= MaxLine; k++)
        {
            withDigits += HasDigit(text.AsSpan(start, end - start)) ? 1 : 0;
        }

        return (k, withDigits);
    }

    /// <summary>A character the pattern's <c>\d</c> matches (any Unicode decimal digit).</summary>
    internal static bool HasDigit(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            // Han characters, most of a line, are no digits: asking the Unicode tables of each costs a look-up.
            if (c is not (>= '\u4e00' and <= '\u9fff') && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Emit(List<Entry> run, List<TableGrid> grids)
    {
        if (run.Count < MinFigures)
        {
            return; // too few entries to hold MinFigures figures
        }

        // Bare labels at the ends head nothing of the table: they are the lines around it.
        var first = run.FindIndex(e => !e.Value.IsEmpty);
        var last = run.FindLastIndex(e => !e.Value.IsEmpty);
        if (first < 0)
        {
            return;
        }

        var body = run.Skip(first).Take(last - first + 1).ToList();
        // Label-space-figure lines alone are aligned rows (read with their header by the aligned reader); this layout
        // shows in a blank figure cell left as a bare label, or a figure glued to its label.
        if (body.Count(e => !e.Value.IsEmpty) < MinFigures || !body.Any(e => e.Odd || e.Value.IsEmpty))
        {
            return;
        }

        var rows = body.Select(e => System.Collections.Immutable.ImmutableArray.Create(e.Label, e.Value)).ToList();
        grids.Add(new TableGrid([.. rows], rows[0][0].Start, rows[^1][1].End, 0, 1, null, TableLayout.LabelValue, [.. rows.Select(_ => 2)]));
    }

    /// <summary>The line whose text (blanks around it left out) is <paramref name="line"/> as a label and its figure
    /// (empty when it holds none), or null when it is no such line.</summary>
    internal Entry? Parse(string text, (int Start, int End) line)
    {
        var length = line.End - line.Start;
        if (length is 0 or > MaxLine || CannotBeEntry(text.AsSpan(line.Start, length)))
        {
            return null;
        }

        return ParseMatched(text, line);
    }

    /// <summary>
    /// True for a line <see cref="ParseMatched"/> reads as no entry, told without the pattern (a page's metadata lines, 索引号:,
    /// 2022-01-10, 温建〔2022〕4号, are most lines it is asked about): every digit of an entry stands in its one figure
    /// (\d+, a point and \d+), since no other part of the pattern takes a digit, and at most three characters stand
    /// glued after it (its unit); and without brackets, where anything
    /// may stand, a mark no label takes is in the figure's unit, so a line with a mark that no unit holds is no entry.
    /// </summary>
    internal bool CannotBeEntry(ReadOnlySpan<char> line)
    {
        int first = -1, last = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is not (>= '\u4e00' and <= '\u9fff') && char.IsDigit(c))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        // After the figure only a unit of up to three characters may be glued to it (件, 万元) before a blank or a bracket:
        // four characters glued on (2021年度法治政府…, a title) are no unit.
        if (first >= 0 && line.Length - last > 4 && !IsBlankOrBracket(line[last + 1]) && !IsBlankOrBracket(line[last + 2])
            && !IsBlankOrBracket(line[last + 3]) && !IsBlankOrBracket(line[last + 4]))
        {
            return true;
        }

        var point = false;
        for (var i = first + 1; i < last; i++)
        {
            if (!char.IsDigit(line[i]))
            {
                if (line[i] != '.' || point)
                {
                    return true; // digits in two places: 2022-01-10, 温建〔2022〕4号
                }

                point = true;
            }
        }

        return line.IndexOfAny(Brackets) < 0 && line.IndexOfAny(_notInEntry) >= 0;
    }

    private const string Brackets = "()（）";

    /// <summary>What may end the pattern's unit after a figure: a blank (<c>\s</c>) or an opening bracket (closing ones
    /// are in no unit either).</summary>
    private static bool IsBlankOrBracket(char c) => char.IsWhiteSpace(c) || Brackets.Contains(c, StringComparison.Ordinal);

    /// <summary><see cref="Parse"/> by the pattern alone.</summary>
    internal Entry? ParseMatched(string text, (int Start, int End) line)
    {
        var length = line.End - line.Start;
        var match = LabelValue().Match(text, line.Start, length);
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups["label"];
        if (label.Length < 2 || label.Length > MaxLabel || _shapes.Of(label.Value) != CellShape.Text || label.Value.Contains("  ", StringComparison.Ordinal))
        {
            return null;
        }

        var bracket = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value;
        var labelCell = new GridCell(label.Value.TrimEnd() + bracket, label.Index, label.Index + label.Value.TrimEnd().Length);
        var number = match.Groups["number"];
        if (!number.Success)
        {
            // A label alone stands for a blank figure cell; a line with a bracket alone is a header, not a row.
            return bracket.Length == 0 ? new Entry(labelCell, new GridCell(string.Empty, match.Index + match.Length, match.Index + match.Length)) : null;
        }

        // After the figure only its unit (罚款 4件); a wide gap before it is an aligned column.
        var tail = match.Groups["tail"];
        var gap = label.Value.Length - label.Value.TrimEnd().Length + match.Groups["gap"].Length;
        if ((tail.Length > 0 && _units.Match(text, tail.Index, arabic: true)?.Surface.Length != tail.Length) || gap > 1)
        {
            return null;
        }

        var end = tail.Length > 0 ? tail.Index + tail.Length : number.Index + number.Length;
        var odd = gap == 0 || match.Groups["after"].Success;
        return new Entry(labelCell, new GridCell(text[number.Index..end], number.Index, end), odd);
    }

    [GeneratedRegex(@"\G(?<label>[^\d\s|()（）:：，,。；;][^\d|:：，,。；;]*?)(?<before>[(（][^()（）\d]{1,8}[)）])?(?<gap>\s*)(?:(?<number>\d+(?:\.\d+)?)(?<tail>[^\d\s()（）]{0,3})\s*(?<after>[(（][^()（）\d]{1,8}[)）])?)?$")]
    private static partial Regex LabelValue();
}
