using System.Text;

namespace ReportExtract.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>reportx</c> produced.</summary>
internal sealed record CliResult(int ExitCode, byte[] Stdout, string Stderr)
{
    /// <summary>Standard output decoded as UTF-8 (a BOM, if any, stays as U+FEFF).</summary>
    public string Text => new UTF8Encoding(false).GetString(Stdout);

    /// <summary>The lines of standard output (JSON Lines records).</summary>
    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real <c>reportx</c> entry point in-process, with captured streams and its own working directory.</summary>
internal static class Reportx
{
    public static CliResult Run(params string[] args) => Run(new CliRunOptions(), args);

    public static CliResult Run(CliRunOptions options, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            Stdout = options.StdoutClosesAfter is { } limit ? new FailingStream(stdout, limit, FailingStream.BrokenPipe) : stdout,
            Stderr = TextWriter.Synchronized(stderr),
            Stdin = new MemoryStream(options.Stdin ?? []),
            WorkingDirectory = options.WorkingDirectory ?? RepoPaths.Root,
            StderrIsTerminal = options.StderrIsTerminal,
            StdoutIsTerminal = options.StdoutIsTerminal,
            StdoutIsFile = options.StdoutIsFile,
            OpenRead = options.OpenRead ?? CliEnvironment.OpenFile,
            WrapOutput = options.WrapOutput ?? (s => s),
        };
        var exitCode = Program.RunAsync(args, environment, cancellationToken: options.CancellationToken).GetAwaiter().GetResult();
        var result = new CliResult(exitCode, stdout.ToArray(), stderr.ToString());
        ValidateRecords(result);
        return result;
    }

    /// <summary>Every JSON record any test makes the CLI write is checked against the schema, whatever the test asserts.</summary>
    private static void ValidateRecords(CliResult result)
    {
        var text = result.Text;
        if (text.StartsWith("{\"schema\"", StringComparison.Ordinal))
        {
            // Only whole lines: a run cut short (closed pipe) may end inside a record.
            var complete = text[..(text.LastIndexOf('\n') + 1)];
            RecordSchema.AssertValid(complete.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        else if (text.StartsWith('[') && text.EndsWith("]\n", StringComparison.Ordinal))
        {
            using var array = System.Text.Json.JsonDocument.Parse(text);
            RecordSchema.AssertValid(array.RootElement.EnumerateArray().Select(e => e.GetRawText()));
        }
    }
}

/// <summary>How an in-process run differs from the defaults (repository root as working directory, empty stdin, no terminal).</summary>
internal sealed record CliRunOptions
{
    public string? WorkingDirectory { get; init; }
    public byte[]? Stdin { get; init; }
    public bool StderrIsTerminal { get; init; }

    /// <summary>Standard output is an interactive terminal.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Standard output is redirected to a file (as <c>&gt; out.csv</c>), not a pipe.</summary>
    public bool StdoutIsFile { get; init; }
    public Func<string, Stream>? OpenRead { get; init; }
    public Func<Stream, Stream>? WrapOutput { get; init; }
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The reader of standard output goes away after this many bytes (as <c>| head -c N</c> would).</summary>
    public long? StdoutClosesAfter { get; init; }
}
