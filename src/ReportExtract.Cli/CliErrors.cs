namespace ReportExtract.Cli;

/// <summary>The one place where exceptions become exit codes and one-line messages.</summary>
internal static class CliErrors
{
    /// <summary>The exit code of a run that ended with <paramref name="error"/>.</summary>
    public static int ExitCodeFor(Exception error) => error switch
    {
        OutputClosedException => ExitCodes.Success,
        UsageException => ExitCodes.Usage,
        OperationCanceledException => ExitCodes.Interrupted,
        _ => ExitCodes.Failure,
    };

    /// <summary>True when nothing should be printed: the reader of our output left, which is not an error.</summary>
    public static bool IsQuiet(Exception error) => error is OutputClosedException;

    /// <summary>What went wrong, in words a user can act on (no type names for expected I/O failures).</summary>
    public static string Describe(Exception error) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        OperationCanceledException => "interrupted",
        UsageException => TrimPeriod(error.Message),
        IOException => TrimPeriod(WithoutPath(error.Message)),
        _ => $"internal error ({error.GetType().Name}: {TrimPeriod(error.Message)}); run again with --verbose and report it",
    };

    /// <summary>True for the error a write to a pipe whose reader has gone raises (EPIPE on Unix, broken pipe / no data on Windows).</summary>
    public static bool IsBrokenPipe(IOException error) =>
        error.HResult is 32 or unchecked((int)0x8007006D) or unchecked((int)0x800700E8)
        || error.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    private static string TrimPeriod(string message) => message.TrimEnd().TrimEnd('.');

    /// <summary>
    /// .NET on Unix writes "No space left on device : '/abs/path'"; our lines already name the file as the user
    /// gave it, and the absolute path (of a temporary file, for --out) only confuses.
    /// </summary>
    private static string WithoutPath(string message)
    {
        var at = message.LastIndexOf(" : '", StringComparison.Ordinal);
        return at > 0 && message.EndsWith('\'') ? message[..at] : message;
    }
}
