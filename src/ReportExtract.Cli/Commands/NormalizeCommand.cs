using System.CommandLine;
using ReportExtract.Decoding;
using ReportExtract.Normalization;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx normalize FILE...</c>: prints the text later stages read, to inspect a file or feed another tool.</summary>
internal static class NormalizeCommand
{
    /// <summary>The command with its arguments and options.</summary>
    public static Command Create()
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
            if (result.GetValueOrDefault<string?>() is { } name && !TryCreateDecoder(name, out var message))
            {
                result.AddError(message);
            }
        });

        var command = new Command("normalize", "Print the normalized text of each file: decoded, simplified, full-width and scraping noise removed.")
        {
            files, keepScript, encoding,
        };
        command.SetAction(parse => Run(
            parse.GetValue(files) ?? [],
            parse.GetValue(encoding),
            parse.GetValue(keepScript),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Normalizes every file to <paramref name="output"/>; one failing file never stops the others. Returns 1 if any failed.</summary>
    public static int Run(IReadOnlyList<string> paths, string? encoding, bool keepScript, TextWriter output, TextWriter error)
    {
        var decoder = new TextDecoder(encoding);
        var normalizer = new TextNormalizer(keepScript);
        var failed = false;
        foreach (var path in paths)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
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

            var normalized = normalizer.Normalize(decoded.Text, IsMarkupPath(path));
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

    private static bool TryCreateDecoder(string name, out string message)
    {
        try
        {
            _ = new TextDecoder(name);
            message = string.Empty;
            return true;
        }
        catch (ArgumentException e)
        {
            message = e.Message.Split(" (Parameter", 2)[0];
            return false;
        }
    }

    private static bool IsMarkupPath(string path) =>
        path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
}
