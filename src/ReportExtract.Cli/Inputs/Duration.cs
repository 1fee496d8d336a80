using System.Globalization;

namespace ReportExtract.Cli.Inputs;

/// <summary>Durations as users write them: <c>90</c> (seconds), <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>.</summary>
internal static class Duration
{
    /// <summary>Parses a positive duration; a bare number is seconds.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim().ToLowerInvariant();
        var (digits, unit) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
            _ => (trimmed, 1.0),
        };
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number <= 0 || number * unit > TimeSpan.FromDays(1).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(number * unit);
        return duration > TimeSpan.Zero;
    }

    /// <summary>A duration the way a user would have written it (<c>30s</c>, <c>500ms</c>, <c>2m</c>).</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: < 1000 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.#}ms"),
        { TotalSeconds: < 120 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0.#}m"),
    };
}
