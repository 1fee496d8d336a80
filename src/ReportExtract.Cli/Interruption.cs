using System.Runtime.InteropServices;

namespace ReportExtract.Cli;

/// <summary>
/// Ctrl+C and SIGTERM for the real process: the first signal writes <c>reportx: interrupted</c> at once and cancels
/// the run, which then ends with exit code 130 as it unwinds (an --out file left untouched). A command stuck in a
/// read that cannot be cancelled (an open standard input, a hung mount) is ended after a grace period, its message
/// already written; a second signal ends the process at once.
/// </summary>
/// <remarks>
/// The command line library's own handler ends the process 2 s after the signal whatever the command is doing; on
/// a loaded machine the command had not yet written its message by then, and the run ended with 130 and nothing said.
/// </remarks>
internal sealed class Interruption : IDisposable
{
    /// <summary>Message of an interrupted run, on standard error.</summary>
    public const string Message = "reportx: interrupted";

    /// <summary>How long a cancelled command may take to unwind before the process is ended for it.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _stderr;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    private Interruption(TextWriter stderr)
    {
        _stderr = stderr;
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(Register).OfType<PosixSignalRegistration>()];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>True once a signal came (and its message was written).</summary>
    public bool Happened => Volatile.Read(ref _signals) > 0;

    /// <summary>Takes over SIGINT and SIGTERM for this process until disposed.</summary>
    public static Interruption Register(TextWriter stderr) => new(stderr);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    /// <summary>Handles <paramref name="signal"/>; null where the platform has no such signal (the default stays).</summary>
    private PosixSignalRegistration? Register(PosixSignal signal)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, OnSignal);
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The process ends on our terms: after the message, with 130, once the run has cleaned up.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            Environment.Exit(ExitCodes.Interrupted);
        }

        _stderr.WriteLine(Message);
        _stderr.Flush();
        _ = Task.Run(() => _cancel.Cancel());
        _ = Task.Delay(GracePeriod).ContinueWith(_ => Environment.Exit(ExitCodes.Interrupted), TaskScheduler.Default);
    }
}
