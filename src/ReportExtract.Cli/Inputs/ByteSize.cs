using System.Globalization;

namespace ReportExtract.Cli.Inputs;

/// <summary>Sizes as users write them: <c>64M</c>, <c>500k</c>, <c>1G</c>, <c>1048576</c>.</summary>
internal static class ByteSize
{
    /// <summary>Parses a size with an optional K/M/G/T suffix (powers of 1024; a trailing B or iB is allowed).</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var upper = text.Trim().ToUpperInvariant();
        upper = upper.EndsWith("IB", StringComparison.Ordinal) ? upper[..^2] : upper.EndsWith('B') ? upper[..^1] : upper;
        var multiplier = upper.Length == 0 ? 1L : upper[^1] switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            'T' => 1L << 40,
            _ => 1L,
        };
        var digits = multiplier == 1 ? upper : upper[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = number * multiplier;
        return true;
    }

    /// <summary>A size in the largest whole binary unit that keeps it readable (<c>64 MB</c>, <c>1.5 KB</c>).</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
