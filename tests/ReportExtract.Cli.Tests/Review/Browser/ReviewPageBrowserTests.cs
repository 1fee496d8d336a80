using System.Text;
using Xunit.Abstractions;
using System.Text.Json.Nodes;
using ReportExtract.Cli.Emitters;
using ReportExtract.Model;

namespace ReportExtract.Cli.Tests.Review.Browser;

/// <summary>
/// The review page in a real browser: a click on a highlighted figure shows its fields, the table filters and sorts,
/// and the page makes no request. Also takes the screenshot the documentation shows (docs/review-page.png when
/// REVIEW_SCREENSHOT names that path; see tools/review/screenshot.sh).
/// </summary>
public sealed class ReviewPageBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Clicking_a_highlighted_figure_shows_its_fields_and_the_table_filters_and_sorts()
    {
        var directory = ReviewPaths.NewTempDirectory();
        try
        {
            var page = Path.Combine(directory, "review.html");
            var (html, records) = PageWithSamples();
            await File.WriteAllTextAsync(page, html, new UTF8Encoding(false));
            await using var browser = await HeadlessChromium.StartAsync(1280, 900);
            await browser.SendAsync("Network.enable");
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(page).AbsoluteUri });
            await browser.WaitForAsync("location.protocol === 'file:' && document.documentElement?.dataset.ready === 'true'", TimeSpan.FromSeconds(20));

            // A real click at the figure's place on screen: 12.5万元 stands right after the non-BMP character's sentence start.
            var box = (await browser.EvaluateAsync("""
                (() => { const m = document.querySelector('article#r1 mark.m[data-value="125000"]');
                  m.scrollIntoView({ block: 'center' });
                  const r = m.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: m.textContent }; })()
                """))!.AsObject();
            ((string?)box["text"]).Should().Be("12.5万元");
            await browser.ClickAsync((double)box["x"]!, (double)box["y"]!);

            var detail = (await browser.EvaluateAsync("""
                (() => { const d = document.getElementById('detail'); const f = {};
                  d.querySelectorAll('dd[data-field]').forEach(dd => f[dd.dataset.field] = dd.textContent);
                  return { hidden: d.hidden, title: document.getElementById('detail-title').textContent, fields: f,
                           active: document.querySelector('mark.m.active')?.dataset.i }; })()
                """))!.AsObject();
            ((bool)detail["hidden"]!).Should().BeFalse("a click opens the detail panel");
            ((string?)detail["title"]).Should().Be("125000 元");
            var fields = detail["fields"]!.AsObject();
            ((string?)fields["value"]).Should().Be("125000");
            ((string?)fields["unit"]).Should().Be("元");
            ((string?)fields["kind"]).Should().Be("amount");
            ((string?)fields["subject"]).Should().Be("罚没款");
            ((string?)fields["indicator"]).Should().Be("penalty_amount");
            ((string?)fields["text"]).Should().Be("12.5万元");
            ((string?)fields["report"]).Should().Be(ReviewFixtures.Record().Title);
            ((string?)detail["active"]).Should().Be("1");

            // The hostile subject is shown as text: the page's title is untouched and no image exists.
            ((string?)await browser.EvaluateAsync("document.title")).Should().Be("reportx review");
            ((double)(await browser.EvaluateAsync("document.images.length"))!).Should().Be(0);

            // Filter by kind, then sort by value: the table shows the matching metrics, largest first.
            var table = (await browser.EvaluateAsync("""
                (() => { const k = document.getElementById('filter-kind'); k.value = 'rate'; k.dispatchEvent(new Event('change'));
                  const s = document.getElementById('sort-value'); s.click(); s.click();
                  return { count: document.getElementById('metric-count').textContent,
                           values: Array.from(document.querySelectorAll('#metric-table tbody td.value')).map(td => td.textContent) }; })()
                """))!.AsObject();
            var all = records.SelectMany(r => r.Metrics).ToList();
            var rates = all.Where(m => m.Kind == MetricKind.Rate).Select(m => m.Value).OrderDescending().Select(CsvCells.Number).ToList();
            ((string?)table["count"]).Should().Be($"{rates.Count} of {all.Count} metrics");
            table["values"]!.AsArray().Select(v => (string?)v).Should().Equal(rates.Take(200), "the first page of the table, largest first");

            // A table row leads back to its figure in the text.
            var fromRow = await browser.EvaluateAsync("""
                (() => { document.querySelector('#metric-table tbody tr').click(); return document.querySelector('mark.m.active').dataset.value; })()
                """);
            ((string?)fromRow).Should().Be(rates[0]);

            var requests = browser.Events.Where(e => (string?)e["method"] == "Network.requestWillBeSent").Select(e => (string?)e["params"]!["request"]!["url"]).ToList();
            requests.Should().OnlyContain(url => url!.StartsWith("file://", StringComparison.Ordinal), "the page loads nothing from the network");
            requests.Should().ContainSingle("the page is one file: no stylesheet, script or image is fetched");
            browser.Events.Where(e => (string?)e["method"] == "Runtime.exceptionThrown").Should().BeEmpty("the page's script runs without errors");

            var screenshot = await ScreenshotAsync(browser, directory);
            screenshot.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            if (Environment.GetEnvironmentVariable("REVIEW_SCREENSHOT") is { Length: > 0 } target)
            {
                await File.WriteAllBytesAsync(target, screenshot);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [ChromiumFact]
    public async Task A_page_of_thousands_of_metrics_is_ready_quickly_and_shows_them_a_page_at_a_time()
    {
        const int reports = 1500;
        var directory = ReviewPaths.NewTempDirectory();
        try
        {
            var page = Path.Combine(directory, "large.html");
            var batch = Enumerable.Range(1, reports).Select(i => (ReviewFixtures.Record($"r{i}.txt"), (string?)ReviewFixtures.Text)).ToArray();
            await File.WriteAllTextAsync(page, HtmlReviewPageTests.Emit(batch), new UTF8Encoding(false));
            var metrics = reports * ReviewFixtures.Record().Metrics.Length;

            await using var browser = await HeadlessChromium.StartAsync(1280, 900);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(page).AbsoluteUri });
            // The limit only catches a page that never gets ready; how long it took is reported, not asserted
            // (a loaded machine is slow, and a slow page shows in the log and in the table assertions below).
            await browser.WaitForAsync("location.protocol === 'file:' && document.documentElement?.dataset.ready === 'true'", TimeSpan.FromMinutes(3));
            output.WriteLine($"{reports} reports, {metrics} metrics, {new FileInfo(page).Length / 1024} KiB: ready in {clock.ElapsedMilliseconds} ms");

            var state = (await browser.EvaluateAsync("""
                (() => { const i = document.getElementById('filter-indicator'); i.value = 'penalty_cases'; i.dispatchEvent(new Event('change'));
                  return { count: document.getElementById('metric-count').textContent, rows: document.querySelectorAll('#metric-table tbody tr').length,
                           marks: document.querySelectorAll('mark.m').length }; })()
                """))!.AsObject();
            ((double)state["marks"]!).Should().Be(metrics);
            ((string?)state["count"]).Should().Be($"{reports} of {metrics} metrics");
            ((double)state["rows"]!).Should().Be(200, "the table renders one page of rows, not thousands");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The page with the hand-made report first, then the samples as the command line reads them.</summary>
    private static (string Html, List<ReportRecord> Records) PageWithSamples(bool withHandMadeReport = true)
    {
        var pipeline = ReportPipeline.Create();
        var reports = new List<(ReportRecord, string?)>();
        if (withHandMadeReport)
        {
            reports.Add((ReviewFixtures.Record(), ReviewFixtures.Text));
        }

        foreach (var sample in ReviewPaths.Samples)
        {
            var result = pipeline.Extract("samples/" + Path.GetFileName(sample), File.ReadAllBytes(sample));
            reports.Add((result.Record!, result.OriginalText));
        }

        return (HtmlReviewPageTests.Emit([.. reports]), [.. reports.Select(r => r.Item1)]);
    }

    /// <summary>
    /// The first report's text around a figure whose details are open, as the documentation shows it: the samples
    /// alone once the pipeline finds metrics in them, else the page with the hand-made report.
    /// </summary>
    private static async Task<byte[]> ScreenshotAsync(HeadlessChromium browser, string directory)
    {
        var (samplesOnly, _) = PageWithSamples(withHandMadeReport: false);
        if (samplesOnly.Contains("<mark class=\"m ", StringComparison.Ordinal))
        {
            var page = Path.Combine(directory, "samples.html");
            await File.WriteAllTextAsync(page, samplesOnly, new UTF8Encoding(false));
            await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(page).AbsoluteUri });
            await browser.WaitForAsync("location.pathname.endsWith('/samples.html') && document.documentElement?.dataset.ready === 'true'", TimeSpan.FromSeconds(20));
        }

        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = 1100, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        await browser.EvaluateAsync("""
            (() => { const m = document.querySelector('article#r1 mark.m[data-kind="amount"]') || document.querySelector('article#r1 mark.m');
              if (m) { m.click(); m.scrollIntoView({ block: 'center' }); } else { window.scrollTo(0, 0); } })()
            """);
        return await browser.ScreenshotAsync();
    }
}
