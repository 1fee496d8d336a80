using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ReportExtract.Cli.Review;
using ReportExtract.Forms;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// One self-contained review page for a batch: each report's metadata, section outline and original text with
/// every metric highlighted (its fields in data attributes, shown on click), then a list of the reports and a
/// filterable, sortable table of all metrics built by the page's own script from the highlights.
/// </summary>
/// <remarks>
/// Streamed: a report's part of the page is written as soon as the report comes, and only a one-line summary of
/// it is kept for the list at the end. The page loads nothing: CSS and script are inline and a content security
/// policy forbids every request. All report text is escaped; spans (code points) are turned into UTF-16 positions
/// here, so the script never does offset arithmetic.
/// </remarks>
internal sealed class HtmlReportEmitter : IReportEmitter
{
    private readonly StreamWriter _writer;
    private readonly List<ReportSummary> _summaries = [];
    private readonly FormCatalog _forms;
    private readonly ReviewAssets _assets = ReviewAssets.LoadEmbedded();
    private int _metricCount;

    /// <param name="forms">The catalog whose labels the form grids show (the built-in one by default).</param>
    public HtmlReportEmitter(Stream output, FormCatalog? forms = null)
    {
        _forms = forms ?? FormCatalog.LoadBuiltIn();
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\n",
        };
    }

    public void Begin()
    {
        var w = _writer;
        w.Write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta name=\"generator\" content=\"reportx\">\n<title>reportx review</title>\n<style>\n");
        w.Write(_assets.Style);
        w.Write("</style>\n</head>\n<body>\n<div id=\"app\">\n");
        w.Write("<header id=\"top\"><h1>reportx review</h1><p class=\"legend\">");
        foreach (var kind in Enum.GetValues<MetricKind>())
        {
            var name = CsvCells.Enum<MetricKind>(kind);
            w.Write($"<span class=\"m k-{name}\">{name}</span> ");
        }

        w.Write("<span class=\"hint\">click a highlighted figure for its fields</span></p></header>\n<main id=\"reports\">\n");
    }

    public void Write(ReportRecord record) => Write(record, null);

    public void Write(ReportRecord record, string? originalText)
    {
        var index = _summaries.Count + 1;
        var id = "r" + index.ToString(CultureInfo.InvariantCulture);
        var w = _writer;
        w.Write($"<article class=\"report\" id=\"{id}\"");
        HtmlText.Attribute(w, "data-title", record.Title ?? record.Source.Path);
        w.Write(">\n<header class=\"report-head\"><h2><span class=\"num\">");
        w.Write(index.ToString(CultureInfo.InvariantCulture));
        w.Write("</span> ");
        HtmlText.Write(w, record.Title ?? record.Source.Path);
        w.Write("</h2>\n");
        WriteMetadata(record);
        w.Write("</header>\n");
        WriteOutline(id, record.Sections);
        HtmlFormGrid.Write(w, record, _forms, _metricCount);
        if (originalText is not null)
        {
            w.Write("<div class=\"text\" lang=\"zh\">");
            new HtmlHighlightWriter(w, originalText, id, _metricCount).Write(record.Metrics, record.Sections);
            w.Write("</div>\n");
        }
        else
        {
            // Without the text the figures still get their highlights, listed on their own.
            w.Write("<p class=\"missing\">The original text is not available; the figures are listed alone.</p><div class=\"text\">");
            for (var i = 0; i < record.Metrics.Length; i++)
            {
                HtmlHighlightWriter.OpenMark(w, record.Metrics[i], _metricCount + i);
                HtmlText.Write(w, record.Metrics[i].Text);
                w.Write("</mark>\n");
            }

            w.Write("</div>\n");
        }

        w.Write("</article>\n");
        _metricCount += record.Metrics.Length;
        _summaries.Add(new ReportSummary(
            id, record.Source.Path, record.Title, record.Organization, record.ReportYear, record.DocumentDate, record.DocumentNumber,
            RegionText(record.Region), ReportTable.CountSections(record.Sections), record.Metrics.Length, record.Warnings.Length));
    }

    public void Flush() => _writer.Flush();

    public void End()
    {
        var w = _writer;
        w.Write("</main>\n<section id=\"overview\">\n<h2>Reports</h2>\n<p class=\"count\">");
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{_summaries.Count} reports, {_metricCount} metrics"));
        w.Write("</p>\n<div class=\"scroll\"><table id=\"report-list\"><thead><tr><th>#</th><th>title</th><th>organization</th><th>year</th><th>date</th><th>document number</th><th>region</th><th>sections</th><th>metrics</th><th>warnings</th><th>source</th></tr></thead>\n<tbody>\n");
        foreach (var s in _summaries)
        {
            w.Write("<tr><td><a href=\"#");
            w.Write(s.Id);
            w.Write("\">");
            w.Write(s.Id[1..]);
            w.Write("</a></td>");
            HtmlText.Element(w, "td", s.Title);
            HtmlText.Element(w, "td", s.Organization);
            HtmlText.Element(w, "td", CsvCells.Integer(s.Year));
            HtmlText.Element(w, "td", CsvCells.Date(s.Date));
            HtmlText.Element(w, "td", s.DocumentNumber);
            HtmlText.Element(w, "td", s.Region);
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{s.Sections}</td><td class=\"n\">{s.Metrics}</td><td class=\"n\">{s.Warnings}</td>"));
            HtmlText.Element(w, "td", s.Path);
            w.Write("</tr>\n");
        }

        w.Write("</tbody></table></div>\n");
        w.Write("""
            <h2>Metrics</h2>
            <form id="metric-filters" autocomplete="off">
            <label>indicator <select id="filter-indicator"><option value="">all</option></select></label>
            <label>kind <select id="filter-kind"><option value="">all</option></select></label>
            <label>year <select id="filter-year"><option value="">all</option></select></label>
            <label>search <input id="filter-text" type="search" placeholder="subject, unit, sentence"></label>
            <span id="metric-count"></span>
            </form>
            <div class="scroll"><table id="metric-table"><thead><tr><th>#</th><th><button type="button" id="sort-value" title="sort by value">value ↕</button></th><th>unit</th><th>kind</th><th>qualifier</th><th>subject</th><th>indicator</th><th>year</th><th>section</th><th>report</th></tr></thead><tbody></tbody></table></div>
            <div id="pager"><button type="button" id="page-prev">‹ previous</button> <span id="page-info"></span> <button type="button" id="page-next">next ›</button></div>
            </section>
            <aside id="detail" hidden aria-live="polite" aria-label="metric details"><button type="button" id="detail-close" title="close">×</button><h3 id="detail-title"></h3><dl id="detail-fields"></dl></aside>

            """);
        w.Write("<script>\n");
        w.Write(_assets.Script);
        w.Write("</script>\n</div>\n</body>\n</html>\n");
        w.Flush();
    }

    private void WriteMetadata(ReportRecord r)
    {
        var w = _writer;
        w.Write("<dl class=\"meta\">");
        Field("organization", r.Organization);
        Field("report year", CsvCells.Integer(r.ReportYear));
        Field("document date", CsvCells.Date(r.DocumentDate));
        Field("published", CsvCells.Date(r.PublishedDate));
        Field("document number", r.DocumentNumber);
        Field("index number", r.IndexNumber);
        Field("region", RegionText(r.Region));
        Field("source", r.Source.Path);
        Field("encoding", r.Source.Encoding + " · " + CsvCells.Enum<ScriptKind>(r.Source.Script) + string.Create(CultureInfo.InvariantCulture, $" · {r.Source.Bytes} bytes"));
        Field("sha256", r.Source.Sha256);
        Field("metrics", r.Metrics.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var warning in r.Warnings)
        {
            Field("warning", warning);
        }

        w.Write("</dl>\n");

        void Field(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            w.Write("<div><dt>");
            w.Write(name);
            w.Write("</dt><dd>");
            HtmlText.Write(w, value);
            w.Write("</dd></div>");
        }
    }

    private void WriteOutline(string reportId, ImmutableArray<Section> sections)
    {
        if (sections.IsEmpty)
        {
            _writer.Write("<nav class=\"outline empty\">no sections found</nav>\n");
            return;
        }

        _writer.Write("<nav class=\"outline\"><h3>outline</h3>");
        WriteSections(sections);
        _writer.Write("</nav>\n");

        void WriteSections(ImmutableArray<Section> level)
        {
            _writer.Write("<ul>");
            foreach (var s in level)
            {
                _writer.Write("<li><a");
                HtmlText.Attribute(_writer, "href", "#" + HtmlHighlightWriter.SectionId(reportId, s.Path));
                _writer.Write('>');
                HtmlText.Write(_writer, s.Marker);
                _writer.Write(' ');
                HtmlText.Write(_writer, s.Title);
                _writer.Write("</a>");
                if (s.Kind is { } kind)
                {
                    var name = CsvCells.Enum<SectionKind>(kind);
                    _writer.Write($" <span class=\"kind s-{name}\">{name}</span>");
                }

                if (!s.Sections.IsEmpty)
                {
                    WriteSections(s.Sections);
                }

                _writer.Write("</li>");
            }

            _writer.Write("</ul>");
        }
    }

    private static string? RegionText(Model.RegionInfo? region) =>
        region is null ? null : string.Join(' ', new[] { region.Province, region.City, region.County, region.Code }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>What the report list at the end of the page needs of a report (the record itself is not kept).</summary>
    private sealed record ReportSummary(
        string Id, string Path, string? Title, string? Organization, int? Year, DateOnly? Date, string? DocumentNumber, string? Region,
        int Sections, int Metrics, int Warnings);
}
