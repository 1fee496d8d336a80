using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportExtract.Cli.Emitters;
using ReportExtract.Model;

namespace ReportExtract.Cli.Tests.Review;

/// <summary>The review page's structure, parsed back with AngleSharp (an HTML5 parser, as a browser parses it).</summary>
public sealed class HtmlReviewPageTests
{
    [Fact]
    public void Every_metric_has_a_highlight_with_its_fields_over_exactly_its_text()
    {
        var record = ReviewFixtures.Record();
        var page = Parse(Emit((record, ReviewFixtures.Text)));

        var marks = page.QuerySelectorAll("article#r1 mark.m");
        marks.Should().HaveCount(record.Metrics.Length);
        foreach (var metric in record.Metrics)
        {
            var mark = marks.Single(m => m.GetAttribute("data-span") == $"{metric.Span.Start},{metric.Span.End}");
            mark.GetAttribute("data-kind").Should().Be(CsvCells.Enum<MetricKind>(metric.Kind));
            mark.GetAttribute("data-value").Should().Be(CsvCells.Number(metric.Value));
            mark.GetAttribute("data-unit").Should().Be(metric.Unit);
            mark.GetAttribute("data-subject").Should().Be(metric.Subject);
            mark.GetAttribute("data-indicator").Should().Be(metric.Indicator);
            mark.GetAttribute("data-year").Should().Be(metric.Year?.ToString(CultureInfo.InvariantCulture));
            mark.GetAttribute("data-section").Should().Be(metric.Section);
            mark.GetAttribute("data-sentence").Should().Be(metric.Sentence);
            mark.ClassList.Should().Contain("k-" + CsvCells.Enum<MetricKind>(metric.Kind));
            mark.TextContent.Should().Be(metric.Text, "the highlight covers the metric's span and nothing else");
        }

        marks.Select(m => int.Parse(m.GetAttribute("data-i")!, CultureInfo.InvariantCulture)).Should().BeEquivalentTo(Enumerable.Range(0, record.Metrics.Length));
    }

    [Fact]
    public void Code_point_spans_land_on_the_right_UTF16_characters_after_a_character_outside_the_BMP()
    {
        var text = ReviewFixtures.Text;
        var first = ReviewFixtures.Record().Metrics[0];
        var utf16 = text.IndexOf("32件", StringComparison.Ordinal);
        first.Span.Start.Should().Be(utf16 - 1, "the Extension B character before it is one code point but two UTF-16 units");

        var mark = Parse(Emit((ReviewFixtures.Record(), text))).QuerySelector("mark.m[data-span^='" + first.Span.Start + ",']")!;
        mark.TextContent.Should().Be("32件");
        mark.PreviousSibling!.TextContent.Should().EndWith(ReviewFixtures.ExtensionB + "全年办理行政处罚案件");
    }

    [Fact]
    public void The_text_of_the_page_is_the_original_text_exactly()
    {
        var page = Parse(Emit((ReviewFixtures.Record(), ReviewFixtures.Text)));
        page.QuerySelector("article#r1 .text")!.TextContent.Should().Be(ReviewFixtures.Text);
    }

    [Fact]
    public void Windows_line_ends_survive_the_HTML_parser()
    {
        var text = ReviewFixtures.Text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var record = ReviewFixtures.Record() with { Sections = [], Metrics = [] };

        Parse(Emit((record, text))).QuerySelector("article#r1 .text")!.TextContent.Should().Be(text);
    }

    [Fact]
    public void Hostile_report_text_stays_text()
    {
        var record = ReviewFixtures.Record() with { Title = ReviewFixtures.Hostile, Organization = "\"><script>document.title='x'</script>" };
        var html = Emit((record, ReviewFixtures.Text));
        var page = Parse(html);

        page.QuerySelectorAll("script").Should().ContainSingle("only the page's own script; report text never opens one");
        page.QuerySelectorAll("img").Should().BeEmpty();
        page.QuerySelectorAll("b").Should().BeEmpty();
        page.QuerySelector("article#r1 .text")!.TextContent.Should().Contain(ReviewFixtures.Hostile);
        page.QuerySelector("article#r1 h2")!.TextContent.Should().EndWith(ReviewFixtures.Hostile);
        page.QuerySelector("mark.m[data-value='98.5']")!.GetAttribute("data-subject").Should().Be(ReviewFixtures.Hostile);
        page.QuerySelectorAll("#report-list tbody td").Select(td => td.TextContent).Should().Contain("\"><script>document.title='x'</script>");
        page.Title.Should().Be("reportx review");
    }

    [Fact]
    public void The_page_needs_nothing_from_outside()
    {
        var page = Parse(Emit((ReviewFixtures.Record(), ReviewFixtures.Text)));

        page.QuerySelectorAll("link, iframe, object, embed, img, video, audio, source").Should().BeEmpty();
        page.QuerySelectorAll("[src]").Should().BeEmpty();
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).Should().OnlyContain(href => href!.StartsWith('#'));
        page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content").Should().StartWith("default-src 'none'");
        page.QuerySelector("style")!.TextContent.Should().Contain("mark.m");
        page.QuerySelector("script")!.TextContent.Should().Contain("querySelectorAll");
    }

    [Fact]
    public void The_outline_links_to_an_anchor_where_each_section_starts()
    {
        var page = Parse(Emit((ReviewFixtures.Record(), ReviewFixtures.Text)));

        var links = page.QuerySelectorAll("article#r1 nav.outline a");
        links.Select(a => a.TextContent).Should().Equal("一、 主要举措和成效", "（一） 严格规范执法", "（二） 深化普法宣传", "二、 存在的不足和原因");
        foreach (var link in links)
        {
            var anchor = page.GetElementById(link.GetAttribute("href")![1..]);
            anchor.Should().NotBeNull();
            anchor!.ClassList.Should().Contain("sec");
            var heading = link.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
            TextAfter(anchor).Should().StartWith(heading);
        }

        page.QuerySelectorAll("article#r1 nav.outline .kind").Select(k => k.TextContent).Should().Equal("achievements", "achievements", "achievements", "shortcomings");
    }

    [Fact]
    public void Overlapping_and_out_of_range_spans_still_get_a_highlight_and_the_text_survives()
    {
        var text = "甲乙丙丁戊己庚辛";
        Metric At(int start, int end) => new(MetricKind.Count, start, "个", null, null, null, null, null, null, text[Math.Min(start, text.Length)..Math.Min(end, text.Length)], new TextSpan(start, end), text);
        var record = ReviewFixtures.Record() with { Sections = [], Metrics = [At(1, 4), At(3, 6), At(2, 3), At(6, 6), At(7, 99)] };

        var page = Parse(Emit((record, text)));

        page.QuerySelectorAll("mark.m").Should().HaveCount(5);
        page.QuerySelector(".text")!.TextContent.Should().Be(text);
        page.QuerySelector("mark.m[data-span='2,3']")!.ParentElement!.GetAttribute("data-span").Should().Be("1,4", "a metric inside another nests");
        page.QuerySelector("mark.m[data-span='3,6']")!.TextContent.Should().Be("丁", "an overlapping metric is cut where the open highlight ends");
        page.QuerySelector("mark.m[data-span='7,99']")!.TextContent.Should().Be("辛", "a span past the end is clamped to the text");
    }

    [Fact]
    public void A_batch_lists_every_report_and_streams_them_in_order()
    {
        var records = Enumerable.Range(1, 3).Select(i => (ReviewFixtures.Record($"r{i}.txt") with { Title = $"报告{i}" }, (string?)ReviewFixtures.Text)).ToArray();
        var page = Parse(Emit(records));

        page.QuerySelectorAll("article.report").Select(a => a.Id).Should().Equal("r1", "r2", "r3");
        page.QuerySelectorAll("#report-list tbody tr").Select(tr => tr.Children[1].TextContent).Should().Equal("报告1", "报告2", "报告3");
        page.QuerySelector("#overview .count")!.TextContent.Should().Be("3 reports, 21 metrics");
        page.QuerySelectorAll("mark.m").Select(m => int.Parse(m.GetAttribute("data-i")!, CultureInfo.InvariantCulture)).Order().Should().Equal(Enumerable.Range(0, 21), "metric numbers run across the whole page");
    }

    [Fact]
    public void Each_report_reaches_the_stream_when_it_is_written_not_at_the_end()
    {
        using var stream = new MemoryStream();
        var emitter = new HtmlReportEmitter(stream);
        emitter.Begin();
        for (var i = 1; i <= 3; i++)
        {
            ((IReportEmitter)emitter).Write(ReviewFixtures.Record(), ReviewFixtures.Text);
            emitter.Flush();
            var page = Encoding.UTF8.GetString(stream.ToArray());
            page.Should().Contain($"<article class=\"report\" id=\"r{i}\"").And.EndWith("</article>\n", "report {0} is on its way out once written", i);
        }

        emitter.End();
        Encoding.UTF8.GetString(stream.ToArray()).Should().EndWith("</html>\n");
    }

    [Fact]
    public void Without_the_original_text_the_metrics_are_still_highlighted()
    {
        var record = ReviewFixtures.Record();
        var page = Parse(Emit((record, null)));

        page.QuerySelector(".missing").Should().NotBeNull();
        page.QuerySelectorAll("mark.m").Select(m => m.TextContent).Should().Equal(record.Metrics.Select(m => m.Text));
    }

    [Fact]
    public void The_command_line_writes_a_page_for_the_samples_with_each_original_text()
    {
        var directory = ReviewPaths.NewTempDirectory();
        try
        {
            var output = Path.Combine(directory, "review.htm");
            var run = ReviewRun.Of("extract", "samples/", "--out", output, "--quiet");
            run.ExitCode.Should().Be(0, run.Stderr);

            var page = Parse(File.ReadAllText(output, Encoding.UTF8));
            var records = ReviewRun.Of("extract", "samples/", "--quiet").Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
            var articles = page.QuerySelectorAll("article.report");
            articles.Should().HaveCount(ReviewPaths.Samples.Count);
            for (var i = 0; i < articles.Length; i++)
            {
                var original = File.ReadAllText(ReviewPaths.Samples[i], Encoding.UTF8).TrimStart('\uFEFF');
                articles[i].QuerySelector(".text")!.TextContent.Should().Be(original);
                var metrics = records[i].GetProperty("metrics").EnumerateArray().ToList();
                articles[i].QuerySelectorAll("mark.m").Should().HaveCount(metrics.Count);
                var expected = metrics.OrderBy(m => m.GetProperty("span")[0].GetInt32()).ThenByDescending(m => m.GetProperty("span")[1].GetInt32())
                    .Select(m => m.GetProperty("text").GetString()!).ToList();
                var shown = articles[i].QuerySelectorAll("mark.m").Select(m => m.TextContent).ToList();
                for (var j = 0; j < shown.Count; j++)
                {
                    // A highlight shows the metric's surface, cut short only where it overlaps the end of another.
                    expected[j].Should().StartWith(shown[j]);
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Html_goes_to_standard_output_when_there_is_no_out_file()
    {
        var run = ReviewRun.Of("extract", "samples/wenling-housing-bureau-2021.txt", "--format", "html", "--quiet");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Text.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
        Parse(run.Text).QuerySelectorAll("article.report").Should().ContainSingle();
    }

    /// <summary>The page the emitter writes for <paramref name="reports"/>.</summary>
    internal static string Emit(params (ReportRecord Record, string? Text)[] reports)
    {
        using var stream = new MemoryStream();
        var emitter = new HtmlReportEmitter(stream);
        emitter.Begin();
        foreach (var (record, text) in reports)
        {
            ((IReportEmitter)emitter).Write(record, text);
            emitter.Flush();
        }

        emitter.End();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The text that follows <paramref name="node"/> in document order, up to 40 characters.</summary>
    private static string TextAfter(INode node)
    {
        var text = new StringBuilder();
        for (var current = NextInOrder(node); current is not null && text.Length < 40; current = NextInOrder(current))
        {
            if (current is IText t)
            {
                text.Append(t.Data);
            }
        }

        return text.ToString();
    }

    private static INode? NextInOrder(INode node)
    {
        if (node.FirstChild is { } child)
        {
            return child;
        }

        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }
}
