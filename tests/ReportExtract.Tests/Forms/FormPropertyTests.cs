using System.Text;

namespace ReportExtract.Tests.Forms;

/// <summary>
/// Seeded random forms written in every layout (and in traditional script) give back exactly the cells they were made
/// from: no cell lost, none invented, blanks null, every cell a metric with its cell id, every rule of a consistent
/// form holding.
/// </summary>
public sealed class FormPropertyTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_form_in_any_layout_reads_back_exactly(int seed)
    {
        var random = new Random(seed);
        foreach (var layout in Enum.GetValues<FormLayout>())
        {
            var form = BuiltIn.Forms.Forms[random.Next(BuiltIn.Forms.Forms.Length)];
            var cells = FormValuesMaker.Consistent(form, random, blankEvery: 6);

            // Some reports give only some tables (an excerpt, a page of a flipbook): drop whole tables now and then.
            var tables = form.Tables.Select(t => t.Id).Where(_ => random.Next(5) != 0).ToList();
            if (tables.Count == 0)
            {
                tables.Add("requests");
            }

            cells = cells.Where(c => tables.Any(t => c.Key.StartsWith(t + ".", StringComparison.Ordinal))).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            var traditional = random.Next(3) == 0;
            var text = new FormWriter(form, layout, traditional).Write("随机县自然资源局", form.FirstYear ?? 2022, cells);
            var record = Pipeline.Extract(layout == FormLayout.Html ? "report.html" : "report.txt", Encoding.UTF8.GetBytes(text)).Record!;

            var because = $"read {string.Join(", ", record.Forms.SelectMany(f => f.Cells.Select(c => $"{f.Form}:{c.Key}={c.Value}")))}\n{string.Join("\n", record.Warnings)}\nseed {seed}, {layout}, {form.Id}, traditional {traditional}:\n{text}";
            record.Forms.Select(f => f.Form).Should().Equal([form.Id], because);
            var read = record.Forms[0].Cells;
            read.Select(c => c.Key).Should().Equal(form.Cells.Select(c => c.Id).Where(cells.ContainsKey), because);
            // Plain comparisons: a FluentAssertions predicate per cell compiles an expression tree each time.
            var wrong = read.Where(c => c.Value != cells[c.Key]).Select(c => $"{c.Key}={c.Value} (made {cells[c.Key]})").ToList();
            wrong.Should().BeEmpty(because);
            var metrics = record.Metrics.Where(m => m.Cell is not null).GroupBy(m => m.Cell!).ToDictionary(g => g.Key, g => g.Select(m => m.Value).ToList(), StringComparer.Ordinal);
            var unmatched = read.Where(c => c.Value is { } v && !(metrics.TryGetValue(form.Id + ":" + c.Key, out var values) && values.Count == 1 && values[0] == v)).Select(c => c.Key).ToList();
            unmatched.Should().BeEmpty("every read cell is exactly one metric with its value; " + because);

            record.Checks.Should().NotContain(c => !c.Holds, because);
            if (tables.Contains("requests") || tables.Contains("appeals"))
            {
                record.Checks.Should().NotBeEmpty(because);
            }
        }
    }

    /// <summary>
    /// Inputs that put a form's headings and labels everywhere: every occurrence of a label is tried, each try must
    /// cost a bounded amount (a quadratic reader would not finish these), and nothing is read that is not a row.
    /// </summary>
    [Fact]
    public void Labels_repeated_without_end_read_no_cells_and_finish()
    {
        var runOn = "三、收到和处理政府信息公开申请情况\n" + string.Concat(Enumerable.Repeat("本机关不掌握相关政府信息其他处理予以公开", 20_000));
        var spaced = "二、主动公开政府信息情况\n第二十条第（一）项\n" + string.Concat(Enumerable.Repeat("规章 规范性文件 行政许可 ", 30_000));
        var bars = "三、收到和处理政府信息公开申请情况\n" + string.Concat(Enumerable.Repeat("予以公开|", 50_000));

        foreach (var text in new[] { runOn, spaced, bars })
        {
            var record = Pipeline.Extract("long.txt", Encoding.UTF8.GetBytes(text)).Record!;
            record.Forms.Should().BeEmpty();
            record.Checks.Should().BeEmpty();
        }
    }
}
