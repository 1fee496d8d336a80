using System.Globalization;
using System.Text.RegularExpressions;
using ReportExtract.Tables;

namespace ReportExtract.Forms;

/// <summary>What a stretch of a table's text is, read as one cell.</summary>
internal enum CellTokenKind
{
    /// <summary>A number, alone in its cell (a unit written after it allowed: 240万元).</summary>
    Number,

    /// <summary>A cell that states it is blank (—, /, 无).</summary>
    Blank,

    /// <summary>Nothing between two bars: a blank cell, or the trace of a merged one.</summary>
    Empty,

    /// <summary>Anything else: a label, a header, prose.</summary>
    Text,
}

/// <summary>One cell-sized token: kind, span in the text, value with its 万 scale applied, whether a unit said 元.</summary>
internal readonly record struct CellToken(CellTokenKind Kind, int Start, int End, double Value = 0, double Scale = 1, bool Money = false);

/// <summary>
/// Cuts a table's text into cell tokens, whatever the layout: cells end at a bar, a tab, a line break or a space, so
/// pipe rows, tab rows, aligned columns, PDF text with single spaces and one cell per line all give the same tokens.
/// Two bars with nothing between them give an <see cref="CellTokenKind.Empty"/> token.
/// </summary>
internal static partial class CellTokens
{
    /// <summary>The longest token: longer than any label of the forms (the longest, a （六） row, has 38 characters).</summary>
    public const int MaxToken = 96;

    /// <summary>The token at or after <paramref name="position"/> before <paramref name="limit"/>, or null at the limit.</summary>
    /// <param name="afterBar">In: whether a bar was the last thing read; out: the same after this token.</param>
    public static CellToken? Next(string text, ref int position, int limit, ref bool afterBar, TableWords words)
    {
        while (position < limit)
        {
            var c = text[position];
            if (IsBar(c))
            {
                position++;
                if (afterBar)
                {
                    return new CellToken(CellTokenKind.Empty, position - 1, position - 1);
                }

                afterBar = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                position++;
                continue;
            }

            // A cell is short: a longer run (prose without spaces, a run-on line) is cut into tokens of at most
            // MaxToken characters, so that no caller re-reads it from every position it tries.
            var start = position;
            var end = Math.Min(limit, start + MaxToken);
            while (position < end && !IsBar(text[position]) && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            afterBar = false;
            return Classify(text, start, position, words);
        }

        return null;
    }

    private static bool IsBar(char c) => c is '|' or '｜' or '\t';

    private static CellToken Classify(string text, int start, int end, TableWords words)
    {
        var s = text.AsSpan(start, end - start);
        if (words.IsPlaceholder(s))
        {
            return new CellToken(CellTokenKind.Blank, start, end);
        }

        var m = NumberCell().Match(text, start, end - start);
        if (!m.Success)
        {
            return new CellToken(CellTokenKind.Text, start, end);
        }

        var digits = m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        var value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (m.Groups["sign"].Success)
        {
            value = -value;
        }

        var unit = m.Groups["u"].Value;
        return new CellToken(CellTokenKind.Number, start, end, value, unit.StartsWith('万') ? 1e4 : unit.StartsWith('亿') ? 1e8 : 1, unit.EndsWith('元'));
    }

    [GeneratedRegex(@"\G(?:(?<sign>[-−－])|[+＋])?(?<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?<u>万元|亿元|元|万|件|项|个|条|次|人次)?$")]
    private static partial Regex NumberCell();
}
