using System.Globalization;
using System.Text;
using ReportExtract.Forms;

namespace ReportExtract.Tests.Forms;

/// <summary>The layouts real pages give a form's tables in.</summary>
public enum FormLayout
{
    /// <summary>An HTML page: tables with rowspan/colspan for group labels and stacked headers.</summary>
    Html,

    /// <summary>| a | b | c | rows, short rows padded with || runs as merged cells leave them.</summary>
    Pipe,

    /// <summary>a | b | c | rows without the opening bar.</summary>
    PipeOpen,

    /// <summary>Tab-separated rows.</summary>
    Tabs,

    /// <summary>Columns aligned by runs of spaces or full-width spaces.</summary>
    Aligned,

    /// <summary>PDF text: cells separated by one space, headers broken over lines.</summary>
    PdfSpaces,

    /// <summary>One cell per line, blank lines between cells.</summary>
    OnePerLine,

    /// <summary>One cell per line, each followed by a line holding a bar.</summary>
    OnePerLineBar,
}

/// <summary>
/// Writes a constructed 政府信息公开工作年度报告 whose tables hold given cells, in a given layout and script: the
/// fixtures of the golden and property tests are made here from the form catalog, never copied from a real page.
/// </summary>
public sealed class FormWriter(FormDefinition form, FormLayout layout, bool traditional = false)
{
    private static readonly Lazy<Dictionary<char, char>> Traditional = new(() => File.ReadAllLines(Path.Combine(Repository.Root, "src", "ReportExtract", "Resources", "OpenCC", "STCharacters.txt"))
        .Select(l => l.Split('\t')).Where(p => p.Length == 2 && p[0].Length == 1 && p[1].Length >= 1)
        .ToDictionary(p => p[0][0], p => p[1][0]));

    private readonly StringBuilder _out = new();

    /// <summary>How a blank cell is written: — by default (an empty cell at a row's end cannot be told from a merged one).</summary>
    public string BlankMark { get; init; } = "—";

    /// <summary>The whole report: title, prose, the tables that hold at least one of <paramref name="cells"/>, closing prose.</summary>
    public string Write(string organization, int year, IReadOnlyDictionary<string, double?> cells, string? opening = null)
    {
        Line($"{organization}{year}年政府信息公开工作年度报告");
        Line("一、总体情况");
        Line(opening ?? $"{year}年，{organization}认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请。");
        foreach (var table in form.Tables)
        {
            if (!cells.Keys.Any(k => k.StartsWith(table.Id + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            Line(table.Heading);
            foreach (var part in table.Parts)
            {
                WritePart(part, cells);
            }
        }

        Line("五、存在的主要问题及改进情况");
        Line($"{year}年，政府信息公开工作仍存在公开内容不够全面等问题，下一步将进一步规范公开流程。");
        var text = _out.ToString();
        if (layout == FormLayout.Html)
        {
            text = "<html><body>\n" + text + "</body></html>\n";
        }

        return traditional ? new string([.. text.Select(c => Traditional.Value.GetValueOrDefault(c, c))]) : text;
    }

    /// <summary>One written cell; spans as an HTML page gives them (text layouts flatten them as their pages do).</summary>
    private sealed record Written(string Text, int RowSpan = 1, int ColSpan = 1);

    private void WritePart(FormPart part, IReadOnlyDictionary<string, double?> cells)
    {
        var rows = part.Rows.Where(r => part.Columns.Any(c => cells.ContainsKey($"{part.Table}.{r.Key}.{c.Key}"))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var depth = part.Rows.Max(r => r.Label.Split(" / ").Length);
        var grid = new List<List<Written>>();
        if (part.Article is { } article)
        {
            grid.Add([new Written(article, ColSpan: part.Columns.Length + 1)]);
            grid.Add([new Written(LabelWord()), .. part.Columns.Select(c => new Written(c.Label))]);
        }
        else if (part.SingleRow)
        {
            grid.AddRange(StackedHeader(part));
        }
        else
        {
            var organizations = part.Columns.Length - 2;
            grid.Add([new Written("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, depth), new Written("申请人情况", ColSpan: part.Columns.Length)]);
            grid.Add([new Written(part.Columns[0].Label, RowSpan: 2), new Written("法人或其他组织", ColSpan: organizations), new Written(part.Columns[^1].Label, RowSpan: 2)]);
            grid.Add([.. part.Columns.Skip(1).Take(organizations).Select(c => new Written(c.Label))]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in part.SingleRow ? part.Rows.ToList() : rows)
        {
            var values = part.Columns.Select(c => new Written(cells.TryGetValue($"{part.Table}.{row.Key}.{c.Key}", out var v) ? Cell(v, part, c) : string.Empty)).ToList();
            if (part.SingleRow)
            {
                grid.Add(values);
                continue;
            }

            // A group label (三、本年度办理结果, （三）不予公开) stands once, spanning the rows of its group.
            var path = row.Label.Split(" / ");
            var labels = new List<Written>();
            for (var level = 0; level < path.Length; level++)
            {
                var prefix = string.Join(" / ", path[..(level + 1)]);
                if (!seen.Add(prefix))
                {
                    continue;
                }

                var span = level < path.Length - 1 ? rows.Count(r => r.Label.StartsWith(prefix + " / ", StringComparison.Ordinal)) : 1;
                labels.Add(new Written(path[level], span, level == path.Length - 1 ? depth - level : 1));
            }

            grid.Add([.. labels, .. values]);
        }

        WriteGrid(grid, part.SingleRow ? part.Columns.Length : part.Columns.Length + depth);
    }

    /// <summary>The header rows of a one-row table: each level of the column paths, a label spanning the columns under it.</summary>
    private static List<List<Written>> StackedHeader(FormPart part)
    {
        var paths = part.Columns.Select(c => c.Label.Split(" / ")).ToList();
        var depth = paths.Max(p => p.Length);
        var grid = new List<List<Written>>();
        for (var level = 0; level < depth; level++)
        {
            var row = new List<Written>();
            for (var k = 0; k < paths.Count; k++)
            {
                if (level >= paths[k].Length || (k > 0 && level < paths[k - 1].Length && paths[k - 1][level] == paths[k][level] && level < paths[k].Length - 1))
                {
                    continue;
                }

                var span = 1;
                while (level < paths[k].Length - 1 && k + span < paths.Count && level < paths[k + span].Length && paths[k + span][level] == paths[k][level])
                {
                    span++;
                }

                row.Add(new Written(paths[k][level], level == paths[k].Length - 1 ? depth - level : 1, span));
            }

            grid.Add(row);
        }

        return grid;
    }

    private static string LabelWord() => "信息内容";

    private string Cell(double? value, FormPart part, FormLabel column)
    {
        if (value is not { } v)
        {
            return BlankMark;
        }

        var unit = part.Units[part.Columns.IndexOf(column)];
        return unit == "万元" ? (v / 10000).ToString("0.####", CultureInfo.InvariantCulture)
            : unit == "元" && v >= 10000 && v % 100 == 0 ? (v / 10000).ToString("0.####", CultureInfo.InvariantCulture) + "万元"
            : v.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the rows in the layout: HTML keeps the spans, the text layouts flatten them as pages do.</summary>
    private void WriteGrid(List<List<Written>> grid, int width)
    {
        switch (layout)
        {
            case FormLayout.Html:
                Line("<table>");
                foreach (var row in grid)
                {
                    var b = new StringBuilder("<tr>");
                    foreach (var cell in row)
                    {
                        var html = System.Net.WebUtility.HtmlEncode(cell.Text).Replace(" ", "<br>", StringComparison.Ordinal);
                        b.Append("<td").Append(cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : string.Empty)
                            .Append(cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : string.Empty).Append('>').Append(html).Append("</td>");
                    }

                    Line(b.Append("</tr>").ToString());
                }

                Line("</table>");
                break;
            case FormLayout.Pipe:
            case FormLayout.PipeOpen:
                foreach (var row in grid)
                {
                    var open = layout == FormLayout.Pipe ? "| " : string.Empty;
                    Line(open + string.Join(" | ", row.Select(c => c.Text)) + " |" + new string('|', Math.Max(0, width - row.Sum(c => c.ColSpan))));
                }

                break;
            case FormLayout.Tabs:
                foreach (var row in grid)
                {
                    Line(string.Join('\t', row.Select(c => c.Text)));
                }

                break;
            case FormLayout.Aligned:
                foreach (var row in grid)
                {
                    Line(string.Join("  ", row.Select(c => c.Text.Length == 0 ? "　" : c.Text.PadRight(6, '\u3000'))).TrimEnd());
                }

                break;
            case FormLayout.PdfSpaces:
                foreach (var row in grid)
                {
                    Line(string.Join(' ', row.Where(c => c.Text.Length > 0).Select(c => c.Text)));
                }

                break;
            case FormLayout.OnePerLine:
            case FormLayout.OnePerLineBar:
                foreach (var cell in grid.SelectMany(r => r).Where(c => c.Text.Length > 0))
                {
                    Line(cell.Text);
                    Line(layout == FormLayout.OnePerLineBar ? "|" : string.Empty);
                }

                break;
        }
    }

    private void Line(string line)
    {
        if (layout == FormLayout.Html && !line.StartsWith('<'))
        {
            _out.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(line)).Append("</p>\n");
            return;
        }

        _out.Append(line).Append('\n');
    }
}
