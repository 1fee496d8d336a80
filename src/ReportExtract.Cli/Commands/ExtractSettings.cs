using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Inputs;

namespace ReportExtract.Cli.Commands;

/// <summary>Everything <c>reportx extract</c> was asked to do, validated before any work starts.</summary>
internal sealed record ExtractSettings
{
    public required IReadOnlyList<string> Paths { get; init; }
    public string? FilesFrom { get; init; }

    /// <summary>The --files-from list is NUL-separated (-0).</summary>
    public bool NullSeparated { get; init; }
    public required IReadOnlyList<Glob> Include { get; init; }
    public required OutputFormat Format { get; init; }

    /// <summary>The --out file as given; null writes to standard output.</summary>
    public string? OutputPath { get; init; }
    public CsvLayout CsvLayout { get; init; }
    /// <summary>CSV byte order mark: forced on or off (--bom, --no-bom), or null for "only into a file".</summary>
    public bool? ByteOrderMark { get; init; }

    /// <summary>The standard form of the form layout (--form); checked against the form catalog once it is loaded.</summary>
    public string? FormId { get; init; }

    /// <summary>Row and column labels instead of cell ids as the form layout's headers (--form-headers labels).</summary>
    public bool FormHeaderLabels { get; init; }
    public required int Jobs { get; init; }
    public required long MaxBytes { get; init; }

    /// <summary>The part of the inputs this run processes (--shard); all of them by default.</summary>
    public InputShard Shard { get; init; } = InputShard.All;

    /// <summary>How long one report may take before it is given up as an error (--file-timeout).</summary>
    public TimeSpan FileTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public ExtractOptions Options { get; init; }

    /// <summary>The --catalog file as the user wrote it (Options has it resolved).</summary>
    public string? CatalogGiven { get; init; }

    /// <summary>The --forms file as the user wrote it (Options has it resolved).</summary>
    public string? FormsGiven { get; init; }

    /// <summary>Print every record warning on standard error (--warnings).</summary>
    public bool PrintWarnings { get; init; }

    /// <summary>Any record warning makes the exit code 1 (--strict).</summary>
    public bool Strict { get; init; }
    public bool Quiet { get; init; }
    public bool Verbose { get; init; }
}
