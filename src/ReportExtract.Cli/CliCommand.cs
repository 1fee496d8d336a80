using System.CommandLine;

namespace ReportExtract.Cli;

/// <summary>A subcommand with the examples its --help ends with.</summary>
internal sealed record CliCommand(Command Command, IReadOnlyList<string> Examples);

/// <summary>Options every command takes; one set per root command (a symbol belongs to the commands it was added to).</summary>
internal sealed class GlobalOptions
{
    /// <summary>Only errors on standard error: no progress, no summary.</summary>
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors on standard error (no progress bar, no summary).", Recursive = true };

    /// <summary>Stack traces and run statistics.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Add details: stack traces of internal errors, memory and ordering statistics.", Recursive = true };
}
