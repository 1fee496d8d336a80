using System.Collections.Immutable;
using System.Net;
using System.Text;
using ReportExtract.Decoding;
using ReportExtract.Normalization;
using ReportExtract.Tables;

namespace ReportExtract.Tests.Tables;

/// <summary>
/// Seeded random tables written in every layout the readers know (bars with and without outer bars, tabs, aligned
/// spaces, one cell per line with and without blank lines, cells closed by bars, HTML) come back from the normalized
/// text as exactly the grid they were made from, every cell's span covering its text, and for HTML mapping back to the
/// cell's characters in the markup.
/// </summary>
public sealed class TableRoundTripTests
{
    private const string LabelChars = "规章行政许可处罚强制检查复议诉讼文件市区县局委办民生环境交通教育卫生财政";
    private static readonly TextNormalizer Normalizer = new();

    public static TheoryData<string> Layouts() => ["bars", "markdown", "tabs", "spaces", "lines", "blank-lines", "bar-lines", "html"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Random_tables_come_back_cell_for_cell(string layout)
    {
        var random = new Random(20240607 + layout.Length);
        for (var round = 0; round < 60; round++)
        {
            var table = Make(random);
            var written = Write(table, layout);
            var normalized = Normalizer.Normalize(new DecodedText(written, "utf-8", ImmutableArray<string>.Empty), layout == "html");
            var text = normalized.Text;
            var grids = TableLocator.Find(text);

            grids.Should().ContainSingle($"round {round} ({layout}):\n{written}");
            var grid = grids[0];
            var cells = grid.Rows.Select(r => r.Select(c => c.Text).ToArray()).ToArray();
            cells.Should().BeEquivalentTo(table, o => o.WithStrictOrdering(), $"round {round} ({layout}):\n{written}");
            grid.HeaderRows.Should().Be(1);
            foreach (var cell in grid.Rows.SelectMany(r => r))
            {
                text[cell.Start..cell.End].Should().Be(cell.Text);
                if (layout == "html")
                {
                    var (start, end) = normalized.Mapped.ToOriginal(cell.Start, cell.End);
                    WebUtility.HtmlDecode(written[start..end]).Should().Be(cell.Text, "a cell maps back to its characters in the markup");
                }
            }
        }
    }

    /// <summary>A header of distinct names over rows of a label and figures.</summary>
    private static string[][] Make(Random random)
    {
        var columns = random.Next(2, 7);
        var rows = random.Next(2, 7);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < columns + rows)
        {
            names.Add(Word(random));
        }

        var list = names.ToList();
        string[] header = ["项目", .. list.Take(columns - 1).Select(n => n + "件数")];
        var table = new List<string[]> { header };
        for (var r = 0; r < rows; r++)
        {
            table.Add([list[columns - 1 + r], .. Enumerable.Range(0, columns - 1).Select(_ => Figure(random))]);
        }

        return [.. table];
    }

    private static string Word(Random random)
    {
        var builder = new StringBuilder();
        for (var k = random.Next(2, 8); k > 0; k--)
        {
            builder.Append(LabelChars[random.Next(LabelChars.Length)]);
        }

        return builder.ToString();
    }

    private static string Figure(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => random.Next(10, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => (random.Next(1, 100000) / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => random.Next(1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "件",
    };

    private static string Write(string[][] table, string layout) => layout switch
    {
        "bars" => string.Concat(table.Select(r => string.Join('|', r) + "\n")),
        "markdown" => string.Concat(table.Take(1).Select(r => "| " + string.Join(" | ", r) + " |\n"))
            + "|" + string.Concat(table[0].Select(_ => "---|")) + "\n"
            + string.Concat(table.Skip(1).Select(r => "| " + string.Join(" | ", r) + " |\n")),
        "tabs" => string.Concat(table.Select(r => string.Join('\t', r) + "\n")),
        "spaces" => string.Concat(table.Select(r => string.Concat(r.Select(c => c.PadRight(12))).TrimEnd() + "\n")),
        "lines" => "说明如下。\n" + string.Concat(table.SelectMany(r => r).Select(c => c + "\n")),
        "blank-lines" => "说明如下。\n\n" + string.Concat(table.SelectMany(r => r).Select(c => c + "\n\n")),
        "bar-lines" => string.Concat(table.Select(r => string.Concat(r.Select(c => c + " |\n")) + "|\n")),
        _ => "<html><body><p>说明如下。</p><table>" + string.Concat(table.Select((r, i) => "<tr>" + string.Concat(r.Select(c => (i == 0 ? "<th>" : "<td>") + c + (i == 0 ? "</th>" : "</td>"))) + "</tr>")) + "</table></body></html>",
    };
}
