namespace ReportExtract.Cli;

/// <summary>The process exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every input produced a record.</summary>
    public const int Success = 0;

    /// <summary>At least one input failed (the others were still written), or the run failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown option, bad value, no inputs.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
