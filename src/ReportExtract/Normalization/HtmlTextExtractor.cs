using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportExtract.Tables;

namespace ReportExtract.Normalization;

/// <summary>
/// Extracts the text of an HTML page with a real HTML parser: block elements become line breaks, the rows of a data
/// table become <c>|</c>-separated lines of a rectangular grid (spans expanded, see the Tables part), entities are
/// decoded, head (but its title), scripts and styles are dropped. Every extracted character
/// maps back to the HTML source: text runs to their source characters, an entity's characters to the whole entity,
/// inserted breaks and separators to an empty range at the element that caused them.
/// </summary>
public sealed partial class HtmlTextExtractor
{
    private static readonly FrozenSet<string> Dropped = FrozenSet.Create(
        StringComparer.Ordinal, "HEAD", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "svg", "CANVAS", "SELECT", "BUTTON");

    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(
        StringComparer.Ordinal, "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG",
        "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER",
        "HGROUP", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TFOOT", "THEAD", "TR", "UL");

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    // Tells a figure cell from a label when a table row is laid out (placeholders such as 无 hold no figure).
    private readonly CellShapes _shapes;

    /// <summary>An extractor that tells table cells by the built-in table words.</summary>
    public HtmlTextExtractor()
        : this(TableWords.LoadEmbedded())
    {
    }

    /// <summary>An extractor that tells table cells by <paramref name="tableWords"/>.</summary>
    internal HtmlTextExtractor(TableWords tableWords) => _shapes = new CellShapes(tableWords);

    /// <summary>True when <paramref name="text"/> is clearly markup: it opens with a tag and has document or block tags early on.</summary>
    public static bool LooksLikeMarkup(string text)
    {
        var span = text.AsSpan().TrimStart(" \t\r\n\uFEFF");
        if (span.IsEmpty || span[0] != '<')
        {
            return false;
        }

        span = span[..Math.Min(span.Length, 4096)];
        foreach (var tag in (ReadOnlySpan<string>)["<!doctype html", "<html", "<body", "<div", "<p>", "<p ", "<table", "<br", "<meta"])
        {
            if (span.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Extracts the text of HTML <paramref name="input"/>; the result maps to <paramref name="input"/>'s original.</summary>
    public MappedText Extract(MappedText input)
    {
        // The parser is thread-safe for parsing: it keeps no per-document state between calls.
        var document = _parser.ParseDocument(input.Text);
        var walk = new Walk(input, _shapes);
        if (document.DocumentElement is { } root)
        {
            walk.Visit(root);
        }

        return walk.Finish();
    }

    /// <summary>One extraction: the output under construction and where the source has been read to.</summary>
    private sealed partial class Walk(MappedText input, CellShapes shapes)
    {
        private readonly string _source = input.Text;
        private readonly MappedTextBuilder _builder = new(input, Math.Max(16, input.Text.Length / 2));
        private int _cursor;
        private int _pre;
        private int _cell;
        private bool _layoutRow;
        private bool _lineStart = true;
        private int _spaceStart = -1;
        private int _spaceEnd;

        public MappedText Finish()
        {
            var length = _builder.Length;
            while (length > 0 && _builder[length - 1] == '\n')
            {
                length--;
            }

            _builder.Truncate(length);
            return _builder.Build();
        }

        public void Visit(INode node)
        {
            switch (node)
            {
                case IText text:
                    AppendText(text.Data);
                    break;
                case IElement element:
                    VisitElement(element);
                    break;
                default:
                    break;
            }
        }

        private void VisitElement(IElement element)
        {
            var at = element.SourceReference?.Position.Index ?? -1;
            if (at >= 0 && at > _cursor)
            {
                _cursor = at;
            }

            var name = element.NodeName;
            if (Dropped.Contains(name))
            {
                // The page's <title> is often its only title line (the body opens with its first paragraph): it
                // becomes the first line; the rest of the head is dropped.
                if (name == "HEAD" && element.QuerySelector("title") is { } title && !string.IsNullOrWhiteSpace(title.TextContent))
                {
                    VisitElement(title);
                    Break(Math.Min(_cursor, _source.Length));
                }

                SkipElement(element, at);
                return;
            }

            var anchor = Math.Max(0, Math.Min(at < 0 ? _cursor : at, _source.Length));
            switch (name)
            {
                case "BR":
                    if (_cell > 0)
                    {
                        PendSpace(anchor, anchor);
                    }
                    else
                    {
                        _spaceStart = -1;
                        _builder.AppendInserted('\n', anchor);
                        _lineStart = true;
                    }

                    return;
                case "TD" or "TH" when !_layoutRow:
                    VisitCell(element, anchor);
                    return;
                case "TABLE" when element is AngleSharp.Html.Dom.IHtmlTableElement table && IsDataTable(table):
                    VisitDataTable(table, anchor);
                    return;
                default:
                    break;
            }

            // Cells of layout rows (a page laid out by a table, common on government sites) are blocks of their own.
            var block = Blocks.Contains(name) || name is "TD" or "TH";
            var pre = name is "PRE" or "TEXTAREA" or "LISTING";
            if (block)
            {
                Break(anchor);
            }

            _pre += pre ? 1 : 0;
            var outerRow = _layoutRow;
            if (name == "TR")
            {
                _layoutRow = IsLayoutRow(element);
            }

            foreach (var child in element.ChildNodes)
            {
                Visit(child);
            }

            _layoutRow = outerRow;
            _pre -= pre ? 1 : 0;
            if (block)
            {
                Break(Math.Min(_cursor, _source.Length));
            }
        }

        /// <summary>
        /// A row is layout, not data, when a cell holds a nested table, a div or list, several paragraphs or line breaks,
        /// or a long text: its cells then keep their own lines instead of joining one '|'-separated line.
        /// </summary>
        private static bool IsLayoutRow(IElement row)
        {
            foreach (var cell in row.Children)
            {
                // A header cell broken over lines (本年新<br>制作<br>数量) is still one short cell of a data row.
                if (cell.QuerySelector("table, div, ul, ol") is not null
                    || (cell.QuerySelectorAll("p, br, h1, h2, h3, h4, h5, h6, li").Length >= 2 && cell.TextContent.Length > MaxBrokenCell)
                    || cell.TextContent.Length > 200)
                {
                    return true;
                }
            }

            return false;
        }

        private void VisitCell(IElement cell, int anchor)
        {
            // Cells after the first in their row are set off by '|'; blocks inside a cell stay on the row's line.
            if (cell.PreviousElementSibling is { NodeName: "TD" or "TH" })
            {
                _spaceStart = -1;
                _builder.AppendInserted('|', anchor);
            }

            _lineStart = true;
            _cell++;
            foreach (var child in cell.ChildNodes)
            {
                Visit(child);
            }

            _cell--;
            _spaceStart = -1;
        }

        private void Break(int anchor)
        {
            if (_cell > 0)
            {
                PendSpace(anchor, anchor);
                return;
            }

            _spaceStart = -1;
            if (_builder.Length > 0 && _builder.Last != '\n')
            {
                _builder.AppendInserted('\n', anchor);
            }

            _lineStart = true;
        }

        private void SkipElement(IElement element, int at)
        {
            if (at < 0)
            {
                return;
            }

            // Raw text of dropped elements (scripts!) must not be mistaken for the next text run: move past the end tag.
            var close = _source.IndexOf("</" + element.LocalName, at, StringComparison.OrdinalIgnoreCase);
            if (close >= 0)
            {
                var end = _source.IndexOf('>', close);
                _cursor = end < 0 ? _source.Length : end + 1;
            }
        }

        private void PendSpace(int start, int end)
        {
            if (_lineStart)
            {
                return;
            }

            if (_spaceStart < 0)
            {
                _spaceStart = start;
            }

            _spaceEnd = end;
        }

        private void Emit(char c, int start, int end)
        {
            if (_pre == 0 && c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                PendSpace(start, end);
                return;
            }

            if (_spaceStart >= 0)
            {
                // A collapsed run of whitespace becomes one space standing for the whole run.
                _builder.Append(' ', _spaceStart, Math.Max(_spaceStart, _spaceEnd));
                _recording?.Add((' ', _spaceStart, Math.Max(_spaceStart, _spaceEnd)));
                _spaceStart = -1;
            }

            _builder.Append(c, start, end);
            _recording?.Add((c, start, end));
            _lineStart = c == '\n';
        }
    }
}
