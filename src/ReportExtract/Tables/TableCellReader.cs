using System.Collections.Immutable;
using System.Globalization;
using ReportExtract.Common;
using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>One numeric cell of a table, read: what the metric stage turns into a metric.</summary>
/// <param name="Start">Offset of the cell's number in the normalized text.</param>
/// <param name="End">End of the cell's number and unit as written in the cell.</param>
/// <param name="Value">The value, scaled by the unit (万元 → 元).</param>
/// <param name="Unit">The unit from the cell, else the headers, the row label, the caption, a measure word; or null.</param>
/// <param name="Subject">A readable subject made from the row and column labels (本年新收政府信息公开申请数量（自然人）).</param>
/// <param name="Path">Every label of the row and column, joined: what the indicator catalog reads.</param>
/// <param name="Row">The row labels, outer to inner, joined with " / ".</param>
/// <param name="Column">The column headers, top to bottom, joined with " / ".</param>
/// <param name="Year">A year named by a header or label (2022年), if any.</param>
/// <param name="YearOffset">A year relative to the report's named by a header (上年: -1, 本年: 0), if any.</param>
/// <param name="Context">What the table stands under (its caption, the heading above it) and, for a cell whose labels
/// name no measure of their own, the table's labels that do (行政处罚实施数量(件)): read for the kind as prose reads its
/// clause.</param>
internal readonly record struct TableFigure(
    int Start, int End, double Value, UnitEntry? Unit, string? Subject, string Path, string? Row, string? Column, int? Year, int? YearOffset,
    string Context = "");

/// <summary>What the tables of a text hold: figures, the ranges prose must skip, and warnings.</summary>
internal sealed record TableReading(ImmutableArray<TableFigure> Figures, RangeSet Blocks, ImmutableArray<string> Warnings);

/// <summary>
/// Reads every numeric cell of every table <see cref="TableLocator"/> finds into a <see cref="TableFigure"/>, through
/// the <see cref="HeaderInterpreter"/>. Blank and placeholder cells (—, -, /, 无) are no figures; nor are cells under
/// or beside a label naming codes (序号, 电话: Resources/Metrics/table-words.tsv), nor years (2020年). A cell holding
/// several numbers run together is left alone with a warning.
/// </summary>
internal sealed class TableCellReader
{
    private readonly TableLocator _locator;
    private readonly UnitLexicon _units;
    private readonly IReadOnlySet<string> _generic;
    private readonly WordSet<string> _measures;
    private readonly string[] _labels;
    private readonly WordSet<int> _relativeYears;
    private readonly HeaderInterpreter _headers;
    private readonly CellShapes _shapes;

    /// <summary>A reader of the tables <paramref name="locator"/> finds, telling cells by the locator's shapes.</summary>
    public TableCellReader(TableLocator locator, UnitLexicon units, IReadOnlySet<string> generic)
    {
        _locator = locator;
        _shapes = locator.Shapes;
        _units = units;
        _generic = generic;
        var rows = EmbeddedData.ReadRows("Metrics/table-words.tsv").ToList();
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
        _headers = new HeaderInterpreter(HasLabelWord, _shapes);
    }

    public TableReading Read(string text)
    {
        var location = _locator.Locate(text);
        var figures = ImmutableArray.CreateBuilder<TableFigure>();
        var warnings = new List<string>(location.Warnings);
        var floor = 0;
        foreach (var grid in location.Tables)
        {
            ReadTable(text, _headers.Read(grid, warnings), TableContext.Above(text, grid.Start, floor), figures, warnings);
            floor = grid.End;
        }

        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new TableReading(figures.ToImmutable(), TableContext.Skipped(text, location.Tables, _shapes.Words), [.. warnings]);
    }

    private void ReadTable(string text, HeadedTable table, string above, ImmutableArray<TableFigure>.Builder figures, List<string> warnings)
    {
        var grid = table.Grid;
        var caption = grid.Caption is { } c ? UnitOf(c.Text) : null;
        var columns = table.Columns.Select(path => path.Select(h => Label(h.Text)).ToList()).ToList();
        var unit = TableUnit(table, columns);
        // A header over every figure column (申请人情况, 行政许可实施数量(宗)) tells the columns nothing apart: it stays in
        // the column path but not in the subjects, unless the rows have no labels to name the figures by.
        var shared = SharedHeaders(table);
        var repeated = columns.Where(c => c.Count > 0).GroupBy(c => c[^1].Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var (rowUnits, columnUnits) = WrittenUnits(text, table);
        var measures = MeasureLabels(table, columns);
        foreach (var row in table.Rows)
        {
            var labels = row.Labels.Select(l => Label(l.Text)).ToList();
            if (labels.Any(l => HasLabelWord(l.Name)))
            {
                continue; // 联系电话|0576…, 发布日期|2023
            }

            if (!row.Aligned)
            {
                ReadTotal(text, grid, row, labels, caption, figures, warnings, above);
                continue;
            }

            for (var k = 0; k < grid.ColumnCount; k++)
            {
                var cell = grid[row.Index, k];
                if (table.IsLabel[k] || cell.Copy || columns[k].Any(h => HasLabelWord(h.Name)))
                {
                    continue;
                }

                var shape = _shapes.Of(cell.Text);
                // 2020年 is never a count; a bare 2046 is (行政许可|2046). A figure needs a label or a header to name it.
                if (!CellShapes.IsFigure(shape) || (labels.Count == 0 && columns[k].Count == 0))
                {
                    continue;
                }

                var nearby = columnUnits.GetValueOrDefault(k) ?? rowUnits.GetValueOrDefault(row.Index);
                if (ReadCell(text, cell, labels, columns[k], caption, warnings, nearby) is { } figure)
                {
                    var own = columns[k].Where((_, level) => !shared.Contains(table.Columns[k][level].Text)).ToList();
                    figures.Add(figure with
                    {
                        Unit = figure.Unit ?? rowUnits.GetValueOrDefault(row.Index) ?? columnUnits.GetValueOrDefault(k) ?? unit,
                        Subject = labels.Count == 0 || own.Count == 0 ? figure.Subject : Subject(labels, own, repeated),
                        Row = labels.Count == 0 ? null : string.Join(" / ", row.Labels.Select(l => LabelText.CloseUp(l.Text))),
                        Column = columns[k].Count == 0 ? null : string.Join(" / ", table.Columns[k].Select(h => LabelText.CloseUp(h.Text))),
                        Context = labels.Concat(columns[k]).Any(IsOwnMeasure) ? above : $"{above}\n{measures}",
                    });
                }
            }
        }
    }

    /// <summary>
    /// The unit the figure cells of a row, or of a column, write when they all write the same one (数量|75件|16件|0:
    /// the bare 0 counts 件 too; 比例|49.66%|0: 0 %). Only units without 万/亿, so a bare cell is never scaled by a guess.
    /// </summary>
    private (Dictionary<int, UnitEntry> Rows, Dictionary<int, UnitEntry> Columns) WrittenUnits(string text, HeadedTable table)
    {
        var byRow = new Dictionary<int, List<UnitEntry?>>();
        var byColumn = new Dictionary<int, List<UnitEntry?>>();
        foreach (var row in table.Rows.Where(r => r.Aligned))
        {
            for (var k = 0; k < table.Grid.ColumnCount; k++)
            {
                var cell = table.Grid[row.Index, k];
                if (table.IsLabel[k] || cell.Copy || _shapes.Of(cell.Text) != CellShape.Number || !ChineseNumberParser.TryParse(text, cell.Start, out var number))
                {
                    continue;
                }

                var unit = _units.Match(text, number.End, number.Arabic) is { } u && number.End + u.Surface.Length == cell.End ? u : null;
                (byRow.TryGetValue(row.Index, out var r) ? r : byRow[row.Index] = []).Add(unit);
                (byColumn.TryGetValue(k, out var c) ? c : byColumn[k] = []).Add(unit);
            }
        }

        static Dictionary<int, UnitEntry> Agreed(Dictionary<int, List<UnitEntry?>> units) =>
            units.Where(p => p.Value.OfType<UnitEntry>().DistinctBy(u => u.Surface).Count() == 1 && p.Value.OfType<UnitEntry>().First().Scale == 1)
                .ToDictionary(p => p.Key, p => p.Value.OfType<UnitEntry>().First());

        // A row of ratios (占比 | 49% | 20% | 0) writes its rate more than once; a single rate beside counts
        // (作出维持决定 | 3509 | 74.7%) is its own column's, and says nothing of the count beside it; nor does a single
        // rate under counts (数量 over 12 | 3.5 | 100%) say anything of them.
        foreach (var units in byRow.Values.Concat(byColumn.Values))
        {
            if (units.Count(u => u?.Kind == Model.MetricKind.Rate) == 1)
            {
                units.RemoveAll(u => u?.Kind == Model.MetricKind.Rate);
            }
        }

        return (Agreed(byRow), Agreed(byColumn));
    }

    /// <summary>The one count unit the table's headers and labels name (宗 of 合计(宗) for 警告, 罚款 …), or null.</summary>
    private UnitEntry? TableUnit(HeadedTable table, List<List<HeaderLabel>> columns)
    {
        var labels = columns.SelectMany(c => c).Concat(table.Rows.SelectMany(r => r.Labels).Select(l => Label(l.Text)));
        var units = labels.Select(h => h.Unit ?? h.Measure).OfType<UnitEntry>()
            .Where(u => u.Kind is not (Model.MetricKind.Amount or Model.MetricKind.Rate)).DistinctBy(u => u.Canonical).ToList();
        return units.Count == 1 ? units[0] : null;
    }

    /// <summary>The labels of a table that name what it counts by a bracketed count unit (行政处罚实施数量(件), 合计(宗)).</summary>
    private string MeasureLabels(HeadedTable table, List<List<HeaderLabel>> columns) =>
        string.Join('\n', columns.SelectMany(c => c).Concat(table.Rows.SelectMany(r => r.Labels).Select(l => Label(l.Text)))
            .Where(h => h.Unit is { Kind: not (Model.MetricKind.Amount or Model.MetricKind.Rate) }).Select(h => h.Name).Distinct(StringComparer.Ordinal));

    /// <summary>A label with a count unit of its own that names something other than a total (行政许可实施数量(件)):
    /// its cell's kind is its own, whatever else the table counts.</summary>
    private bool IsOwnMeasure(HeaderLabel label) =>
        label.Unit is { Kind: not (Model.MetricKind.Amount or Model.MetricKind.Rate) } && !IsTotal(label.Name);

    /// <summary>Header texts found over every non-label column that has headers.</summary>
    private static HashSet<string> SharedHeaders(HeadedTable table)
    {
        var paths = table.Columns.Where((path, c) => !table.IsLabel[c] && !path.IsEmpty).ToList();
        var shared = new HashSet<string>(StringComparer.Ordinal);
        if (paths.Count >= 2)
        {
            shared.UnionWith(paths[0].Select(h => h.Text));
            foreach (var path in paths.Skip(1))
            {
                shared.IntersectWith(path.Select(h => h.Text));
            }
        }

        return shared;
    }

    /// <summary>The last cell of a row that does not line up, under the total column at the table's right edge.</summary>
    private void ReadTotal(string text, TableGrid grid, HeadedRow row, List<HeaderLabel> labels, (UnitEntry Unit, double Scale)? caption, ImmutableArray<TableFigure>.Builder figures, List<string> warnings, string above)
    {
        var last = HeaderInterpreter.Used(grid, row.Index) - 1;
        if (row.Total is not { } total || labels.Count == 0 || last < 1 || _shapes.Of(grid[row.Index, last].Text) != CellShape.Number
            || row.Labels.Any(l => l.Start == grid[row.Index, last].Start))
        {
            return;
        }

        if (ReadCell(text, grid[row.Index, last], labels, [Label(total.Text)], caption, warnings) is { } figure)
        {
            figures.Add(figure with { Row = string.Join(" / ", row.Labels.Select(l => LabelText.CloseUp(l.Text))), Column = total.Text, Context = above });
        }
    }

    private TableFigure? ReadCell(string text, GridCell cell, List<HeaderLabel> row, List<HeaderLabel> column, (UnitEntry Unit, double Scale)? caption, List<string> warnings, UnitEntry? nearby = null)
    {
        if (!ChineseNumberParser.TryParse(text, cell.Start, out var number) || number.BareMultiplier || !double.IsFinite(number.Value))
        {
            return null;
        }

        var end = number.End;
        var unit = _units.Match(text, end, number.Arabic);
        if (unit is not null)
        {
            end += unit.Surface.Length;
        }

        if (end < cell.End)
        {
            // More after the number: two numbers with only spaces between are cells run together.
            var rest = text.AsSpan(end, cell.End - end).TrimStart(' ');
            if (!rest.IsEmpty && (ChineseNumberParser.IsArabicDigit(rest[0]) || rest[0] == '.'))
            {
                warnings.Add($"table cell at offset {cell.Start} holds numbers run together ('{cell.Text}'); left unread");
            }

            return null;
        }

        // A unit in the cell wins; then a (单位) of the column headers (innermost first), of the row labels, the caption
        // above the table, then a measure word ending the innermost header or label.
        var headerUnit = column.LastOrDefault(h => h.Unit is not null) ?? row.LastOrDefault(h => h.Unit is not null);
        // A bare 0 among the rates its column or row writes (比例|74.7%|0) is a rate, whatever count unit heads the table.
        var rateNearby = nearby is { Kind: Model.MetricKind.Rate } && !row.Any(h => h.Unit is not null) && (column.Count == 0 || column[^1].Unit is null);
        (UnitEntry Unit, double Scale)? scaled = rateNearby ? (nearby!, 1.0) : headerUnit is { Unit: { } headerEntry } ? (headerEntry, headerUnit.Scale) : caption;
        var measure = scaled?.Unit ?? column.LastOrDefault()?.Measure ?? row.LastOrDefault()?.Measure;
        var value = unit is not null ? number.Value * unit.Scale : number.Value * (scaled is { } s ? s.Scale * s.Unit.Scale : 1);
        var year = row.Select(h => h.Year).LastOrDefault(y => y is not null) ?? column.Select(h => h.Year).LastOrDefault(y => y is not null);
        var offset = year is null ? row.Select(h => h.YearOffset).FirstOrDefault(y => y is not null) ?? column.Select(h => h.YearOffset).FirstOrDefault(y => y is not null) : null;
        var path = string.Concat(row.Select(h => h.Name).Concat(column.Select(h => h.Name)));
        return new TableFigure(cell.Start, end, value, unit ?? measure, Subject(row, column, EmptySet), path, null, null, year, offset);
    }

    /// <summary>
    /// A subject a person can read: the inner two row labels, then the inner two column headers that are neither generic
    /// (数量) nor years (nor, where the rows have labels, shared by every column). A column that names a measure (本年制发件数, 申请数量) follows the row (规章本年制发件数); a column
    /// that splits a counted row (申请数量 by 自然人) is set in brackets after it.
    /// </summary>
    private string? Subject(List<HeaderLabel> row, List<HeaderLabel> column, IReadOnlySet<string> repeated)
    {
        var rowNames = row.Where(h => h.Year is null && h.Name.Length > 0).Select(h => Unqualified(h.Name)).TakeLast(2).ToList();
        var rowPart = rowNames.Count == 0 ? null : string.Concat(rowNames);
        var columnNames = column.Where(h => h.Year is null && h.Name.Length > 0 && !_generic.Contains(h.Name)).Select(h => Unqualified(h.Name)).ToList();
        // The leaf names the column; its parent too where the leaf alone is too bare (其他, 本年) or heads other
        // columns as well (结果维持 under 行政复议 and under 行政诉讼), and where no row label names the figure.
        var withParent = rowPart is null || (column.Count > 0 && (column[^1].Name.Length <= 2 || column[^1].YearOffset is not null || repeated.Contains(column[^1].Name)));
        var columnPart = columnNames.Count == 0 ? null : withParent ? string.Concat(columnNames.TakeLast(2)) : columnNames[^1];
        if (rowPart is null || columnPart is null)
        {
            return rowPart ?? columnPart;
        }

        // A generic row label (数量) adds nothing to a column that names the thing (行政处罚), as a generic header adds
        // nothing to a row label.
        if (_generic.Contains(row[^1].Name))
        {
            return columnPart;
        }

        var rowCounts = row[^1].Measure is not null || EndsInCountNoun(row[^1].Name);
        var columnCounts = column[^1].Measure is not null || column[^1].Unit is not null || EndsInCountNoun(column[^1].Name) || IsTotal(column[^1].Name);
        return rowCounts && !columnCounts ? $"{rowPart}（{columnPart}）" : rowPart + columnPart;
    }

    private static readonly HashSet<string> EmptySet = [];

    /// <summary>A name without the note in brackets that qualifies it (现行有效件数 of 现行有效件数(历史累计)): the subject
    /// names the thing; the row and column fields keep the label as written. A short bracket is part of the name
    /// (乡镇(办)).</summary>
    private static string Unqualified(string name)
    {
        var open = name.LastIndexOfAny(['(', '（']);
        return open > 0 && name[^1] is ')' or '）' && name.Length - open - 2 >= MinNote ? name[..open].TrimEnd() : name;
    }

    /// <summary>Shortest bracketed note left out of a subject.</summary>
    private const int MinNote = 4;

    private bool IsTotal(string name) => _shapes.Words.IsSum(name);

    private static bool EndsInCountNoun(string name) => name.EndsWith('数') || name.EndsWith("数量", StringComparison.Ordinal) || name.EndsWith("金额", StringComparison.Ordinal);

    /// <summary>A header like 罚没金额(万元) or 收费金额（单位：万元）: name 罚没金额, unit 元, scale 10,000.</summary>
    private HeaderLabel Label(string raw)
    {
        var cell = LabelText.Clean(raw);
        var open = cell.LastIndexOfAny(['(', '（']);
        if (open > 0 && cell[^1] is ')' or '）' && UnitOf(cell[(open + 1)..^1]) is { } found)
        {
            var name = cell[..open].Trim();
            return new HeaderLabel(name, found.Unit, found.Scale, _shapes.TryYear(name, out var headerYear) ? headerYear : null, null, RelativeYear(name));
        }

        // A bracket that names no unit (现行有效件数（历史累计）) qualifies the name; the measure word stands before it.
        var bare = open > 0 && cell[^1] is ')' or '）' ? cell[..open].Trim() : cell;
        return new HeaderLabel(cell, null, 1, _shapes.TryYear(cell, out var year) ? year : null, MeasureOf(bare), RelativeYear(cell));
    }

    /// <summary>单位：万元, 万元, 件: the unit and the 万/亿 scale before it; null when the text is no unit.</summary>
    private (UnitEntry Unit, double Scale)? UnitOf(string label)
    {
        label = label.Trim();
        if (_shapes.Words.UnitLabelLength(label) is > 0 and var opening)
        {
            label = label[opening..].TrimStart(':', '：', ' ');
        }

        var scale = 1.0;
        var s = 0;
        while (s < label.Length && ChineseNumberParser.MultiplierValue(label[s]) is var m && m >= 1e4)
        {
            scale *= m;
            s++;
        }

        var unit = _units.Match(label, s, arabic: true);
        return unit is not null && s + unit.Surface.Length == label.Length ? (unit, scale) : null;
    }

    /// <summary>The unit a name's measure-word ending implies (本年制发件数 → 件), or null.</summary>
    private UnitEntry? MeasureOf(string name) =>
        name.Length > 0 && _measures.TryMatchEndingAt(name, name.Length, 0, out _, out var surface) ? _units.Match(surface, 0, arabic: true) : null;

    /// <summary>The year a header names relative to the report's (上年结转… → -1), from the words it opens with.</summary>
    private int? RelativeYear(string name) =>
        _relativeYears.TryMatchAt(name, 0, out _, out var offset) ? offset : null;

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
}
