using System.CommandLine;
using System.Text;
using ReportExtract.Cli.Inputs;
using ReportExtract.Cli.Output;
using ReportExtract.Cli.Review;
using ReportExtract.Decoding;
using Spectre.Console;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx inspect FILE</c>: one report's metadata, section tree and metrics, for a person to check.</summary>
internal static class InspectCommand
{
    /// <summary>
    /// Width of plain output: no terminal wraps it, and a sentence on one line is what grep and diff want, so lines
    /// are as long as their content (tables and grids are sized to their content, not to this width).
    /// </summary>
    private const int PlainWidth = 4096;

    private static readonly string[] Examples =
    [
        "reportx inspect samples/wenling-government-2021.txt          metadata, sections and metrics in the terminal",
        "reportx inspect report.txt > report-view.txt                   plain text (no colors) when redirected",
    ];

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public static CliCommand Create(CliEnvironment environment, GlobalOptions global)
    {
        var file = new Argument<string>("FILE") { Description = "The report to show (- reads it from standard input)." };
        var keepScript = new Option<bool>("--keep-script") { Description = "Keep traditional characters as written (no traditional→simplified conversion)." };

        // The one option of the shared input layer that makes sense for one report; validated the same way.
        var encoding = new InputOptions(environment).Encoding;
        file.Validators.Add(r =>
        {
            // A directory is a misuse (a batch wants the review page); a missing file is an input failure, as for extract.
            if (r.GetValueOrDefault<string>() is { } path && path != InputItem.StdinPath && Directory.Exists(environment.Resolve(path)))
            {
                r.AddError($"{path} is a directory: inspect shows one report; use 'reportx extract {path} --out review.html' for a batch");
            }
        });

        var command = new Command("inspect", "Show one report in the terminal: metadata, the section tree and every metric in its sentence.")
        {
            file, keepScript, encoding,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var item = path == InputItem.StdinPath ? InputItem.Stdin() : InputItem.File(path, environment.Resolve(path));
            var content = new InputReader(environment, ByteSize.TryParse(InputOptions.DefaultMaxSize, out var max) ? max : long.MaxValue).Read(item);
            cancellationToken.ThrowIfCancellationRequested();
            if (content.Bytes is not { } bytes)
            {
                environment.Stderr.WriteLine($"reportx: {path}: {content.Error}");
                return Task.FromResult(ExitCodes.Failure);
            }

            var name = parse.GetValue(encoding) is { } given ? TextDecoder.CanonicalName(given) : null;
            var pipeline = ReportPipeline.Create(new ExtractOptions(Encoding: name, KeepScript: parse.GetValue(keepScript)));
            var result = pipeline.Extract(path, bytes, cancellationToken);
            if (result.Record is not { } record)
            {
                environment.Stderr.WriteLine($"reportx: {path}: {result.Error}");
                return Task.FromResult(ExitCodes.Failure);
            }

            using var writer = new StreamWriter(environment.Stdout, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);

            // Cells are padded to their column's width: invisible on a terminal, noise in a file.
            var console = CreateConsole(environment.StdoutIsTerminal ? writer : new TrailingSpaceTrimmer(writer), environment.StdoutIsTerminal);
            new InspectView(console, environment.StdoutIsTerminal).Render(record);
            writer.Flush();
            return Task.FromResult(ExitCodes.Success);
        });

        return new CliCommand(command, Examples);
    }

    /// <summary>A Spectre console over <paramref name="writer"/>: colors for a terminal, plain text (no ANSI codes) otherwise.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = terminal ? TerminalWidth() : PlainWidth;
        return console;
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 20 and var width ? width : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
