using ReportExtract.Tables;

namespace ReportExtract.Tests.Tables;

/// <summary>The layout readers: each layout gives the same grid, cells with true spans into the text.</summary>
public sealed class TableLocatorTests
{
    private static string[][] Texts(TableGrid grid) => [.. grid.Rows.Select(r => r.Select(c => c.Text).ToArray())];

    private static void SpansAreTrue(string text, TableGrid grid)
    {
        foreach (var cell in grid.Rows.SelectMany(r => r).Where(c => !c.IsEmpty))
        {
            text[cell.Start..cell.End].Should().Be(cell.Text);
        }
    }

    [Theory]
    [InlineData("信息内容|本年制发件数|本年废止件数\n行政规范性文件|12|3\n")]
    [InlineData("| 信息内容 | 本年制发件数 | 本年废止件数 |\n|---|---|---|\n| 行政规范性文件 | 12 | 3 |\n")]
    [InlineData("信息内容\t本年制发件数\t本年废止件数\n行政规范性文件\t12\t3\n")]
    [InlineData("信息内容    本年制发件数    本年废止件数\n行政规范性文件    12    3\n")]
    [InlineData("信息内容\u3000本年制发件数\u3000本年废止件数\n行政规范性文件\u300012\u30003\n")]
    [InlineData("信息内容\n\n本年制发件数\n\n本年废止件数\n\n行政规范性文件\n\n12\n\n3\n\n规章\n\n0\n\n1\n")]
    public void Every_layout_gives_the_same_grid(string text)
    {
        var grids = TableLocator.Find(text);
        grids.Should().ContainSingle();
        var grid = grids[0];
        Texts(grid)[0].Should().Equal("信息内容", "本年制发件数", "本年废止件数");
        Texts(grid)[1].Should().Equal("行政规范性文件", "12", "3");
        grid.HeaderRows.Should().Be(1);
        grid.LabelColumns.Should().Be(1);
        SpansAreTrue(text, grid);
    }

    [Fact]
    public void Merged_header_cells_written_as_bar_runs_are_copies()
    {
        var text = "项目|行政复议||行政诉讼|\n|结果维持|结果纠正|结果维持|结果纠正\n合计|3|1|2|0\n";
        var grid = TableLocator.Find(text).Single();
        grid.HeaderRows.Should().Be(2);
        grid[0, 2].Should().Match<GridCell>(c => c.Text == "行政复议" && c.Copy);
        grid[0, 4].Should().Match<GridCell>(c => c.Text == "行政诉讼" && c.Copy);
        grid[1, 0].IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void A_table_broken_by_a_page_number_and_a_repeated_header_is_one_table()
    {
        var text = "项目|数量(件)\n行政许可|12\n行政处罚|3\n- 2 -\n项目|数量(件)\n行政强制|1\n";
        var grid = TableLocator.Find(text).Single();
        Texts(grid).Select(r => r[0]).Should().Equal("项目", "行政许可", "行政处罚", "行政强制");
    }

    [Fact]
    public void A_unit_line_above_the_table_is_its_caption()
    {
        var text = "单位：万元\n项目|2022年\n罚没金额|12.5\n";
        TableLocator.Find(text).Single().Caption!.Value.Text.Should().Be("万元");
    }

    [Fact]
    public void A_single_row_under_known_header_words_one_cell_per_line_is_a_table()
    {
        var text = "说明如下\n\n行政许可实施数量(件)\n\n申请数量\n\n受理数量\n\n许可数量\n\n35\n\n34\n\n30\n\n附注\n";
        var grid = TableLocator.Find(text).Single();
        grid.HeaderRows.Should().Be(2);
        Texts(grid)[1].Should().Equal("申请数量", "受理数量", "许可数量");
        Texts(grid)[2].Should().Equal("35", "34", "30");
        grid[0, 1].Copy.Should().BeTrue();
    }

    [Fact]
    public void Prose_and_a_heading_over_a_page_number_are_no_table()
    {
        TableLocator.Find("全年共办理行政复议案件12件，同比增长3%。\n\n第一章\n\n3\n").Should().BeEmpty();
    }
}

/// <summary>Table rows are no headings, though their first label opens with an outline number.</summary>
public sealed class TableRowHeadingTests
{
    [Fact]
    public void A_row_whose_label_opens_with_an_ordinal_is_no_section()
    {
        var text = "三、收到和处理政府信息公开申请情况\n项目|自然人|总计\n一、本年新收政府信息公开申请数量|29|31\n三、本年度办理结果|9|10\n四、政府信息公开行政复议、行政诉讼情况\n";
        var sections = new ReportExtract.Sections.SectionSplitter().Split(text);
        sections.Select(s => s.Title).Should().Equal("收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况");
    }
}
