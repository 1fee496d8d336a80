using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ReportExtract.Cli.Emitters;

/// <summary>How values become CSV cells: invariant numbers without exponents, and text that a spreadsheet will not run.</summary>
internal static class CsvCells
{
    /// <summary>
    /// Text that begins with one of these is a formula to Excel, LibreOffice and Google Sheets
    /// (OWASP "CSV injection"); a leading apostrophe makes it plain text again.
    /// </summary>
    private static readonly FrozenSet<char> FormulaStarts = FrozenSet.Create('=', '+', '-', '@', '\t', '\r');

    /// <summary>A text cell, neutralized against formula injection; null becomes an empty cell.</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>An integer cell (never guarded: a number is data, not a formula).</summary>
    public static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An ISO date cell (YYYY-MM-DD).</summary>
    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A boolean cell: <c>true</c>, <c>false</c> or empty.</summary>
    public static string Boolean(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => string.Empty,
    };

    /// <summary>An enum cell, spelled as in the JSON records (<c>at_least</c>).</summary>
    public static string Enum<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? EnumNames<TEnum>.Names[v] : string.Empty;

    /// <summary>A number cell; empty for null.</summary>
    public static string Number(double? value) => value is { } v ? Number(v) : string.Empty;

    /// <summary>
    /// The shortest text that reads back as the same double, in the invariant culture, never in exponent
    /// form: .NET switches to <c>1.2E+16</c> from 10^15 up and below 10^-5, which spreadsheets and humans misread.
    /// </summary>
    public static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : ExpandExponent(text, e);
    }

    private static string ExpandExponent(string text, int e)
    {
        var negative = text[0] == '-';
        var mantissa = text.AsSpan(negative ? 1 : 0, e - (negative ? 1 : 0));
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);

        // Position of the decimal point within `digits` once the exponent is applied.
        var integerDigits = (point < 0 ? mantissa.Length : point) + exponent;
        var result = integerDigits <= 0
            ? "0." + new string('0', -integerDigits) + digits
            : integerDigits >= digits.Length
                ? digits + new string('0', integerDigits - digits.Length)
                : digits[..integerDigits] + "." + digits[integerDigits..];
        return negative ? "-" + result : result;
    }

    /// <summary>snake_case names per enum value, built once (the JSON records use the same spelling).</summary>
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            System.Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
    }
}
