using System.Text.RegularExpressions;

namespace ReportExtract.Tables;

/// <summary>A header or row label read: its name, the unit of a trailing (单位) with its 万/亿, its year, the unit its
/// measure word implies, its year relative to the report's.</summary>
/// <param name="Name">The label without its outline number and its bracketed unit (罚没金额 for 二、罚没金额(万元)).</param>
internal sealed record HeaderLabel(string Name, Metrics.UnitEntry? Unit, double Scale, int? Year, Metrics.UnitEntry? Measure, int? YearOffset);

/// <summary>Strips what is no part of a label's name: outline numbers (一、 （一） 1.) and spaces between Han characters.</summary>
internal static partial class LabelText
{
    /// <summary>The label without its outline number, its inner spaces closed up (商业 企业, 本年新 制作数量 from a &lt;br&gt;).</summary>
    /// <summary>The label as written, with the spaces between Han characters closed up (a &lt;br&gt; inside a cell).</summary>
    public static string CloseUp(string label) => Spaces().Replace(label.Trim(), string.Empty);

    public static string Clean(string label)
    {
        var cell = CloseUp(label);
        var marker = OrdinalMarker().Match(cell);
        return marker.Success && marker.Length < cell.Length ? cell[marker.Length..] : cell;
    }

    [GeneratedRegex(@"(?<=\P{IsBasicLatin})[ \u3000]+|[ \u3000]+(?=\P{IsBasicLatin})")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[、．.](?![0-9]))\s*")]
    private static partial Regex OrdinalMarker();
}
