using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportExtract.Metrics;

/// <summary>One numeric cell of a flattened table, before it becomes a metric.</summary>
/// <param name="Start">Offset of the cell's number.</param>
/// <param name="End">End of the cell's number and unit as written in the cell.</param>
/// <param name="Value">The value, scaled by the unit (万元 → 元).</param>
/// <param name="Unit">The unit entry from the cell or, failing that, from the headers.</param>
/// <param name="Subject">Row header and column header (without its unit) joined.</param>
/// <param name="Year">A year named by the row or column header, if any.</param>
/// <param name="YearOffset">A year relative to the report's named by a header (上年数: -1, 本年制发件数: 0), if any.</param>
internal readonly record struct TableCell(int Start, int End, double Value, UnitEntry? Unit, string? Subject, int? Year, int? YearOffset = null);

/// <summary>What <see cref="TableReader"/> found: cells, the ranges the prose recognizer must skip, and warnings.</summary>
internal sealed record TableReading(ImmutableArray<TableCell> Cells, RangeSet Blocks, ImmutableArray<string> Warnings);

/// <summary>
/// Reads tables flattened to rows with | between cells (Markdown tables, and HTML tables as the normalizer writes them:
/// one row per line, cells set off by |). A row none of whose cells is a number (years aside, at the top) is a header
/// and starts a new table, so one block may hold several tables; a row before any header is a label|value row whose
/// label alone is the subject. A header's trailing (宗) or （单位：万元） gives its column's unit, and a header or row
/// label ending in a measure word (本年制发件数, 申请数量) gives it when no cell names one (Resources/Metrics/table-words.tsv).
/// Cells holding several numbers with no separator between them are run together: they are left alone with a warning.
/// </summary>
internal sealed partial class TableReader
{
    private readonly UnitLexicon _units;
    private readonly IReadOnlySet<string> _generic;
    private readonly WordSet<string> _measures;
    private readonly string[] _labels;
    private readonly WordSet<int> _relativeYears;

    public TableReader(UnitLexicon units, IReadOnlySet<string> generic)
    {
        _units = units;
        _generic = generic;
        var rows = LexiconData.ReadRows("table-words.tsv").ToList();
        foreach (var row in rows)
        {
            if (!(row is ["measure", _, _] && _units.Match(row[2], 0, arabic: true)?.Surface == row[2]) && row is not ["label", _]
                && !(row is ["year", _, _] && int.TryParse(row[2], CultureInfo.InvariantCulture, out _)))
            {
                throw new InvalidDataException($"table-words.tsv: bad row '{string.Join('\t', row)}' (a measure needs a unit of units.tsv)");
            }
        }

        _measures = new WordSet<string>(rows.Where(r => r[0] == "measure").Select(r => (r[1], r[2])));
        _labels = [.. rows.Where(r => r[0] == "label").Select(r => r[1])];
        _relativeYears = new WordSet<int>(rows.Where(r => r[0] == "year").Select(r => (r[1], int.Parse(r[2], CultureInfo.InvariantCulture))));
    }

    public TableReading Read(string text)
    {
        var cells = ImmutableArray.CreateBuilder<TableCell>();
        var blocks = ImmutableArray.CreateBuilder<(int, int)>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var position = 0;
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        while (bar >= 0)
        {
            // Gather the run of lines that each hold a bar.
            var lineStart = bar == 0 ? 0 : text.LastIndexOf('\n', bar - 1) + 1;
            if (lineStart < position)
            {
                lineStart = position;
            }

            var rows = new List<(int Start, int End)>();
            var cursor = lineStart;
            while (cursor < text.Length)
            {
                var lineEnd = text.IndexOf('\n', cursor);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                if (!text.AsSpan(cursor, lineEnd - cursor).Contains('|'))
                {
                    break;
                }

                rows.Add((cursor, lineEnd));
                cursor = lineEnd + 1;
            }

            // Two rows make a table; one row alone only in the label|value shape (本年新收政府信息公开申请数量|45), since
            // prose sometimes holds a bar.
            if (rows.Count >= 2 || (rows.Count == 1 && IsLabelValueRow(text, rows[0].Start, rows[0].End)))
            {
                blocks.Add((rows[0].Start, rows[^1].End));
                ReadBlock(text, rows, cells, warnings);
            }

            position = Math.Max(cursor, bar + 1);
            if (position >= text.Length)
            {
                break;
            }

            var next = text.AsSpan(position).IndexOf('|');
            bar = next < 0 ? -1 : position + next;
        }

        ReadLayout(text, cells, blocks, warnings);
        blocks.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new TableReading(cells.ToImmutable(), new RangeSet(blocks.ToImmutable()), warnings.ToImmutable());
    }

    /// <summary>Longest line that may be a cell of a layout table; longer lines are prose.</summary>
    private const int MaxLayoutCell = 24;

    /// <summary>What a line is to the layout-table reader.</summary>
    private enum LineShape { Other, Text, Number }

    /// <summary>
    /// Reads layout tables written one cell per line: a header of K short text lines (corner and column names), then rows
    /// of one short text line (the row label) and K-1 number lines. K is not guessed: it is one more than the count of
    /// number lines after the first label, and the K lines before that label must all be short text; the table ends at
    /// the first row that does not have exactly K-1 numbers. One number per row needs two rows, so a heading followed by a
    /// page number is no table.
    /// </summary>
    private void ReadLayout(string text, ImmutableArray<TableCell>.Builder cells, ImmutableArray<(int, int)>.Builder blocks, ImmutableArray<string>.Builder warnings)
    {
        var lines = new List<(int Start, int End, LineShape Shape)>();
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lines.Add((start, end, ShapeOfLine(text, start, end)));
            start = end + 1;
        }

        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Shape != LineShape.Number)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < lines.Count && lines[j].Shape == LineShape.Number)
            {
                j++;
            }

            var m = j - i;
            var label = i - 1;
            var headerStart = label - (m + 1);
            if (headerStart < 0 || Enumerable.Range(headerStart, m + 2).Any(k => lines[k].Shape != LineShape.Text))
            {
                i = j;
                continue;
            }

            var rows = new List<int> { label };
            var p = j;
            while (p + m < lines.Count && lines[p].Shape == LineShape.Text
                && Enumerable.Range(p + 1, m).All(k => lines[k].Shape == LineShape.Number)
                && (p + m + 1 >= lines.Count || lines[p + m + 1].Shape != LineShape.Number))
            {
                rows.Add(p);
                p += m + 1;
            }

            if (m == 1 && rows.Count < 2)
            {
                i = j;
                continue;
            }

            // A label right after the last row with a different count of number lines, or numbers run together on one
            // line, is a row that cannot be aligned with the header: say so rather than guess.
            if (p < lines.Count && lines[p].Shape == LineShape.Text)
            {
                var q = p + 1;
                while (q < lines.Count && lines[q].Shape == LineShape.Number)
                {
                    q++;
                }

                var runTogether = q < lines.Count && q - p - 1 < m && Trimmed(text, lines[q]) is var next && next.End > next.Start && ChineseNumberParser.IsArabicDigit(text[next.Start]);
                if (q > p + 1 || runTogether)
                {
                    warnings.Add($"layout table row at offset {lines[p].Start} ('{text[Trimmed(text, lines[p]).Start..Trimmed(text, lines[p]).End]}') does not fit its header of {m + 1} cells; left unread");
                }
            }

            var columns = Enumerable.Range(headerStart, m + 1).Select(k => HeaderColumn(text, Trimmed(text, lines[k]).Start, Trimmed(text, lines[k]).End)).ToList();
            foreach (var row in rows)
            {
                var rowColumn = HeaderColumn(text, Trimmed(text, lines[row]).Start, Trimmed(text, lines[row]).End);
                if (rowColumn.Name is { } name && HasLabelWord(name))
                {
                    continue;
                }

                for (var c = 1; c <= m; c++)
                {
                    var column = columns[c];
                    if (column.Name is { } header && HasLabelWord(header))
                    {
                        continue;
                    }

                    var bounds = Trimmed(text, lines[row + c]);
                    if (Classify(text, bounds) is CellShape.Number or CellShape.BareYear)
                    {
                        ReadCell(text, bounds, column, rowColumn, cells, warnings);
                    }
                }
            }

            blocks.Add((lines[headerStart].Start, lines[rows[^1] + m].End));
            i = rows[^1] + m + 1;
        }
    }

    private static (int Start, int End) Trimmed(string text, (int Start, int End, LineShape Shape) line)
    {
        var span = text.AsSpan(line.Start, line.End - line.Start);
        var lead = span.Length - span.TrimStart(" \t\u3000").Length;
        var trail = span.Length - span.TrimEnd(" \t\r\u3000").Length;
        return lead == span.Length ? (line.Start, line.Start) : (line.Start + lead, line.End - trail);
    }

    private LineShape ShapeOfLine(string text, int start, int end)
    {
        var bounds = Trimmed(text, (start, end, LineShape.Other));
        var length = bounds.End - bounds.Start;
        if (length == 0 || length > MaxLayoutCell || text.AsSpan(bounds.Start, length).ContainsAny(LayoutBreakers))
        {
            return LineShape.Other;
        }

        return Classify(text, bounds) switch
        {
            CellShape.Number or CellShape.BareYear => ReadsWhole(text, bounds) ? LineShape.Number : LineShape.Other,
            CellShape.Text or CellShape.Year => LineShape.Text,
            _ => LineShape.Other,
        };
    }

    /// <summary>A number line of a layout table is a number and at most its unit (12, 3.5万元, 8件), nothing else.</summary>
    private bool ReadsWhole(string text, (int Start, int End) bounds)
    {
        if (!ChineseNumberParser.TryParse(text, bounds.Start, out var number) || number.BareMultiplier)
        {
            return false;
        }

        var unit = number.End < bounds.End ? _units.Match(text, number.End, number.Arabic) : null;
        return number.End + (unit?.Surface.Length ?? 0) == bounds.End;
    }

    /// <summary>Characters that make a line prose (a sentence, a list item) or a bar table row, not a layout cell.</summary>
    private static readonly System.Buffers.SearchValues<char> LayoutBreakers = System.Buffers.SearchValues.Create("。，,；;！？!?|、");

    private bool IsLabelValueRow(string text, int start, int end)
    {
        var row = SplitCells(text, start, end);
        return row.Count == 2 && Classify(text, row[0]) == CellShape.Text && Classify(text, row[1]) == CellShape.Number;
    }

    /// <summary>What a cell holds: nothing (or a placeholder: -, /, 无), text, a number, a year (2022年), or a number that
    /// may be a year (2022: a header among others, 2022|2023, a count after a label, 行政许可|2046).</summary>
    private enum CellShape { Empty, Text, Number, Year, BareYear }

    private static CellShape Classify(string text, (int Start, int End) cell)
    {
        var s = text.AsSpan(cell.Start, cell.End - cell.Start).Trim(" \t\r");
        if (s.IsEmpty || s.Trim("-—–:=/／ ").IsEmpty || s is "无" or "空")
        {
            return CellShape.Empty;
        }

        // 2021年(件) heads a column of 2021 counted in 件.
        var open = s.LastIndexOfAny('(', '（');
        var name = open > 0 && s[^1] is ')' or '）' ? s[..open].Trim() : s;
        if (TryYear(name, out _))
        {
            return name[^1] is '年' or '度' ? CellShape.Year : CellShape.BareYear;
        }

        // A number starts the cell: 45, 12件, 3.5万元; a cell that is a Chinese number through (十二) too, but not a label
        // that opens with an ordinal (一、本年新收…).
        if (ChineseNumberParser.IsArabicDigit(s[0]))
        {
            return CellShape.Number;
        }

        var offset = cell.Start + (text.AsSpan(cell.Start, cell.End - cell.Start).Length - text.AsSpan(cell.Start, cell.End - cell.Start).TrimStart(" \t").Length);
        return ChineseNumberParser.DigitValue(s[0]) >= 0 && ChineseNumberParser.TryParse(text, offset, out var number)
            && number.End - offset == s.Length && !number.BareMultiplier ? CellShape.Number : CellShape.Text;
    }

    private void ReadBlock(string text, List<(int Start, int End)> rows, ImmutableArray<TableCell>.Builder cells, ImmutableArray<string>.Builder warnings)
    {
        List<Column>? columns = null;
        var afterHeader = false; // no data row yet under the current header
        var misaligned = false; // the rows under the current header have been reported as not lining up
        Column? total = null; // the total column named by a header row of the current group
        foreach (var (rowStart, rowEnd) in rows)
        {
            var row = SplitCells(text, rowStart, rowEnd);
            if (row.All(c => text.AsSpan(c.Start, c.End - c.Start).Trim("-:= ").IsEmpty))
            {
                continue; // |---|---| separator
            }

            var shapes = row.Select(c => Classify(text, c)).ToList();
            var texts = shapes.Count(s => s == CellShape.Text);
            var numbers = shapes.Count(s => s == CellShape.Number);
            var years = shapes.Count(s => s == CellShape.Year);
            // Bare years head columns only two or more at a time, in order (指标|2022|2023); else they are numbers.
            var bare = row.Select((c, k) => shapes[k] == CellShape.BareYear ? int.Parse(text.AsSpan(c.Start, c.End - c.Start).Trim()[..4], CultureInfo.InvariantCulture) : 0)
                .Where(y => y > 0).ToList();
            if (bare.Count >= 2 && bare.Zip(bare.Skip(1)).All(p => p.Second > p.First))
            {
                years += bare.Count;
            }
            else
            {
                numbers += bare.Count;
            }

            // A header holds no number: 信息内容|本年处理决定数量 after data rows starts a new table. Years head the
            // columns of a table (项目|2022年|2023年) only at its top; further down they are values.
            var header = numbers == 0 && texts + years >= 2
                && (years == 0 || columns is null || afterHeader)
                && (texts >= 2 || years >= 2 || (years == 1 && shapes[0] == CellShape.Text));
            if (header)
            {
                if (!afterHeader)
                {
                    total = null; // a new header group
                }

                var names = row.Select(c => HeaderColumn(text, c.Start, c.End)).ToList();
                // Two header rows of one width name each column in two levels (行政复议|行政复议 over 本年|上年): join them.
                // Rows of another width replace the header: the first was a caption, or merged cells were flattened.
                columns = afterHeader && columns is not null && columns.Count == names.Count
                    ? [.. columns.Zip(names, JoinLevels)]
                    : names;
                // The total column is the table's last: a header row ending in 总计 reaches the right edge, as every full
                // data row does, so their last cells line up however the cells between were merged.
                if (columns[^1].Name is "总计" or "合计")
                {
                    total = columns[^1];
                }

                afterHeader = true;
                misaligned = false;
                continue;
            }

            if (numbers == 0 && years == 0)
            {
                afterHeader = false;
                continue; // text only (普法|开展宣传), a row of placeholders, or a lone label
            }

            afterHeader = false;
            // The row's label is its first text cell left of the figures (序号|单位|件数 puts a number before it).
            var labelIndex = shapes.FindIndex(s => s == CellShape.Text);
            if (labelIndex < 0 && shapes[0] is CellShape.Year or CellShape.BareYear)
            {
                labelIndex = 0; // 2022年|5|3: the year heads its row
            }

            var rowColumn = labelIndex >= 0 ? HeaderColumn(text, row[labelIndex].Start, row[labelIndex].End) : new Column(null, null, 1, null, null);
            // Text cells between the label and the figures qualify it: 三、本年度办理结果|（一）予以公开|20.
            for (var t = labelIndex + 1; labelIndex >= 0 && t < row.Count && shapes[t] is CellShape.Text or CellShape.Empty; t++)
            {
                if (shapes[t] == CellShape.Text && HeaderColumn(text, row[t].Start, row[t].End) is var more)
                {
                    rowColumn = more.Unit is null
                        ? rowColumn with { Name = rowColumn.Name + more.Name, Measure = more.Measure ?? rowColumn.Measure, YearOffset = rowColumn.YearOffset ?? more.YearOffset }
                        : more with { Name = rowColumn.Name + more.Name, Year = rowColumn.Year, YearOffset = rowColumn.YearOffset ?? more.YearOffset };
                }
            }

            if (rowColumn.Name is { } label && HasLabelWord(label))
            {
                continue; // 联系电话|0576…, 发布日期|2023
            }

            // Merged cells (colspan, rowspan) are lost in the flattening: a row of several figures whose cell count is
            // not its header's cannot be lined up with the columns, and a wrong column is worse than none.
            if (columns is not null && row.Count != columns.Count && shapes.Count(s => s is CellShape.Number or CellShape.BareYear) > 1)
            {
                if (!misaligned)
                {
                    warnings.Add($"table rows at offset {rowStart} have {row.Count} cells under a header of {columns.Count} (merged cells?); "
                        + (total is null ? "left unread" : "only a labelled row's last cell, under the total column, is read"));
                    misaligned = true;
                }

                if (total is { } totalColumn && labelIndex >= 0 && labelIndex < row.Count - 1 && shapes[^1] == CellShape.Number)
                {
                    ReadCell(text, row[^1], totalColumn, rowColumn, cells, warnings);
                }

                continue;
            }

            for (var k = 0; k < row.Count; k++)
            {
                if (k == labelIndex || shapes[k] is CellShape.Text or CellShape.Empty)
                {
                    continue;
                }

                // A number left of the label, or in a row with no label, is read only under a column header of its own.
                var column = columns is not null && k < columns.Count ? columns[k] : new Column(null, null, 1, null, null);
                if ((labelIndex < 0 || k < labelIndex) && column.Name is null)
                {
                    continue;
                }

                if (column.Name is { } name && HasLabelWord(name))
                {
                    continue; // the 序号 column
                }

                // 2020年 is never a count; a bare 2046 after the label is (行政许可|2046).
                if (shapes[k] == CellShape.Year)
                {
                    continue;
                }

                ReadCell(text, row[k], column, rowColumn, cells, warnings);
            }
        }
    }

    private void ReadCell(string text, (int Start, int End) bounds, Column column, Column rowColumn, ImmutableArray<TableCell>.Builder cells, ImmutableArray<string>.Builder warnings)
    {
        var (cellStart, cellEnd) = bounds;
        if (!ChineseNumberParser.TryParse(text, cellStart, out var number) || number.BareMultiplier || !double.IsFinite(number.Value))
        {
            return;
        }

        var end = number.End;
        var unit = _units.Match(text, end, number.Arabic);
        if (unit is not null)
        {
            end += unit.Surface.Length;
        }

        if (end < cellEnd)
        {
            // More after the number: two numbers with only spaces between are cells run together.
            var rest = text.AsSpan(end, cellEnd - end).TrimStart(' ');
            if (!rest.IsEmpty && (ChineseNumberParser.IsArabicDigit(rest[0]) || rest[0] == '.'))
            {
                warnings.Add($"table cell at offset {cellStart} holds numbers run together ('{text[cellStart..cellEnd]}'); left unread");
            }

            return;
        }

        // A unit in the cell wins; then a (单位) of the column header, of the row label, then a measure word ending either.
        var headerUnit = column.Unit ?? rowColumn.Unit;
        var scale = column.Unit is not null ? column.Scale : rowColumn.Unit is not null ? rowColumn.Scale : 1;
        var measure = headerUnit ?? column.Measure ?? rowColumn.Measure;
        var value = unit is not null ? number.Value * unit.Scale : number.Value * scale * (headerUnit?.Scale ?? 1);

        var columnName = column.Year is not null || (column.Name is not null && _generic.Contains(column.Name)) ? null : column.Name;
        var subject = Join(rowColumn.Year is null ? rowColumn.Name : null, columnName);
        var year = rowColumn.Year ?? column.Year;
        int? offset = year is null ? rowColumn.YearOffset ?? column.YearOffset : null;
        cells.Add(new TableCell(cellStart, end, value, unit ?? measure, subject, year, offset));
    }

    private static Column JoinLevels(Column upper, Column lower) =>
        upper.Name is null || upper.Name == lower.Name ? lower
        : lower.Name is null ? upper
        : lower with { Name = upper.Name + lower.Name, Unit = lower.Unit ?? upper.Unit, Scale = lower.Unit is null ? upper.Scale : lower.Scale, Year = lower.Year ?? upper.Year, Measure = lower.Measure ?? upper.Measure, YearOffset = lower.YearOffset ?? upper.YearOffset };

    /// <summary>The year a header names relative to the report's (上年结转… → -1), from the words it opens with.</summary>
    private int? RelativeYear(string? name) =>
        name is not null && _relativeYears.TryMatchAt(name, 0, out _, out var offset) ? offset : null;

    private bool HasLabelWord(string name)
    {
        foreach (var word in _labels)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Join(string? row, string? column) =>
        string.IsNullOrEmpty(row) ? column : string.IsNullOrEmpty(column) ? row : row + column;

    /// <summary>
    /// The cells of a row, trimmed, empty ones kept: the normalizer writes an HTML row as cell|cell, so |x|y has an
    /// empty first cell and x|y| an empty last one; a Markdown row (| x | y |) opens and closes with a bar.
    /// </summary>
    private static List<(int Start, int End)> SplitCells(string text, int start, int end)
    {
        const string blank = " \t\r\u3000";
        var cells = new List<(int, int)>();
        var line = text.AsSpan(start, end - start);
        var a = line.Length - line.TrimStart(blank).Length;
        var b = line.TrimEnd(blank).Length;
        if (b - a >= 2 && line[a] == '|' && line[b - 1] == '|')
        {
            a++;
            b--;
        }

        while (a <= b)
        {
            var next = line[a..b].IndexOf('|');
            var cellEnd = next < 0 ? b : a + next;
            var cell = line[a..cellEnd];
            var lead = cell.Length - cell.TrimStart(blank).Length;
            var trimmed = cell.Trim(blank).Length;
            cells.Add((start + a + lead, start + a + lead + trimmed));
            a = cellEnd + 1;
        }

        return cells;
    }

    /// <summary>A header or row label: its name, the unit of a trailing (单位) with its 万/亿, its year, the unit its measure word implies, its relative year.</summary>
    private readonly record struct Column(string? Name, UnitEntry? Unit, double Scale, int? Year, UnitEntry? Measure, int? YearOffset = null);

    /// <summary>A header like 罚没金额(万元) or 收费金额（单位：万元）: name 罚没金额, unit 元, scale 10,000.</summary>
    private Column HeaderColumn(string text, int start, int end)
    {
        var cell = text[start..end].Trim();
        // The template's row labels carry their outline numbers (一、本年新收…, （一）予以公开): no part of the subject.
        var marker = OrdinalMarker().Match(cell);
        if (marker.Success && marker.Length < cell.Length)
        {
            cell = cell[marker.Length..];
        }

        var open = cell.LastIndexOfAny(['(', '（']);
        if (open > 0 && cell[^1] is ')' or '）')
        {
            var label = cell[(open + 1)..^1].Trim();
            if (label.StartsWith("单位", StringComparison.Ordinal))
            {
                label = label[2..].TrimStart(':', '：', ' ');
            }

            var scale = 1.0;
            var s = 0;
            while (s < label.Length && ChineseNumberParser.MultiplierValue(label[s]) is var m && m >= 1e4)
            {
                scale *= m;
                s++;
            }

            var unit = _units.Match(label, s, arabic: true);
            if (unit is not null && s + unit.Surface.Length == label.Length)
            {
                var name = cell[..open].Trim();
                return new Column(name, unit, scale, TryYear(name, out var headerYear) ? headerYear : null, null, RelativeYear(name));
            }
        }

        return new Column(cell.Length == 0 ? null : cell, null, 1, TryYear(cell, out var year) ? year : null, MeasureOf(cell), RelativeYear(cell));
    }

    /// <summary>The unit a name's measure-word ending implies (本年制发件数 → 件), or null.</summary>
    private UnitEntry? MeasureOf(string name)
    {
        if (name.Length == 0 || !_measures.TryMatchEndingAt(name, name.Length, 0, out _, out var surface))
        {
            return null;
        }

        return _units.Match(surface, 0, arabic: true);
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[、．](?![0-9]))\s*")]
    private static partial Regex OrdinalMarker();

    private static bool TryYear(ReadOnlySpan<char> cell, out int year)
    {
        year = 0;
        var s = cell.Trim();
        if (s.EndsWith("年度"))
        {
            s = s[..^2];
        }
        else if (s.EndsWith('年'))
        {
            s = s[..^1];
        }

        return s.Length == 4 && int.TryParse(s, out year) && year is >= 1949 and <= 2100;
    }
}
