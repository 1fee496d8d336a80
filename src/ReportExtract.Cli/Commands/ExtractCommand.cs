using System.CommandLine;
using System.Globalization;
using ReportExtract.Cli.Emitters;
using ReportExtract.Cli.Inputs;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx extract [PATHS...]</c>: reports in, one structured record per report out.</summary>
internal static class ExtractCommand
{
    /// <summary>The encodings --encoding accepts, with their aliases, mapped to the names the pipeline knows.</summary>
    private static readonly Dictionary<string, string> Encodings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf-8"] = "utf-8",
        ["utf8"] = "utf-8",
        ["utf-16le"] = "utf-16le",
        ["utf-16be"] = "utf-16be",
        ["gb18030"] = "gb18030",
        ["gbk"] = "gb18030",
        ["gb2312"] = "gb18030",
        ["big5"] = "big5",
    };

    private const string DefaultMaxSize = "64M";

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

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>, <paramref name="global"/> are the root's options.</summary>
    public static CliCommand Create(CliEnvironment environment, GlobalOptions global)
    {
        var paths = new Argument<string[]>("PATHS")
        {
            Description = "Report files, directories (walked recursively for --include files) and glob patterns such as \"reports/**/*.txt\" (expanded by reportx itself); - reads one report from standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var filesFrom = new Option<string?>("--files-from")
        {
            Description = "Also read input paths from FILE, one per line (- for standard input), after PATHS.",
            HelpName = "FILE|-",
        };
        var include = new Option<string[]>("--include")
        {
            Description = $"Which files to take from directories (repeatable; replaces the default {string.Join(" ", InputExpander.DefaultInclude)}). A glob without '/' matches file names at any depth.",
            HelpName = "GLOB",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: jsonl (one record per line), json (one indented array), csv, html (a self-contained review page) or xlsx (a workbook; needs --out). Default: from the --out extension (.jsonl .json .csv .html .xlsx), else jsonl.",
            HelpName = "jsonl|json|csv|html|xlsx",
        };
        format.AcceptOnlyFromAmong(OutputFormats.Names);
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write to FILE instead of standard output. The file is replaced only when the run completes: an interrupted or failed run leaves any previous content untouched.",
            HelpName = "FILE",
        };
        var csvLayout = new Option<string>("--csv-layout")
        {
            Description = "CSV shape: wide (one row per report, one column per catalog indicator) or long (one row per metric).",
            HelpName = "wide|long",
            DefaultValueFactory = _ => "wide",
        };
        csvLayout.AcceptOnlyFromAmong("wide", "long");
        var noBom = new Option<bool>("--no-bom") { Description = "Omit the UTF-8 byte order mark CSV starts with (Excel needs it to read Chinese; most other tools do not)." };
        var jobs = new Option<int>("--jobs", "-j")
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
        var encoding = new Option<string?>("--encoding")
        {
            Description = "Read every input in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk, gb2312), big5.",
            HelpName = "NAME",
        };
        var keepScript = new Option<bool>("--keep-script") { Description = "Keep traditional characters as written (no traditional→simplified conversion)." };
        var catalog = new Option<string?>("--catalog")
        {
            Description = "An indicator catalog file whose entries add to or replace the built-in indicators.",
            HelpName = "FILE",
        };
        var maxSize = new Option<string>("--max-size")
        {
            Description = "Refuse inputs larger than SIZE (K, M, G suffixes) without reading them.",
            HelpName = "SIZE",
            DefaultValueFactory = _ => DefaultMaxSize,
        };

        encoding.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } name && !Encodings.ContainsKey(name))
            {
                r.AddError($"unknown encoding '{name}' for --encoding: use utf-8, utf-16le, utf-16be, gb18030 (or gbk, gb2312) or big5");
            }
        });
        catalog.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && !File.Exists(environment.Resolve(file)))
            {
                r.AddError($"--catalog {file}: no such file");
            }
        });
        maxSize.Validators.Add(r =>
        {
            if (!ByteSize.TryParse(r.GetValueOrDefault<string>() ?? string.Empty, out _))
            {
                r.AddError($"--max-size '{r.GetValueOrDefault<string>()}' is not a size: write e.g. 64M, 500K or 1G");
            }
        });
        include.Validators.Add(r =>
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
        filesFrom.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && file != InputItem.StdinPath && !File.Exists(environment.Resolve(file)))
            {
                r.AddError($"--files-from {file}: no such file");
            }
        });
        var command = new Command("extract", "Extract one structured record per report (JSON Lines, JSON, CSV, an HTML review page or an XLSX workbook).")
        {
            paths, filesFrom, include, format, output, csvLayout, noBom, jobs, encoding, keepScript, catalog, maxSize,
        };

        // Checks that need several options at once: still before any work.
        command.Validators.Add(r =>
        {
            var given = r.GetValue(paths) ?? [];
            var list = r.GetValue(filesFrom);
            if (given.Length == 0 && list is null)
            {
                r.AddError("no inputs: give report files, directories or glob patterns, or --files-from FILE");
            }

            if (list == InputItem.StdinPath && given.Contains(InputItem.StdinPath))
            {
                r.AddError("standard input cannot be both --files-from - and the input -");
            }

            if (r.GetValue(output) is { } file)
            {
                var full = environment.Resolve(file);
                if (Directory.Exists(full))
                {
                    r.AddError($"--out {file} is a directory; give a file name");
                }
                else if (!Directory.Exists(Path.GetDirectoryName(full)))
                {
                    r.AddError($"--out {file}: the directory does not exist");
                }
                else if (r.GetValue(format) is null && OutputFormats.FromPath(file) is null)
                {
                    r.AddError($"cannot tell the output format from '{file}': name it .jsonl, .json, .csv, .html or .xlsx, or give --format jsonl|json|csv|html|xlsx");
                }
            }

            // Without --out only --format can name the format; an unknown name is the option's own error.
            if (r.GetValue(output) is null && r.GetValue(format) is { } formatName
                && OutputFormats.Names.Contains(formatName, StringComparer.OrdinalIgnoreCase)
                && OutputFormats.RequiresFile(OutputFormats.Parse(formatName)))
            {
                r.AddError("--format xlsx writes a workbook (a zip file), not text: give --out FILE.xlsx");
            }
        });

        command.SetAction((parse, cancellationToken) =>
        {
            var outputPath = parse.GetValue(output);
            var formatName = parse.GetValue(format);
            var settings = new ExtractSettings
            {
                Paths = parse.GetValue(paths) ?? [],
                FilesFrom = parse.GetValue(filesFrom),
                Include = [.. (parse.GetValue(include) is { Length: > 0 } globs ? globs : InputExpander.DefaultInclude).Select(Glob.Parse)],
                Format = formatName is not null ? OutputFormats.Parse(formatName)
                    : outputPath is not null ? OutputFormats.FromPath(outputPath)!.Value
                    : OutputFormat.JsonLines,
                OutputPath = outputPath,
                CsvLayout = parse.GetValue(csvLayout) == "long" ? CsvLayout.Long : CsvLayout.Wide,
                ByteOrderMark = !parse.GetValue(noBom),
                Jobs = parse.GetValue(jobs),
                MaxBytes = ByteSize.TryParse(parse.GetValue(maxSize) ?? DefaultMaxSize, out var max) ? max : throw new UsageException("--max-size is not a size"),
                Options = new ExtractOptions(
                    Encoding: parse.GetValue(encoding) is { } name ? Encodings[name] : null,
                    KeepScript: parse.GetValue(keepScript),
                    CatalogPath: parse.GetValue(catalog) is { } catalogFile ? environment.Resolve(catalogFile) : null),
                Quiet = parse.GetValue(global.Quiet),
                Verbose = parse.GetValue(global.Verbose),
            };
            return new ExtractRunner(settings, environment).RunAsync(cancellationToken);
        });

        return new CliCommand(command, Examples);
    }
}
