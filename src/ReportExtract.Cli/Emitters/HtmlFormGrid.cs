using System.Globalization;
using ReportExtract.Forms;
using ReportExtract.Model;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// The review page's view of a report's standard forms: each table as its grid (row labels down, column labels
/// across), each value linked to its highlight in the text, the cells of a failing check marked, the failures listed.
/// </summary>
internal static class HtmlFormGrid
{
    /// <summary>Writes the forms of <paramref name="record"/>; <paramref name="firstMetric"/> is the page index of its first metric.</summary>
    public static void Write(TextWriter w, ReportRecord record, FormCatalog catalog, int firstMetric)
    {
        if (record.Forms.Count == 0)
        {
            return;
        }

        var marks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < record.Metrics.Length; i++)
        {
            if (record.Metrics[i].Cell is { } cell)
            {
                marks.TryAdd(cell, firstMetric + i);
            }
        }

        w.Write("<section class=\"forms\">");
        foreach (var found in record.Forms)
        {
            if (catalog.Get(found.Form) is not { } form)
            {
                continue;
            }

            var table = new FormColumns(form);
            var failing = table.FailingCells(record).ToHashSet(StringComparer.Ordinal);
            var values = found.Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            w.Write("<h3>");
            HtmlText.Write(w, form.Name);
            w.Write("</h3>");
            foreach (var part in form.Tables.SelectMany(t => t.Parts))
            {
                var cells = form.Cells.Where(c => c.Part == part).ToList();
                if (!cells.Any(c => values.ContainsKey(c.Id)))
                {
                    continue;
                }

                w.Write("<table><thead><tr><th>");
                HtmlText.Write(w, part.Article ?? string.Empty);
                w.Write("</th>");
                foreach (var column in part.Columns)
                {
                    HtmlText.Element(w, "th", column.Label);
                }

                w.Write("</tr></thead><tbody>");
                foreach (var row in part.Rows)
                {
                    w.Write("<tr>");
                    HtmlText.Element(w, "th", part.SingleRow ? string.Empty : row.Label);
                    foreach (var column in part.Columns)
                    {
                        var id = $"{part.Table}.{row.Key}.{column.Key}";
                        w.Write(failing.Contains(id) ? "<td class=\"v fail\">" : "<td class=\"v\">");
                        if (values.TryGetValue(id, out var value))
                        {
                            var text = value is { } v ? CsvCells.Number(v) : "—";
                            if (marks.TryGetValue($"{form.Id}:{id}", out var mark))
                            {
                                w.Write($"<a href=\"#{HtmlHighlightWriter.MarkId(mark)}\">");
                                HtmlText.Write(w, text);
                                w.Write("</a>");
                            }
                            else
                            {
                                HtmlText.Write(w, text);
                            }
                        }

                        w.Write("</td>");
                    }

                    w.Write("</tr>");
                }

                w.Write("</tbody></table>");
            }

            var failed = record.Checks.Where(c => c.Form == form.Id && !c.Holds).ToList();
            if (failed.Count > 0)
            {
                w.Write("<ul class=\"failed\">");
                foreach (var check in failed)
                {
                    HtmlText.Element(w, "li", string.Create(CultureInfo.InvariantCulture,
                        $"{check.Check}{(check.Scope is null ? string.Empty : $" ({check.Scope})")}: {CsvCells.Number(check.Left)} ≠ {CsvCells.Number(check.Right)}"));
                }

                w.Write("</ul>");
            }
        }

        w.Write("</section>\n");
    }
}
