using System.IO.Compression;
using System.Xml.Linq;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// Marks cells of a finished workbook with a red fill (the cells of failing checks): a fill and a cell format are
/// added to the styles part, and the marked cells of the named sheets point to that format.
/// </summary>
internal static class XlsxCellMarker
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Marks, per sheet name, the cells at (1-based data row below the header, 0-based column).</summary>
    public static void Mark(MemoryStream workbook, IReadOnlyDictionary<string, IReadOnlyList<(int Row, int Column)>> cells)
    {
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true);
        var style = AddMarkStyle(zip);
        var targets = SheetTargets(zip);
        foreach (var (sheet, marks) in cells)
        {
            if (marks.Count == 0 || !targets.TryGetValue(sheet, out var path) || zip.GetEntry(path) is not { } entry)
            {
                continue;
            }

            var document = Load(entry);
            var wanted = marks.Select(m => Reference(m.Row + 1, m.Column)).ToHashSet(StringComparer.Ordinal);
            foreach (var c in document.Descendants(Main + "c"))
            {
                if ((string?)c.Attribute("r") is { } r && wanted.Contains(r))
                {
                    c.SetAttributeValue("s", style);
                }
            }

            Save(zip, entry, document);
        }
    }

    /// <summary>Adds a red solid fill and a cell format using it; returns the format's index.</summary>
    private static int AddMarkStyle(ZipArchive zip)
    {
        var entry = zip.GetEntry("xl/styles.xml") ?? throw new InvalidDataException("the workbook has no styles part");
        var document = Load(entry);
        var root = document.Root!;
        var fills = root.Element(Main + "fills") ?? throw new InvalidDataException("the styles part has no fills");
        fills.Add(new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "solid"),
            new XElement(Main + "fgColor", new XAttribute("rgb", "FFF5C2C7")), new XElement(Main + "bgColor", new XAttribute("indexed", 64)))));
        var fillCount = fills.Elements(Main + "fill").Count();
        fills.SetAttributeValue("count", fillCount);
        var formats = root.Element(Main + "cellXfs") ?? throw new InvalidDataException("the styles part has no cell formats");
        formats.Add(new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", fillCount - 1),
            new XAttribute("borderId", 0), new XAttribute("applyFill", 1)));
        var formatCount = formats.Elements(Main + "xf").Count();
        formats.SetAttributeValue("count", formatCount);
        Save(zip, entry, document);
        return formatCount - 1;
    }

    /// <summary>Sheet name → part path, from the workbook and its relationships.</summary>
    private static Dictionary<string, string> SheetTargets(ZipArchive zip)
    {
        var workbook = Load(zip.GetEntry("xl/workbook.xml")!);
        var rels = Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!);
        var byId = rels.Descendants(PackageRelationships + "Relationship").ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!, StringComparer.Ordinal);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Descendants(Main + "sheet"))
        {
            if ((string?)sheet.Attribute(Relationships + "id") is { } id && byId.TryGetValue(id, out var target))
            {
                targets[(string)sheet.Attribute("name")!] = target.StartsWith('/') ? target[1..] : "xl/" + target;
            }
        }

        return targets;
    }

    /// <summary>An A1 reference: 1-based row, 0-based column.</summary>
    public static string Reference(int row, int column)
    {
        var letters = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static void Save(ZipArchive zip, ZipArchiveEntry entry, XDocument document)
    {
        var name = entry.FullName;
        entry.Delete();
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        document.Save(stream);
    }
}
