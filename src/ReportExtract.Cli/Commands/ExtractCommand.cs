using System.CommandLine;
using System.Globalization;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Inputs;
using ReportExtract.Decoding;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx extract [PATHS...]</c>: reports in, one structured record per report out.</summary>
internal sealed class ExtractCommand
{

    private const string DefaultMaxSize = "64M";
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

    private readonly Argument<string[]> _paths = new("PATHS")
    {
        Description = "Report files, directories (walked recursively for --include files) and glob patterns such as \"reports/**/*.txt\" (expanded by reportx itself); - reads one report from standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _filesFrom = new("--files-from")
    {
        Description = "Also read input paths from FILE, one per line (- for standard input), after PATHS.",
        HelpName = "FILE|-",
    };

    private readonly Option<string[]> _include = new("--include")
    {
        Description = $"Which files to take from directories (repeatable; replaces the default {string.Join(" ", InputExpander.DefaultInclude)}). A glob without '/' matches file names at any depth.",
        HelpName = "GLOB",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _format = new("--format", "-f")
    {
        Description = "Output format: jsonl (one record per line), json (one indented array), csv, html (a self-contained review page) or xlsx (a workbook; needs --out). Default: from the --out extension (.jsonl .json .csv .html .xlsx), else jsonl.",
        HelpName = "jsonl|json|csv|html|xlsx",
    };

    private readonly Option<string?> _output = new("--out", "-o")
    {
        Description = "Write to FILE instead of standard output. The file is replaced only when the run completes: an interrupted or failed run leaves any previous content untouched.",
        HelpName = "FILE",
    };

    private readonly Option<string> _csvLayout = new("--csv-layout")
    {
        Description = "CSV shape: wide (one row per report, one column per catalog indicator), long (one row per metric) or form (one row per report, one column per cell of the --form standard form).",
        HelpName = "wide|long|form",
        DefaultValueFactory = _ => "wide",
    };

    private readonly Option<bool> _noBom = new("--no-bom") { Description = "Omit the UTF-8 byte order mark CSV starts with (Excel needs it to read Chinese; most other tools do not)." };

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

    private readonly Option<string?> _encoding = new("--encoding")
    {
        Description = "Read every input in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk, gb2312), big5.",
        HelpName = "NAME",
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

    private readonly Option<string> _maxSize = new("--max-size")
    {
        Description = "Refuse inputs larger than SIZE (K, M, G suffixes) without reading them.",
        HelpName = "SIZE",
        DefaultValueFactory = _ => DefaultMaxSize,
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

    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _global;

    /// <summary>Declares the command; its action runs in <paramref name="environment"/>, <paramref name="global"/> are the root's options.</summary>
    internal ExtractCommand(CliEnvironment environment, GlobalOptions global)
    {
        _environment = environment;
        _global = global;

        _format.AcceptOnlyFromAmong(OutputFormats.Names);
        _csvLayout.AcceptOnlyFromAmong("wide", "long", "form");
        _formHeaders.AcceptOnlyFromAmong("ids", "labels");

        _encoding.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } name && TextDecoder.CanonicalName(name) is null)
            {
                r.AddError($"--encoding: {TextDecoder.UnsupportedMessage(name)}");
            }
        });
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
        _maxSize.Validators.Add(r =>
        {
            if (!ByteSize.TryParse(r.GetValueOrDefault<string>() ?? string.Empty, out _))
            {
                r.AddError($"--max-size '{r.GetValueOrDefault<string>()}' is not a size: write e.g. 64M, 500K or 1G");
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
        _include.Validators.Add(r =>
        {
            foreach (var glob in r.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    Glob.Parse(glob);
                }
                catch (FormatException e)
                {
                    r.AddError($"--include {e.Message}");
                }
            }
        });
        _filesFrom.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && file != InputItem.StdinPath && !File.Exists(_environment.Resolve(file)))
            {
                r.AddError($"--files-from {file}: no such file");
            }
        });

        Command = new Command("extract", "Extract one structured record per report (JSON Lines, JSON, CSV, an HTML review page or an XLSX workbook).")
        {
            _paths, _filesFrom, _include, _format, _output, _csvLayout, _noBom, _jobs, _encoding, _keepScript, _catalog, _maxSize, _shard, _fileTimeout,
            _forms, _form, _formHeaders,
        };

        // Checks that need several options at once: still before any work.
        Command.Validators.Add(r =>
        {
            var given = r.GetValue(_paths) ?? [];
            var list = r.GetValue(_filesFrom);
            if (given.Length == 0 && list is null)
            {
                r.AddError("no inputs: give report files, directories or glob patterns, or --files-from FILE");
            }

            if (r.GetValue(_csvLayout) == "form" && r.GetValue(_form) is null)
            {
                r.AddError("--csv-layout form needs --form FORM: name the standard form whose cells become the columns, e.g. --form gip-2021");
            }

            if (list == InputItem.StdinPath && given.Contains(InputItem.StdinPath))
            {
                r.AddError("standard input cannot be both --files-from - and the input -");
            }

            if (r.GetValue(_output) is { } file)
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
            if (r.GetValue(_output) is null && r.GetValue(_format) is { } formatName
                && OutputFormats.Names.Contains(formatName, StringComparer.OrdinalIgnoreCase)
                && OutputFormats.RequiresFile(OutputFormats.Parse(formatName)))
            {
                r.AddError("--format xlsx writes a workbook (a zip file), not text: give --out FILE.xlsx");
            }
        });

        Command.SetAction((parse, cancellationToken) => new ExtractRunner(Settings(parse), environment).RunAsync(cancellationToken));
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>The command with its help examples, for the root command.</summary>
    public static CliCommand Create(CliEnvironment environment, GlobalOptions global) => new(new ExtractCommand(environment, global).Command, Examples);

    /// <summary>What a valid parse of this command asks for.</summary>
    public ExtractSettings Settings(ParseResult parse)
    {
        var outputPath = parse.GetValue(_output);
        var formatName = parse.GetValue(_format);
        return new ExtractSettings
        {
            Paths = parse.GetValue(_paths) ?? [],
            FilesFrom = parse.GetValue(_filesFrom),
            Include = [.. (parse.GetValue(_include) is { Length: > 0 } globs ? globs : InputExpander.DefaultInclude).Select(Glob.Parse)],
            Format = formatName is not null ? OutputFormats.Parse(formatName)
                : outputPath is not null ? OutputFormats.FromPath(outputPath)!.Value
                : OutputFormat.JsonLines,
            OutputPath = outputPath,
            CsvLayout = parse.GetValue(_csvLayout) switch { "long" => CsvLayout.Long, "form" => CsvLayout.Form, _ => CsvLayout.Wide },
            FormId = parse.GetValue(_form),
            FormHeaderLabels = parse.GetValue(_formHeaders) == "labels",
            ByteOrderMark = !parse.GetValue(_noBom),
            Jobs = parse.GetValue(_jobs),
            MaxBytes = ByteSize.TryParse(parse.GetValue(_maxSize) ?? DefaultMaxSize, out var max) ? max : throw new UsageException("--max-size is not a size"),
            Shard = parse.GetValue(_shard) is { } shard && InputShard.TryParse(shard, out var k) ? k : InputShard.All,
            FileTimeout = Duration.TryParse(parse.GetValue(_fileTimeout) ?? DefaultFileTimeout, out var timeout) ? timeout : throw new UsageException("--file-timeout is not a duration"),
            Options = new ExtractOptions(
                Encoding: parse.GetValue(_encoding) is { } name ? TextDecoder.CanonicalName(name) : null,
                KeepScript: parse.GetValue(_keepScript),
                CatalogPath: parse.GetValue(_catalog) is { } catalogFile ? _environment.Resolve(catalogFile) : null,
                FormsPath: parse.GetValue(_forms) is { } formsFile ? _environment.Resolve(formsFile) : null),
            Quiet = parse.GetValue(_global.Quiet),
            Verbose = parse.GetValue(_global.Verbose),
        };
    }
}
