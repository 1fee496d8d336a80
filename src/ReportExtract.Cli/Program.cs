using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using System.Text;
using ReportExtract.Cli.Commands;
using ReportExtract.Cli.Output;

namespace ReportExtract.Cli;

/// <summary>The <c>reportx</c> entry point: parse, dispatch to a command, turn what went wrong into an exit code.</summary>
internal static class Program
{
    /// <summary>Every subcommand; adding one is one line here plus its own file under Commands/.</summary>
    private static readonly Func<CliEnvironment, GlobalOptions, CliCommand>[] Commands =
    [
        ExtractCommand.Create,
        NormalizeCommand.Create,
        InspectCommand.Create,
        SegmentCommand.Create,
    ];

    private static int Main(string[] args) =>
        RunAsync(args, CliEnvironment.FromConsole(), handleTermination: true).GetAwaiter().GetResult();

    /// <summary>Runs <c>reportx</c> with <paramref name="args"/> in <paramref name="environment"/>; returns the exit code.</summary>
    /// <param name="handleTermination">Turn Ctrl+C and SIGTERM into cancellation (only for the real process).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, CliEnvironment environment, bool handleTermination = false, CancellationToken cancellationToken = default)
    {
        // Standard output that reports a vanished reader (`| head -1`) as OutputClosedException.
        environment = environment with { Stdout = new PipeGuardStream(environment.Stdout) };
        var global = new GlobalOptions();
        var root = BuildRootCommand(environment, global);

        // `reportx` alone is someone finding out what it does: the help, not an error.
        var parse = root.Parse(args.Count == 0 ? ["--help"] : args);
        var verbose = parse.GetValue(global.Verbose);

        var unknownOptions = UnknownOptions(parse);
        if (parse.Action is ParseErrorAction || unknownOptions.Count > 0)
        {
            foreach (var option in unknownOptions)
            {
                await environment.Stderr.WriteLineAsync($"reportx: unknown option '{option}' (a path that starts with '-' goes after --, or as ./{option})").ConfigureAwait(false);
            }

            foreach (var error in parse.Errors)
            {
                await environment.Stderr.WriteLineAsync($"reportx: {error.Message}").ConfigureAwait(false);
            }

            await environment.Stderr.WriteLineAsync($"try '{HelpCommandLine(parse)}'").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Help and --version write here; commands write records to environment.Stdout themselves.
        var helpOutput = new StreamWriter(environment.Stdout, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true);

        // Signals are ours, not the command line library's: see Interruption.
        using var interruption = handleTermination ? Interruption.Register(environment.Stderr) : null;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption?.Token ?? CancellationToken.None);
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = helpOutput,
                Error = environment.Stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            var exitCode = await parse.InvokeAsync(configuration, cancel.Token).ConfigureAwait(false);
            await helpOutput.FlushAsync(cancel.Token).ConfigureAwait(false);
            return interruption?.Happened == true ? ExitCodes.Interrupted : exitCode;
        }
        catch (Exception e)
        {
            return Report(e, parse, environment.Stderr, verbose, interruption?.Happened == true);
        }
    }

    /// <summary>The single mapping of exceptions that end a run to a message and an exit code.</summary>
    /// <param name="interrupted">A signal came: its message is written already, and the run ends with 130 whatever the error.</param>
    private static int Report(Exception error, ParseResult parse, TextWriter stderr, bool verbose, bool interrupted)
    {
        if (interrupted)
        {
            return ExitCodes.Interrupted;
        }

        if (!CliErrors.IsQuiet(error))
        {
            stderr.WriteLine($"reportx: {CliErrors.Describe(error)}");
            if (error is UsageException)
            {
                if (verbose && error.InnerException is { } cause)
                {
                    stderr.WriteLine(cause);
                }

                stderr.WriteLine($"try '{HelpCommandLine(parse)}'");
            }
            else if (verbose)
            {
                stderr.WriteLine(error);
            }
        }

        return CliErrors.ExitCodeFor(error);
    }

    private static RootCommand BuildRootCommand(CliEnvironment environment, GlobalOptions global)
    {
        var root = new RootCommand(
            "reportx turns Chinese government report text (法治政府建设年度报告 and kin) into structured records:"
            + " metadata, the section tree and every stated figure with its unit and its place in the original text.")
        {
            global.Quiet,
            global.Verbose,
        };

        var examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [root] = ["reportx extract samples/", "reportx extract reports/ --format csv --out out.csv", "reportx extract --help"],
        };
        foreach (var create in Commands)
        {
            var command = create(environment, global);
            root.Add(command.Command);
            examples[command.Command] = command.Examples;
        }

        // The default prints the entry assembly's version, which is the test host's when run in-process.
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction();

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction((HelpAction)help.Action!, examples);
        return root;
    }

    /// <summary>
    /// Words like <c>--bogus</c> that the parser took as paths because no option has that name. A path argument
    /// accepts any word, so the parser cannot tell a misspelled option from a file; before <c>--</c> we decide it is an option.
    /// </summary>
    private static List<string> UnknownOptions(ParseResult parse)
    {
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToList();
        var unknown = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-'
                && positional.Exists(p => ReferenceEquals(p, token)))
            {
                unknown.Add(token.Value);
            }
        }

        return unknown;
    }

    /// <summary><c>reportx extract --help</c> for an error in extract's arguments, <c>reportx --help</c> otherwise.</summary>
    private static string HelpCommandLine(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', ["reportx", .. names, "--help"]);
    }

    /// <summary>Prints the version of reportx (informational: with the commit it was built from).</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var assembly = typeof(Program).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return ExitCodes.Success;
        }
    }

    /// <summary>The standard help, followed by the command's examples.</summary>
    private sealed class HelpWithExamplesAction(HelpAction standard, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            return exitCode;
        }
    }
}
