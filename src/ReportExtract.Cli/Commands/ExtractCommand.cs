using System.CommandLine;
using System.Globalization;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Inputs;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx extract [PATHS...]</c>: reports in, one structured record per report out.</summary>
internal sealed class ExtractCommand
{

    private const string DefaultFileTimeout = "2m";

    private static readonly string[] Examples =
    [
        "reportx extract samples/*.txt                        one JSON line per report on stdout",
        "reportx extract reports/ --format csv --out out.csv  spreadsheet-ready CSV, one row per report",
        "reportx extract \"reports/**/*.htm*\" --out all.json   the program expands the pattern (no shell needed)",
        "find scraped -name '*.txt' | reportx extract --files-from - > all.jsonl",
        "reportx extract reports/ --format csv --csv-layout long --out metrics.csv   one row per metric",
        "reportx extract reports/ --out review.html             a page to check every figure in its text",
        "reportx extract reports/ --out reports.xlsx            a workbook: reports sheet and metrics sheet",
    ];

    private readonly Option<string?> _format = new("--format", "-f")
    {
        Description = "Output format: jsonl (one record per line), json (one indented array), csv, html (a self-contained review page) or xlsx (a workbook; needs --out). Default: from the --out extension (.jsonl .json .csv .html .xlsx), else jsonl.",
        HelpName = "jsonl|json|csv|html|xlsx",
    };

    private readonly Option<string?> _output = new("--out", "-o")
    {
        Description = "Write to FILE instead of standard output (- is standard output). The file is replaced only when the run completes: an interrupted or failed run leaves any previous content untouched.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _csvLayout = new("--csv-layout")
    {
        Description = "CSV shape (CSV output only): wide (default; one row per report, one column per catalog indicator), long (one row per metric) or form (one row per report, one column per cell of the --form standard form).",
        HelpName = string.Join('|', CsvLayouts.Names),
    };

    private readonly Option<bool> _bom = new("--bom") { Description = "Start CSV with the UTF-8 byte order mark even on a pipe (by default only a file gets it: Excel needs it to read Chinese)." };

    private readonly Option<bool> _noBom = new("--no-bom") { Description = "Never write the UTF-8 byte order mark, even into a file (for tools that take it for part of the first header)." };

    private readonly Option<bool> _warnings = new("--warnings") { Description = "Print each record's warnings on standard error, one 'reportx: PATH: warning: TEXT' line each." };

    private readonly Option<bool> _strict = new("--strict") { Description = "Exit 1 when any record has a warning (the records are still written)." };

    private readonly Option<int> _jobs = new("--jobs", "-j")
    {
        Description = "Reports processed at once. The output order is the input order whatever N is.",
        HelpName = "N",
        DefaultValueFactory = _ => Environment.ProcessorCount,

        // A parser rather than a validator: "many" and "0" get the same message, and no conversion exception.
        CustomParser = r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1024)
            {
                return n;
            }

            r.AddError($"--jobs must be a whole number from 1 to 1024, not '{string.Join(' ', r.Tokens.Select(t => t.Value))}'");
            return 0;
        },
    };

    private readonly Option<bool> _keepScript = new("--keep-script") { Description = "Keep traditional characters as written (no traditional→simplified conversion)." };

    private readonly Option<string?> _catalog = new("--catalog")
    {
        Description = "An indicator catalog file whose entries add to or replace the built-in indicators.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _forms = new("--forms")
    {
        Description = "A form catalog file (one form or an array, as the built-in gip-2019/gip-2021) whose forms add to or replace the built-in standard forms.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _form = new("--form")
    {
        Description = "The standard form of --csv-layout form, e.g. gip-2021 (政府信息公开工作年度报告, 2021 format) or gip-2019.",
        HelpName = "FORM",
    };

    private readonly Option<string> _formHeaders = new("--form-headers")
    {
        Description = "Headers of the form layout's cell columns: ids (requests.new.natural_person) or labels (row and column labels).",
        HelpName = "ids|labels",
        DefaultValueFactory = _ => "ids",
    };

    private readonly Option<string?> _shard = new("--shard")
    {
        Description = "Process only the K-th of N shards of the inputs (1 <= K <= N). An input's shard is 1 + the first 8 bytes (big-endian) of the SHA-256 of its path as given (UTF-8, '\\' read as '/') modulo N, so machines split an archive without coordination and the N outputs together hold every record once.",
        HelpName = "K/N",
    };

    private readonly Option<string> _fileTimeout = new("--file-timeout")
    {
        Description = "Give up on a report that takes longer than this (e.g. 500ms, 30s, 5m; a bare number is seconds): it becomes an error line and the batch goes on.",
        HelpName = "DURATION",
        DefaultValueFactory = _ => DefaultFileTimeout,
    };

    private readonly InputOptions _inputs;
    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _global;

    /// <summary>Declares the command; its action runs in <paramref name="environment"/>, <paramref name="global"/> are the root's options.</summary>
    internal ExtractCommand(CliEnvironment environment, GlobalOptions global)
    {
        _environment = environment;
        _global = global;

        _inputs = new InputOptions(environment);

        // Names are compared ignoring case (--format CSV, --csv-layout Long), as file extensions are.
        _format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, OutputFormats.Names);
        _csvLayout.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, CsvLayouts.Names);
        _formHeaders.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "ids", "labels");

        _catalog.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && !File.Exists(_environment.Resolve(file)))
            {
                r.AddError($"--catalog {file}: no such file");
            }
        });
        _forms.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && !File.Exists(_environment.Resolve(file)))
            {
                r.AddError($"--forms {file}: no such file");
            }
        });
        _shard.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } shard && !InputShard.TryParse(shard, out _))
            {
                r.AddError($"--shard '{shard}' is not K/N with 1 <= K <= N: write e.g. --shard 3/8 for the third of eight shards");
            }
        });
        _fileTimeout.Validators.Add(r =>
        {
            if (!Duration.TryParse(r.GetValueOrDefault<string>() ?? string.Empty, out _))
            {
                r.AddError($"--file-timeout '{r.GetValueOrDefault<string>()}' is not a duration: write e.g. 30s, 500ms or 5m");
            }
        });
        Command = new Command("extract", "Extract one structured record per report (JSON Lines, JSON, CSV, an HTML review page or an XLSX workbook).")
        {
            _format, _output, _csvLayout, _bom, _noBom, _jobs, _keepScript, _catalog, _shard, _fileTimeout, _warnings, _strict,
            _forms, _form, _formHeaders,
        };
        _inputs.AddTo(Command);

        // Checks that need several options at once: still before any work.
        Command.Validators.Add(r =>
        {
            if (CsvLayouts.Parse(r.GetValue(_csvLayout)) == CsvLayout.Form && r.GetValue(_form) is null)
            {
                r.AddError("--csv-layout form needs --form FORM: name the standard form whose cells become the columns, e.g. --form gip-2021");
            }

            var toFile = r.GetValue(_output) is { } given && !IsStdout(given);
            if (toFile && r.GetValue(_output) is { } file)
            {
                var full = _environment.Resolve(file);
                if (Directory.Exists(full))
                {
                    r.AddError($"--out {file} is a directory; give a file name");
                }
                else if (!Directory.Exists(Path.GetDirectoryName(full)))
                {
                    r.AddError($"--out {file}: the directory does not exist");
                }
                else if (r.GetValue(_format) is null && OutputFormats.FromPath(file) is null)
                {
                    r.AddError($"cannot tell the output format from '{file}': name it .jsonl, .json, .csv, .html or .xlsx, or give --format jsonl|json|csv|html|xlsx");
                }
            }

            // Without --out only --format can name the format; an unknown name is the option's own error.
            if (!toFile && r.GetValue(_format) is { } formatName
                && OutputFormats.Names.Contains(formatName, StringComparer.OrdinalIgnoreCase)
                && OutputFormats.RequiresFile(OutputFormats.Parse(formatName)))
            {
                r.AddError("--format xlsx writes a workbook (a zip file), not text: give --out FILE.xlsx");
            }

            // An option that only shapes CSV is a mistake with any other format: say so rather than ignore it.
            var format = FormatOf(r.GetValue(_format), r.GetValue(_output));
            if (format is { } f && f != OutputFormat.Csv)
            {
                foreach (var csvOnly in new Option[] { _csvLayout, _bom, _noBom })
                {
                    // A --csv-layout value that is no layout at all is the option's own error, reported alone.
                    if (r.GetResult(csvOnly) is { Implicit: false } option
                        && (csvOnly != _csvLayout || CsvLayouts.Names.Contains(option.GetValueOrDefault<string?>(), StringComparer.OrdinalIgnoreCase)))
                    {
                        r.AddError($"{csvOnly.Name} applies to CSV output only, and this run writes {OutputFormats.NameOf(f)}: add --format csv (or an .csv --out), or drop {csvOnly.Name}");
                    }
                }
            }

            if (r.GetValue(_bom) && r.GetValue(_noBom))
            {
                r.AddError("--bom and --no-bom contradict each other: give one");
            }
        });

        Command.SetAction((parse, cancellationToken) => new ExtractRunner(Settings(parse), environment).RunAsync(cancellationToken));
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>The command with its help examples, for the root command.</summary>
    public static CliCommand Create(CliEnvironment environment, GlobalOptions global) => new(new ExtractCommand(environment, global).Command, Examples);

    /// <summary>True for the --out value that names standard output.</summary>
    private static bool IsStdout(string output) => output == "-";

    /// <summary>The output format --format and --out ask for; null when they name none (an unknown extension, reported on its own).</summary>
    private static OutputFormat? FormatOf(string? formatName, string? outputPath) =>
        formatName is not null ? OutputFormats.Names.Contains(formatName, StringComparer.OrdinalIgnoreCase) ? OutputFormats.Parse(formatName) : null
        : outputPath is not null && !IsStdout(outputPath) ? OutputFormats.FromPath(outputPath)
        : OutputFormat.JsonLines;

    /// <summary>What a valid parse of this command asks for.</summary>
    public ExtractSettings Settings(ParseResult parse)
    {
        var outputPath = parse.GetValue(_output) is { } given && !IsStdout(given) ? given : null;
        return new ExtractSettings
        {
            Paths = parse.GetValue(_inputs.Paths) ?? [],
            FilesFrom = parse.GetValue(_inputs.FilesFrom),
            NullSeparated = parse.GetValue(_inputs.NullSeparated),
            Include = _inputs.IncludeGlobs(parse),
            Format = FormatOf(parse.GetValue(_format), outputPath) ?? throw new UsageException("no output format"),
            OutputPath = outputPath,
            CsvLayout = CsvLayouts.Parse(parse.GetValue(_csvLayout)),
            ByteOrderMark = parse.GetValue(_bom) ? true : parse.GetValue(_noBom) ? false : null,
            FormId = parse.GetValue(_form),
            FormHeaderLabels = string.Equals(parse.GetValue(_formHeaders), "labels", StringComparison.OrdinalIgnoreCase),
            Jobs = parse.GetValue(_jobs),
            MaxBytes = _inputs.MaxBytes(parse),
            Shard = parse.GetValue(_shard) is { } shard && InputShard.TryParse(shard, out var k) ? k : InputShard.All,
            FileTimeout = Duration.TryParse(parse.GetValue(_fileTimeout) ?? DefaultFileTimeout, out var timeout) ? timeout : throw new UsageException("--file-timeout is not a duration"),
            Options = new ExtractOptions(
                Encoding: _inputs.EncodingName(parse),
                KeepScript: parse.GetValue(_keepScript),
                CatalogPath: parse.GetValue(_catalog) is { } catalogFile ? _environment.Resolve(catalogFile) : null,
                FormsPath: parse.GetValue(_forms) is { } formsFile ? _environment.Resolve(formsFile) : null),
            FormsGiven = parse.GetValue(_forms),
            CatalogGiven = parse.GetValue(_catalog),
            PrintWarnings = parse.GetValue(_warnings),
            Strict = parse.GetValue(_strict),
            Quiet = parse.GetValue(_global.Quiet),
            Verbose = parse.GetValue(_global.Verbose),
        };
    }
}
