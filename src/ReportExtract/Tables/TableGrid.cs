using System.Collections.Immutable;

namespace ReportExtract.Tables;

/// <summary>How a table was written in the normalized text.</summary>
public enum TableLayout
{
    /// <summary>Rows of cells set off by <c>|</c> (Markdown, and HTML tables as the normalizer writes them) or tabs.</summary>
    Delimited,

    /// <summary>Columns aligned by runs of two or more spaces or by U+3000.</summary>
    Aligned,

    /// <summary>One cell per line, the column count given by a known header or by the rhythm of the numbers.</summary>
    CellPerLine,

    /// <summary>One row per line, a label and its figure (罚款 4, 合计6(件)).</summary>
    LabelValue,
}

/// <summary>One cell of a grid: its trimmed text and where that text stands in the normalized text.</summary>
/// <param name="Text">The cell's text, trimmed; empty for an empty cell.</param>
/// <param name="Start">Start of the trimmed text in the normalized text (for an empty cell, where the cell stands).</param>
/// <param name="End">End of the trimmed text in the normalized text.</param>
/// <param name="Copy">True when the cell repeats a merged neighbour (a header cell over several columns written once
/// then left empty, <c>行政复议||</c>; a label over several rows): its text and span are the neighbour's.</param>
public readonly record struct GridCell(string Text, int Start, int End, bool Copy = false)
{
    /// <summary>True when the cell holds nothing.</summary>
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>
/// A table read from the normalized text: rows × columns of cells, every row as wide as the widest (short rows are
/// padded with empty cells spanning nothing, at the row's end). Which rows head the columns and which columns label the
/// rows is the reader's first reading (rows and columns without figures); the header interpreter reads them.
/// </summary>
/// <param name="Rows">The cells, row by row, in reading order.</param>
/// <param name="Start">Start of the table's first line in the normalized text.</param>
/// <param name="End">End of the table's last line.</param>
/// <param name="HeaderRows">How many rows at the top head the columns.</param>
/// <param name="LabelColumns">How many columns at the left label the rows.</param>
/// <param name="Caption">The unit line just above the table (<c>单位：万元</c>), if any.</param>
/// <param name="Layout">How the table was written.</param>
/// <param name="RowWidths">How many cells each row really held before padding (a row that does not line up with its
/// header is narrower or wider than the grid).</param>
public sealed record TableGrid(
    ImmutableArray<ImmutableArray<GridCell>> Rows,
    int Start,
    int End,
    int HeaderRows,
    int LabelColumns,
    GridCell? Caption,
    TableLayout Layout,
    ImmutableArray<int> RowWidths)
{
    /// <summary>How many columns every row has.</summary>
    public int ColumnCount => Rows.IsEmpty ? 0 : Rows[0].Length;

    /// <summary>The cell at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public GridCell this[int row, int column] => Rows[row][column];
}
