using Microsoft.Win32.SafeHandles;

namespace ReportExtract.Cli;

/// <summary>The process surroundings a command runs in: standard streams, working directory, terminal.</summary>
/// <remarks>
/// Commands never touch <see cref="Console"/> directly, so tests run the real command in-process with
/// captured streams and their own working directory (tests run in parallel; the process-wide current
/// directory cannot be theirs).
/// </remarks>
internal sealed record CliEnvironment
{
    /// <summary>Raw standard output; records are written as bytes (BOM and encoding are the emitter's choice).</summary>
    public required Stream Stdout { get; init; }

    /// <summary>Standard error: messages and progress.</summary>
    public required TextWriter Stderr { get; init; }

    /// <summary>Standard input, read by <c>--files-from -</c> and the <c>-</c> input.</summary>
    public required Stream Stdin { get; init; }

    /// <summary>Relative inputs and outputs resolve against this directory; paths are still reported as given.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>True when standard error is an interactive terminal (progress is drawn only then).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>True when standard output is an interactive terminal (<c>inspect</c> uses colors only then).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>
    /// True when standard output is redirected to a file (seekable: a regular file, or a device such as /dev/null)
    /// rather than a pipe or a terminal; CSV then starts with a byte order mark, as it does with --out.
    /// </summary>
    public bool StdoutIsFile { get; init; }

    /// <summary>Opens an input file for reading; replaceable so tests can provoke read failures root cannot.</summary>
    public Func<string, Stream> OpenRead { get; init; } = OpenFile;

    /// <summary>Wraps the output stream (stdout or the --out file); tests use it to make writing fail midway.</summary>
    public Func<Stream, Stream> WrapOutput { get; init; } = static stream => stream;

    /// <summary>The real console of this process.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        Stdout = OpenStandardOutput(out var isFile),
        Stderr = Console.Error,
        Stdin = Console.OpenStandardInput(),
        WorkingDirectory = Environment.CurrentDirectory,
        StderrIsTerminal = !Console.IsErrorRedirected,
        StdoutIsTerminal = !Console.IsOutputRedirected,
        StdoutIsFile = isFile,
    };

    /// <summary><paramref name="path"/> made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>
    /// On Unix, a plain stream over descriptor 1 when it is a pipe: the console stream swallows EPIPE (it pretends
    /// writes to a closed pipe succeed), which would keep a run behind <c>| head -1</c> going to the end for nothing.
    /// </summary>
    /// <remarks><paramref name="isFile"/>: descriptor 1 seeks (lseek fails on pipes, sockets and terminals).</remarks>
    private static Stream OpenStandardOutput(out bool isFile)
    {
        isFile = false;
        if (!OperatingSystem.IsWindows())
        {
            var handle = new SafeFileHandle(1, ownsHandle: false);
            if (!handle.IsInvalid)
            {
                try
                {
                    // Only for pipes, sockets and terminals: on a seekable file, FileStream would write at its own
                    // offset rather than the descriptor's, clobbering what `>>` or a shared redirect wrote before.
                    var stream = new FileStream(handle, FileAccess.Write, bufferSize: 0);
                    if (!stream.CanSeek)
                    {
                        return stream;
                    }

                    isFile = true;
                }
                catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    // Not a usable descriptor (closed, or of a kind FileStream refuses): fall back to the console stream.
                }
            }
        }

        return Console.OpenStandardOutput();
    }

    /// <summary>Opens a file for reading, shared with other readers.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
