using System.CommandLine;
using ReportExtract.Decoding;

namespace ReportExtract.Cli.Inputs;

/// <summary>
/// The input arguments and options every command that reads reports shares (extract, normalize, segment): paths,
/// directories, globs, <c>--files-from</c> (with <c>-0</c>), <c>-</c>, <c>--include</c>, <c>--encoding</c> and
/// <c>--max-size</c>, with one set of validation rules, so that every command reads its inputs the same way.
/// </summary>
internal sealed class InputOptions
{
    /// <summary>The --max-size of a run that does not give one.</summary>
    public const string DefaultMaxSize = "64M";

    private readonly CliEnvironment _environment;

    /// <summary>Declares the options; relative paths resolve in <paramref name="environment"/>.</summary>
    public InputOptions(CliEnvironment environment)
    {
        _environment = environment;
        Encoding.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } name && TextDecoder.CanonicalName(name) is null)
            {
                r.AddError($"--encoding: {TextDecoder.UnsupportedMessage(name)}");
            }
        });
        MaxSize.Validators.Add(r =>
        {
            if (!ByteSize.TryParse(r.GetValueOrDefault<string>() ?? string.Empty, out _))
            {
                r.AddError($"--max-size '{r.GetValueOrDefault<string>()}' is not a size: write e.g. 64M, 500K or 1G");
            }
        });
        Include.Validators.Add(r =>
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
        FilesFrom.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && file != InputItem.StdinPath)
            {
                var full = _environment.Resolve(file);
                if (Directory.Exists(full))
                {
                    r.AddError($"--files-from {file}: is a directory; give a file that lists paths");
                }
                else if (!File.Exists(full))
                {
                    r.AddError($"--files-from {file}: no such file");
                }
            }
        });
    }

    /// <summary>The positional inputs.</summary>
    public Argument<string[]> Paths { get; } = new("PATHS")
    {
        Description = "Report files, directories (walked recursively for --include files) and glob patterns such as \"reports/**/*.txt\" (expanded by reportx itself); - reads one report from standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>A file listing more inputs.</summary>
    public Option<string?> FilesFrom { get; } = new("--files-from")
    {
        Description = "Also read input paths from FILE, one per line (- for standard input), after PATHS.",
        HelpName = "FILE|-",
    };

    /// <summary>The --files-from list is NUL-separated (<c>find -print0</c>), so paths may hold line breaks.</summary>
    public Option<bool> NullSeparated { get; } = new("--null", "-0")
    {
        Description = "The --files-from list separates paths with NUL bytes, as find -print0 writes them (paths may then hold line breaks).",
    };

    /// <summary>Which files directories contribute.</summary>
    public Option<string[]> Include { get; } = new("--include")
    {
        Description = $"Which files to take from directories (repeatable; replaces the default {string.Join(" ", InputExpander.DefaultInclude)}). A glob without '/' matches file names at any depth.",
        HelpName = "GLOB",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>A forced input encoding.</summary>
    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = $"Read every input in this encoding instead of detecting it: {string.Join(", ", TextDecoder.SupportedEncodings)} (gbk and gb2312 read as gb18030).",
        HelpName = "NAME",
    };

    /// <summary>The largest input read.</summary>
    public Option<string> MaxSize { get; } = new("--max-size")
    {
        Description = "Refuse inputs larger than SIZE (K, M, G suffixes) without reading them.",
        HelpName = "SIZE",
        DefaultValueFactory = _ => DefaultMaxSize,
    };

    /// <summary>Adds the argument and options to <paramref name="command"/>, with the checks that need several of them.</summary>
    public void AddTo(Command command)
    {
        command.Add(Paths);
        command.Add(FilesFrom);
        command.Add(NullSeparated);
        command.Add(Include);
        command.Add(Encoding);
        command.Add(MaxSize);
        command.Validators.Add(r =>
        {
            var given = r.GetValue(Paths) ?? [];
            var list = r.GetValue(FilesFrom);
            if (given.Length == 0 && list is null)
            {
                r.AddError("no inputs: give report files, directories or glob patterns, or --files-from FILE");
            }

            if (list == InputItem.StdinPath && given.Contains(InputItem.StdinPath))
            {
                r.AddError("standard input cannot be both --files-from - and the input -");
            }

            if (r.GetValue(NullSeparated) && list is null)
            {
                r.AddError("--null (-0) describes the --files-from list: give --files-from FILE too");
            }
        });
    }

    /// <summary>The inputs of a valid parse, in output order.</summary>
    public List<InputItem> Expand(ParseResult parse) =>
        new InputExpander(_environment, IncludeGlobs(parse)).Expand(parse.GetValue(Paths) ?? [], parse.GetValue(FilesFrom), parse.GetValue(NullSeparated));

    /// <summary>The --include globs of a valid parse (the defaults when none is given).</summary>
    public IReadOnlyList<Glob> IncludeGlobs(ParseResult parse) =>
        [.. (parse.GetValue(Include) is { Length: > 0 } globs ? globs : InputExpander.DefaultInclude).Select(Glob.Parse)];

    /// <summary>The canonical forced encoding of a valid parse; null detects.</summary>
    public string? EncodingName(ParseResult parse) => parse.GetValue(Encoding) is { } name ? TextDecoder.CanonicalName(name) : null;

    /// <summary>The --max-size of a valid parse, in bytes.</summary>
    public long MaxBytes(ParseResult parse) =>
        ByteSize.TryParse(parse.GetValue(MaxSize) ?? DefaultMaxSize, out var max) ? max : throw new UsageException("--max-size is not a size");

    /// <summary>A reader of the inputs of a valid parse, refusing those over --max-size.</summary>
    public InputReader Reader(ParseResult parse) => new(_environment, MaxBytes(parse));
}
