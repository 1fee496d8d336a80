using System.CommandLine;
using System.Text;
using ReportExtract.Decoding;
using ReportExtract.Normalization;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx normalize FILE...</c>: prints the text later stages read, to inspect a file or feed another tool.</summary>
internal static class NormalizeCommand
{
    private static readonly string[] Examples =
    [
        "reportx normalize samples/longhu-urban-management-2023-traditional.txt   simplified, without pinyin noise",
        "reportx normalize --keep-script --encoding big5 page.txt",
    ];

    /// <summary>The command with its arguments and options, running in <paramref name="environment"/>.</summary>
    public static CliCommand Create(CliEnvironment environment, GlobalOptions global)
    {
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Report files (.txt, .htm, .html) to normalize.",
        };
        var keepScript = new Option<bool>("--keep-script")
        {
            Description = "Keep traditional characters (skip traditional→simplified conversion).",
        };
        var encoding = new Option<string?>("--encoding")
        {
            HelpName = "NAME",
            Description = $"Force the input encoding ({string.Join(", ", TextDecoder.SupportedEncodings)}; gbk and gb2312 read as gb18030). Detected when absent.",
        };
        encoding.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && TextDecoder.CanonicalName(name) is null)
            {
                result.AddError($"--encoding: {TextDecoder.UnsupportedMessage(name)}");
            }
        });

        var command = new Command("normalize", "Print the normalized text of each file: decoded, simplified, full-width and scraping noise removed.")
        {
            files, keepScript, encoding,
        };
        command.SetAction(parse =>
        {
            using var output = new StreamWriter(environment.Stdout, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            return Run(parse.GetValue(files) ?? [], parse.GetValue(encoding), parse.GetValue(keepScript), environment, output);
        });
        return new CliCommand(command, Examples);
    }

    /// <summary>Normalizes every file to <paramref name="output"/>; one failing file never stops the others. Returns 1 if any failed.</summary>
    private static int Run(IReadOnlyList<string> paths, string? encoding, bool keepScript, CliEnvironment environment, TextWriter output)
    {
        var error = environment.Stderr;
        var decoder = new TextDecoder(encoding);
        var normalizer = new TextNormalizer(keepScript);
        var failed = false;
        foreach (var path in paths)
        {
            byte[] bytes;
            try
            {
                using var stream = environment.OpenRead(environment.Resolve(path));
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"reportx: {path}: {e.Message}");
                failed = true;
                continue;
            }

            var decoded = decoder.Decode(bytes);
            if (decoded.Text is null)
            {
                error.WriteLine($"reportx: {path}: {decoded.Rejection}");
                failed = true;
                continue;
            }

            var normalized = normalizer.Normalize(decoded.Text, TextNormalizer.IsMarkupPath(path));
            foreach (var warning in decoded.Text.Warnings.Concat(normalized.Warnings))
            {
                error.WriteLine($"reportx: {path}: warning: {warning}");
            }

            try
            {
                output.Write(normalized.Text);
                if (!normalized.Text.EndsWith('\n'))
                {
                    output.Write('\n');
                }
            }
            catch (IOException)
            {
                // The reader went away (a closed pipe): nothing more to say to it.
                return failed ? 1 : 0;
            }
        }

        output.Flush();
        return failed ? 1 : 0;
    }

}
