using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReportExtract.Cli.Progress;

/// <summary>What a run tells the user on standard error while it works: failed inputs and, on a terminal, progress.</summary>
internal interface IRunReporter
{
    /// <summary>One input produced no record.</summary>
    void Failed(string path, string reason);

    /// <summary>A record came with a warning (printed only with --warnings).</summary>
    void Warned(string path, string warning);

    /// <summary>One more input is done (written or failed).</summary>
    void Advance();
}

/// <summary>The wording of the lines every reporter writes.</summary>
internal static class RunReporter
{
    /// <summary>One warning of one record: <c>reportx: PATH: warning: TEXT</c>.</summary>
    public static string WarningLine(string path, string warning) => $"reportx: {path}: warning: {warning}";
}

/// <summary>Plain lines on standard error; used whenever no progress bar is drawn.</summary>
internal sealed class PlainReporter(TextWriter stderr) : IRunReporter
{
    public void Failed(string path, string reason) => stderr.WriteLine($"reportx: {path}: {reason}");

    public void Warned(string path, string warning) => stderr.WriteLine(RunReporter.WarningLine(path, warning));

    public void Advance()
    {
    }
}

/// <summary>
/// A Spectre.Console progress bar on standard error (files done/total, throughput, time left); failure
/// lines go through the same console so the bar redraws below them instead of through them.
/// </summary>
internal sealed class ProgressBarReporter : IRunReporter
{
    private readonly IAnsiConsole _console;
    private readonly ProgressTask _task;

    private ProgressBarReporter(IAnsiConsole console, ProgressTask task)
    {
        _console = console;
        _task = task;
    }

    /// <summary>A handful of inputs finish too fast for a bar to be worth drawing.</summary>
    public const int MinimumInputs = 10;

    /// <summary>
    /// A bar only where it helps and harms nothing: standard error is a terminal, standard output is not one (records
    /// and the redrawn bar would interleave on the screen), not --quiet, and more than a handful of inputs.
    /// </summary>
    public static bool IsWanted(CliEnvironment environment, bool quiet, bool writesStdout, int inputs) =>
        environment.StderrIsTerminal && !(writesStdout && environment.StdoutIsTerminal) && !quiet && inputs >= MinimumInputs;

    /// <summary>Runs <paramref name="body"/> with a bar of <paramref name="total"/> files drawn on <paramref name="stderr"/>.</summary>
    public static Task<T> RunAsync<T>(TextWriter stderr, int total, Func<IRunReporter, Task<T>> body)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new FilesColumn(),
                new ThroughputColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => body(new ProgressBarReporter(console, context.AddTask("extracting", autoStart: true, maxValue: total))));
    }

    public void Failed(string path, string reason) => _console.WriteLine($"reportx: {path}: {reason}", Style.Plain);

    public void Warned(string path, string warning) => _console.WriteLine(RunReporter.WarningLine(path, warning), Style.Plain);

    public void Advance() => _task.Increment(1);

    /// <summary>done/total files.</summary>
    private sealed class FilesColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0} files"));
    }

    /// <summary>Files per second.</summary>
    private sealed class ThroughputColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:0.0} files/s") : "? files/s");
    }
}
