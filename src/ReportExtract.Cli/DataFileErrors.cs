using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReportExtract.Cli;

/// <summary>
/// A data file given on the command line (<c>--catalog</c>, and any like it) that cannot be used: a usage error (exit 2)
/// naming the option, the file, the line and the problem, so the user can open the file at the right place.
/// </summary>
internal static partial class DataFileErrors
{
    /// <summary>True for the exceptions a loader throws for a file that is unreadable or breaks its format.</summary>
    public static bool IsDataFileError(Exception error) =>
        error is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or JsonException;

    /// <summary>
    /// The usage error for <paramref name="error"/>, raised loading <paramref name="given"/> (as the user wrote it,
    /// <paramref name="fullPath"/> resolved) for <paramref name="option"/>.
    /// </summary>
    public static UsageException Describe(string option, string given, string fullPath, Exception error)
    {
        if (error is IOException or UnauthorizedAccessException)
        {
            return new UsageException($"{option} {given}: {CliErrors.Describe(error)}", error);
        }

        var json = error as JsonException ?? error.InnerException as JsonException;
        var problem = Problem(error.Message, fullPath, given);
        if (json is not null)
        {
            // The loader's message quotes the parser's, which repeats where it stopped: say that once, as a line number.
            problem = JsonPosition().Replace(problem, string.Empty);
        }

        var line = json?.LineNumber is { } zeroBased ? zeroBased + 1 : LineOfEntry(fullPath, problem);
        var at = line is { } n ? string.Create(CultureInfo.InvariantCulture, $"line {n}: ") : string.Empty;
        return new UsageException($"{option} {given}: {at}{problem}", error);
    }

    /// <summary>The loader's message without its own "catalog PATH:" lead, which the option and the path replace.</summary>
    private static string Problem(string message, string fullPath, string given)
    {
        foreach (var path in new[] { fullPath, given })
        {
            var at = message.IndexOf(path + ": ", StringComparison.Ordinal);
            if (at >= 0)
            {
                return message[(at + path.Length + 2)..].TrimEnd('.');
            }
        }

        return message.TrimEnd('.');
    }

    /// <summary>
    /// Loaders name a bad entry by its place in the file's list ("indicator #3"); the line where that element of the
    /// file's first top-level array starts, or null when the file is not JSON of that shape.
    /// </summary>
    private static long? LineOfEntry(string fullPath, string problem)
    {
        if (EntryNumber().Match(problem) is not { Success: true } match || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(fullPath);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var seen = 0;
            while (reader.Read())
            {
                // Elements of an array that is the value of a root property sit at depth 2.
                if (reader.CurrentDepth == 2 && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject) && ++seen == number)
                {
                    return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // The file changed or is not JSON after all: the message still names the entry.
        }

        return null;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonPosition();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex EntryNumber();
}
