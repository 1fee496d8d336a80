using System.Collections.Immutable;
using System.Globalization;
using ReportExtract.Cli.Emitters;
using ReportExtract.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReportExtract.Cli.Review;

/// <summary>
/// Renders one record for a person: metadata, the section tree with kinds, a table of metrics, and each metric's
/// sentence with its number highlighted (bold and colored on a terminal, in 【】 brackets in plain text).
/// </summary>
/// <remarks>Report text is always passed as <see cref="Text"/>, never as markup: brackets in a report are data.</remarks>
internal sealed class InspectView(IAnsiConsole console, bool terminal)
{
    /// <summary>Brackets around the number in plain text (chosen because reports do not use them around figures).</summary>
    public const string PlainOpen = "【";

    /// <inheritdoc cref="PlainOpen"/>
    public const string PlainClose = "】";

    private static readonly Style Heading = new(Color.Aqua, decoration: Decoration.Bold);
    private static readonly Style Muted = new(Color.Grey);
    private static readonly Style Failing = new(Color.Red, decoration: Decoration.Bold);
    private static readonly Style Number = new(Color.Yellow, decoration: Decoration.Bold | Decoration.Underline);

    /// <summary>Writes the whole view of <paramref name="record"/>.</summary>
    public void Render(ReportRecord record)
    {
        var heading = record.Title ?? record.Source.Path;
        if (terminal)
        {
            // A rule's title is markup: brackets in a report title must stay text.
            console.Write(new Rule(Markup.Escape(heading)) { Justification = Justify.Left, Style = Muted });
        }
        else
        {
            // A rule spans the whole (unbounded) width in plain mode.
            console.Write(new Text("== " + heading + " ==", Heading));
            console.WriteLine();
        }

        console.Write(Metadata(record));
        console.WriteLine();
        WriteForms(record);
        console.Write(new Text("Sections", Heading));
        console.WriteLine();
        console.Write(record.Sections.IsEmpty ? new Text("(no sections found)", Muted) : SectionTree(record.Sections));
        console.WriteLine();
        console.WriteLine();
        console.Write(new Text(string.Create(CultureInfo.InvariantCulture, $"Metrics ({record.Metrics.Length})"), Heading));
        console.WriteLine();
        if (record.Metrics.IsEmpty)
        {
            console.Write(new Text("(no metrics found)", Muted));
            console.WriteLine();
            return;
        }

        console.Write(MetricTable(record.Metrics));
        console.WriteLine();
        console.Write(new Text("Sentences", Heading));
        console.WriteLine();

        // The sentence in a column of its own: Chinese has no spaces to wrap at, and a paragraph would move a
        // sentence longer than the rest of the line whole to the next one; in a cell it folds at the edge.
        var sentences = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        for (var i = 0; i < record.Metrics.Length; i++)
        {
            sentences.AddRow(new Text(string.Create(CultureInfo.InvariantCulture, $"#{i + 1}"), Muted), Sentence(record.Metrics[i]));
        }

        console.Write(sentences);
    }

    /// <summary>Each standard form found: how many cells and checks, and every check that fails with both sides.</summary>
    private void WriteForms(ReportRecord record)
    {
        if (record.Forms.Count == 0)
        {
            return;
        }

        console.Write(new Text("Forms", Heading));
        console.WriteLine();
        foreach (var form in record.Forms)
        {
            var checks = record.Checks.Where(c => c.Form == form.Form).ToList();
            var failed = checks.Where(c => !c.Holds).ToList();
            console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
                $"{form.Form}: {form.Cells.Length} cells, {checks.Count} checks, {failed.Count} failing"), failed.Count > 0 ? Failing : Muted));
            console.WriteLine();
            foreach (var check in failed)
            {
                console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
                    $"  failing check {check.Check}{(check.Scope is null ? string.Empty : $" ({check.Scope})")}: left {CsvCells.Number(check.Left)}, right {CsvCells.Number(check.Right)}"), Failing));
                console.WriteLine();
            }
        }

        console.WriteLine();
    }

    private Grid Metadata(ReportRecord r)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row("title", r.Title);
        Row("organization", r.Organization);
        Row("report year", CsvCells.Integer(r.ReportYear));
        Row("document date", CsvCells.Date(r.DocumentDate));
        Row("published", CsvCells.Date(r.PublishedDate));
        Row("document number", r.DocumentNumber);
        Row("index number", r.IndexNumber);
        Row("region", r.Region is { } region
            ? string.Join(' ', new[] { region.Province, region.City, region.County, $"({region.Code})" }.Where(p => !string.IsNullOrEmpty(p)))
            : null);
        Row("source", r.Source.Path);
        Row("encoding", string.Create(CultureInfo.InvariantCulture, $"{r.Source.Encoding}, {CsvCells.Enum<ScriptKind>(r.Source.Script)} script, {r.Source.Bytes} bytes"));
        Row("sha256", r.Source.Sha256);
        foreach (var warning in r.Warnings)
        {
            Row("warning", warning);
        }

        return grid;

        void Row(string name, string? value) =>
            grid.AddRow(new Text(name, Muted), string.IsNullOrEmpty(value) ? new Text("-", Muted) : new Text(value));
    }

    private Tree SectionTree(ImmutableArray<Section> sections)
    {
        var tree = new Tree(new Text(string.Create(CultureInfo.InvariantCulture, $"{ReportTable.CountSections(sections)} sections"), Muted))
        {
            Guide = terminal ? TreeGuide.Line : TreeGuide.Ascii,
        };
        foreach (var s in sections)
        {
            Add(tree.AddNode(Node(s)), s.Sections);
        }

        return tree;

        void Add(TreeNode parent, ImmutableArray<Section> children)
        {
            foreach (var child in children)
            {
                Add(parent.AddNode(Node(child)), child.Sections);
            }
        }
    }

    private static Paragraph Node(Section s)
    {
        var node = new Paragraph();
        node.Append(s.Path + "  ", Muted);
        node.Append(s.Marker + s.Title);
        node.Append(s.Kind is { } kind ? "  [" + CsvCells.Enum<SectionKind>(kind) + "]" : string.Empty, Muted);
        return node;
    }

    private Table MetricTable(ImmutableArray<Metric> metrics)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Markdown };
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn(new TableColumn("value").RightAligned());
        foreach (var name in new[] { "unit", "kind", "qualifier", "subject", "indicator", "year", "section" })
        {
            table.AddColumn(name);
        }

        for (var i = 0; i < metrics.Length; i++)
        {
            var m = metrics[i];
            var qualifier = string.Join(' ', new[]
            {
                m.Approx is { } a ? CsvCells.Enum<Approximation>(a) : null,
                m.Delta is { } d ? CsvCells.Enum<Delta>(d) : null,
            }.Where(p => p is not null));
            table.AddRow(
                Cell(i + 1 + string.Empty), Cell(CsvCells.Number(m.Value)), Cell(m.Unit), Cell(CsvCells.Enum<MetricKind>(m.Kind)), Cell(qualifier),
                Cell(m.Subject), Cell(m.Indicator), Cell(CsvCells.Integer(m.Year)), Cell(m.Section));
        }

        return table;

        static IRenderable Cell(string? text) => string.IsNullOrEmpty(text) ? new Text("-", Muted) : new Text(text);
    }

    /// <summary>The metric's sentence with its surface marked; a sentence that does not contain it is followed by it.</summary>
    private Paragraph Sentence(Metric m)
    {
        var line = new Paragraph();
        var sentence = m.Sentence;
        var (at, length) = Locate(sentence, m.Text);
        if (at < 0)
        {
            Append(line, sentence, Style.Plain);
            line.Append(terminal ? "  ← " + m.Text : "  " + PlainOpen + m.Text + PlainClose, terminal ? Number : Style.Plain);
            return line;
        }

        Append(line, sentence[..at], Style.Plain);
        var figure = sentence.Substring(at, length);
        if (terminal)
        {
            line.Append(figure, Number);
        }
        else
        {
            line.Append(PlainOpen + figure + PlainClose);
        }

        Append(line, sentence[(at + length)..], Style.Plain);
        return line;
    }

    /// <summary>
    /// On a terminal, text goes in one character at a time: Spectre wraps only between pieces or at spaces, and
    /// Chinese has no spaces, so a sentence would otherwise break only where the styled number starts or ends.
    /// </summary>
    private void Append(Paragraph line, string text, Style style)
    {
        if (!terminal)
        {
            line.Append(text, style);
            return;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            line.Append(rune.ToString(), style);
        }
    }

    /// <summary>
    /// Where the metric's surface (original text) stands in its sentence (simplified, half-width): exactly, else
    /// compared in compatibility form, which folds full-width digits and letters (１２ → 12).
    /// </summary>
    private static (int At, int Length) Locate(string sentence, string surface)
    {
        if (surface.Length == 0)
        {
            return (-1, 0);
        }

        var at = sentence.IndexOf(surface, StringComparison.Ordinal);
        if (at >= 0)
        {
            return (at, surface.Length);
        }

        var folded = surface.Normalize(System.Text.NormalizationForm.FormKC);
        at = sentence.IndexOf(folded, StringComparison.Ordinal);
        return at >= 0 ? (at, folded.Length) : (-1, 0);
    }
}
