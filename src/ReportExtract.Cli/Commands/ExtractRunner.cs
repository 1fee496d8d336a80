using System.Diagnostics;
using System.Globalization;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Inputs;
using ReportExtract.Cli.Output;
using ReportExtract.Cli.Processing;
using ReportExtract.Cli.Progress;
using ReportExtract.Model;

namespace ReportExtract.Cli.Commands;

/// <summary>
/// One <c>reportx extract</c> run: expand the inputs, build the pipeline once, extract in parallel, write the
/// records in input order as they come, report failures and a summary on standard error.
/// </summary>
internal sealed class ExtractRunner(ExtractSettings settings, CliEnvironment environment)
{
    /// <summary>Runs and returns the exit code; exceptions that end the run go to the caller's single mapping.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // Return to the caller before any work: the command line library installs its Ctrl+C handler only once the
        // action has handed back a task, and a signal before that would kill the process with a temporary file left.
        await Task.Yield();

        // The output first: an --out that cannot be written is known before any report is read.
        // Until Commit, an --out file is a hidden temporary one; leaving this scope without a commit deletes it.
        using var file = settings.OutputPath is { } outputPath ? OpenOutput(outputPath) : null;
        var pipeline = CreatePipeline();
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = settings.Shard.Select(new InputExpander(environment, settings.Include).Expand(settings.Paths, settings.FilesFrom, settings.NullSeparated));
        var output = new BufferedStream(environment.WrapOutput(file?.Stream ?? environment.Stdout), 64 * 1024);
        // The BOM is for a file a spreadsheet opens; in a pipe it reaches a program that takes it for part of the first header.
        var byteOrderMark = settings.ByteOrderMark ?? (file is not null || environment.StdoutIsFile);
        var emitter = OutputFormats.CreateEmitter(settings.Format, output, settings.CsvLayout, byteOrderMark, pipeline.Catalog.Ids, FormLayout(pipeline), pipeline.Forms);
        var scheduler = new OrderedParallel(settings.Jobs, OrderedParallel.WindowFor(settings.Jobs));
        var job = new Job(pipeline, new InputReader(environment, settings.MaxBytes), settings.FileTimeout, settings.Verbose, cancellationToken);

        Tally tally;
        try
        {
            tally = ProgressBarReporter.IsWanted(environment, settings.Quiet, writesStdout: file is null, inputs.Count)
                ? await ProgressBarReporter.RunAsync(environment.Stderr, inputs.Count, reporter => WriteAllAsync(inputs, job, scheduler, emitter, reporter, cancellationToken)).ConfigureAwait(false)
                : await WriteAllAsync(inputs, job, scheduler, emitter, new PlainReporter(environment.Stderr), cancellationToken).ConfigureAwait(false);

            emitter.End();
            output.Flush();
            file?.Commit();
        }
        catch (IOException e) when (e is not OutputClosedException)
        {
            // Inputs never throw (a bad input is an outcome), so an I/O error here is the output's: name it.
            throw new IOException($"cannot write {settings.OutputPath ?? "standard output"}: {CliErrors.Describe(e)}", e);
        }

        if (!settings.Quiet)
        {
            environment.Stderr.WriteLine(Summary(tally, clock.Elapsed, scheduler));
        }

        return tally.Failed > 0 || (settings.Strict && tally.WithWarnings > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Builds the stages once; a catalog that cannot be loaded is a bad --catalog value, reported before any work.</summary>
    private ReportPipeline CreatePipeline()
    {
        try
        {
            return ReportPipeline.Create(settings.Options);
        }
        catch (InvalidDataException e) when (settings.Options.FormsPath is { } forms && e.Message.StartsWith("forms ", StringComparison.Ordinal))
        {
            throw DataFileErrors.Describe("--forms", settings.FormsGiven ?? forms, forms, e);
        }
        catch (Exception e) when (settings.Options.CatalogPath is { } catalog && DataFileErrors.IsDataFileError(e))
        {
            throw DataFileErrors.Describe("--catalog", settings.CatalogGiven ?? catalog, catalog, e);
        }
    }

    /// <summary>The form of --csv-layout form; a form the catalog does not have is a usage error before any work.</summary>
    private FormColumns? FormLayout(ReportPipeline pipeline)
    {
        if (settings.FormId is not { } id)
        {
            return null;
        }

        var form = pipeline.Forms.Get(id)
            ?? throw new UsageException($"--form {id}: no such form; the form catalog has {string.Join(", ", pipeline.Forms.Forms.Select(f => f.Id))} (add one with --forms FILE)");
        return new FormColumns(form, settings.FormHeaderLabels);
    }

    /// <summary>Opens --out for writing; a directory that refuses files or a full disk is a usage error (exit 2) before any work.</summary>
    private AtomicFileWriter OpenOutput(string outputPath)
    {
        var target = environment.Resolve(outputPath);
        AtomicFileWriter file;
        try
        {
            file = AtomicFileWriter.Create(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {outputPath}: cannot write there ({CliErrors.Describe(e)}); choose another file or directory");
        }

        if (!file.IsDirect && FreeSpace(target) == 0)
        {
            file.Dispose();
            throw new UsageException($"--out {outputPath}: no space left on device; free some space or write elsewhere");
        }

        return file;
    }

    /// <summary>Free bytes on the file system of <paramref name="path"/>; null when the system cannot tell.</summary>
    private static long? FreeSpace(string path)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private async Task<Tally> WriteAllAsync(
        List<InputItem> inputs, Job job, OrderedParallel scheduler, IReportEmitter emitter, IRunReporter reporter, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        emitter.Begin();
        await foreach (var outcome in scheduler.RunAsync(inputs, job.Process, emitter.Flush, job.Timeout, cancellationToken).ConfigureAwait(false))
        {
            if (outcome.Record is { } record)
            {
                emitter.Write(record, outcome.OriginalText);
                tally.Written++;
                tally.Metrics += record.Metrics.Length;
                if (!record.Warnings.IsEmpty)
                {
                    tally.WithWarnings++;
                    if (settings.PrintWarnings)
                    {
                        foreach (var warning in record.Warnings)
                        {
                            reporter.Warned(outcome.Path, warning);
                        }
                    }
                }
            }
            else
            {
                reporter.Failed(outcome.Path, outcome.Error ?? "no record");
                tally.Failed++;
            }

            reporter.Advance();
        }

        return tally;
    }

    private string Summary(Tally tally, TimeSpan elapsed, OrderedParallel scheduler)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"reportx: {tally.Written} {Plural(tally.Written, "report", "reports")} written, {tally.Failed} failed, {tally.WithWarnings} with warnings, {tally.Metrics} {Plural(tally.Metrics, "metric", "metrics")} found in {elapsed.TotalSeconds:0.00} s");
        if (settings.Verbose)
        {
            using var process = Process.GetCurrentProcess();
            line += string.Create(CultureInfo.InvariantCulture,
                $" (jobs {settings.Jobs}, at most {scheduler.MaxBuffered} {Plural(scheduler.MaxBuffered, "record", "records")} held for ordering, peak memory {process.PeakWorkingSet64 / (1024 * 1024)} MB)");
        }

        return line;
    }

    private static string Plural(long count, string one, string many) => count == 1 ? one : many;

    /// <summary>Counts of a run.</summary>
    private sealed class Tally
    {
        public int Written { get; set; }
        public int Failed { get; set; }
        public int WithWarnings { get; set; }
        public long Metrics { get; set; }
    }

    /// <summary>A record, or why the input gave none.</summary>
    private readonly record struct Outcome(string Path, ReportRecord? Record, string? Error, string? OriginalText = null);

    /// <summary>The per-input work, run on the workers: read, then extract. Never throws: a bad input is an outcome.</summary>
    /// <remarks>
    /// The time limit per input is the scheduler's (<see cref="OrderedParallel"/>): an input that takes longer (a
    /// pathological report, a read that hangs on a stuck mount or a pipe) is given up and its worker replaced, so it
    /// costs a thread for a while, never the batch. Work runs on the worker itself: handing each report to another
    /// thread and waiting for it cost about a third of a batch's throughput on two cores.
    /// </remarks>
    private sealed class Job(ReportPipeline pipeline, InputReader reader, TimeSpan timeout, bool verbose, CancellationToken interrupted)
    {
        /// <summary>Inputs above this size are extracted one at a time (see <see cref="_large"/>).</summary>
        private const int LargeInput = 8 << 20;

        /// <summary>
        /// Extraction holds several times an input's size while it runs (decoded text, normalized text and their
        /// offset maps), so two 50 MB reports at once would double the peak: large inputs take turns.
        /// </summary>
        private readonly SemaphoreSlim _large = new(1, 1);

        /// <summary>What an input that ran over the limit yields.</summary>
        public ItemTimeout<InputItem, Outcome> Timeout =>
            new(timeout, item => new Outcome(item.Path, null, $"gave up after {Duration.Format(timeout)} (see --file-timeout)"));

        public Outcome Process(InputItem item) => ReadAndExtract(item, interrupted);

        private Outcome ReadAndExtract(InputItem item, CancellationToken giveUp)
        {
            try
            {
                var content = reader.Read(item);
                if (content.Bytes is not { } bytes)
                {
                    return new Outcome(item.Path, null, content.Error);
                }

                var large = bytes.Length > LargeInput;
                if (large)
                {
                    // Bounded: a large input stuck past the limit is given up, and the turn passes on.
                    if (!_large.Wait(timeout, giveUp))
                    {
                        return new Outcome(item.Path, null, $"gave up after {Duration.Format(timeout)} (see --file-timeout)");
                    }
                }

                try
                {
                    var result = pipeline.Extract(item.Path, bytes, giveUp);
                    return new Outcome(item.Path, result.Record, result.Error, result.OriginalText);
                }
                finally
                {
                    if (large)
                    {
                        _large.Release();
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !giveUp.IsCancellationRequested)
            {
                // A stage failing on one report is a bug to report, but it must not cost the other reports.
                return Failed(item, e);
            }
        }

        // A stage failing on one report is a bug to report, but it must not cost the other reports.
        private Outcome Failed(InputItem item, Exception e) =>
            new(item.Path, null, CliErrors.Describe(e) + (verbose ? Environment.NewLine + e : string.Empty));
    }
}
