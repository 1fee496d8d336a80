using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>What a cell holds: nothing (or a placeholder: —, -, /, 无), text, a number, a year (2022年), or a number that
/// may be a year (2022: a header among others, or a count after a label, 行政许可|2046).</summary>
internal enum CellShape
{
    Empty,
    Text,
    Number,
    Year,
    BareYear,
}

/// <summary>Tells the shape of a cell's text by the table words it is given; shared by every layout reader and the cell reader.</summary>
internal sealed class CellShapes(TableWords words)
{
    /// <summary>The table words the shapes are told by (placeholders, year suffixes).</summary>
    public TableWords Words => words;

    /// <summary>The shape of <paramref name="cell"/> (already trimmed or not).</summary>
    public CellShape Of(ReadOnlySpan<char> cell)
    {
        var s = cell.Trim(" \t\r\u3000");
        if (s.IsEmpty || s.Trim("-—–:=/／ ").IsEmpty || words.IsPlaceholder(s))
        {
            return CellShape.Empty;
        }

        // 2021年(件) heads a column of 2021 counted in 件.
        var open = s.LastIndexOfAny('(', '（');
        var name = open > 0 && s[^1] is ')' or '）' ? s[..open].Trim() : s;
        if (TryYear(name, out _))
        {
            return words.YearSuffixLength(name) > 0 ? CellShape.Year : CellShape.BareYear;
        }

        // A number starts the cell: 45, 12件, 3.5万元, -3; a cell that is a Chinese number through (十二) too, but not a
        // label that opens with an ordinal (一、本年新收…) or a digit-led label (1.属于国家秘密).
        if (ChineseNumberParser.IsArabicDigit(s[0]) || (s.Length > 1 && s[0] is '-' or '－' && ChineseNumberParser.IsArabicDigit(s[1])))
        {
            return IsOrdinalLabel(s) ? CellShape.Text : CellShape.Number;
        }

        var text = s.ToString();
        return ChineseNumberParser.DigitValue(s[0]) >= 0 && ChineseNumberParser.TryParse(text, 0, out var number)
            && number.End == s.Length && !number.BareMultiplier ? CellShape.Number : CellShape.Text;
    }

    /// <summary>True for numbers: Number, or BareYear read as a count.</summary>
    public static bool IsFigure(CellShape shape) => shape is CellShape.Number or CellShape.BareYear;

    /// <summary>1.属于国家秘密, 2、其他: an outline number opening a label, not a figure.</summary>
    private static bool IsOrdinalLabel(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && ChineseNumberParser.IsArabicDigit(s[i]))
        {
            i++;
        }

        return i < s.Length - 1 && i <= 2 && s[i] is '.' or '、' or '．' && !ChineseNumberParser.IsArabicDigit(s[i + 1]);
    }

    /// <summary>A year heading (2022, 2022年, 2022年度).</summary>
    public bool TryYear(ReadOnlySpan<char> cell, out int year)
    {
        year = 0;
        var s = cell.Trim();
        s = s[..^words.YearSuffixLength(s)];

        return s.Length == 4 && int.TryParse(s, out year) && year is >= 1949 and <= 2100;
    }
}
