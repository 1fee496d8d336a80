using System.CommandLine;
using System.Text;
using ReportExtract.Cli.Inputs;
using ReportExtract.Decoding;
using ReportExtract.Normalization;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx normalize PATHS...</c>: prints the text later stages read, to inspect a file or feed another tool.</summary>
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
        var inputs = new InputOptions(environment);
        var keepScript = new Option<bool>("--keep-script")
        {
            Description = "Keep traditional characters (skip traditional→simplified conversion).",
        };

        var command = new Command("normalize", "Print the normalized text of each input: decoded, simplified, full-width and scraping noise removed.")
        {
            keepScript,
        };
        inputs.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var items = inputs.Expand(parse);
            var normalizer = new TextNormalizer(parse.GetValue(keepScript));
            using var output = new StreamWriter(environment.Stdout, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            var exit = InputLoop.Run(items, inputs.Reader(parse), new TextDecoder(inputs.EncodingName(parse)), environment.Stderr, (item, decoded) =>
            {
                var normalized = normalizer.Normalize(decoded, TextNormalizer.IsMarkupPath(item.Path));
                foreach (var warning in decoded.Warnings.Concat(normalized.Warnings))
                {
                    environment.Stderr.WriteLine($"reportx: {item.Path}: warning: {warning}");
                }

                output.Write(normalized.Text);
                if (!normalized.Text.EndsWith('\n'))
                {
                    output.Write('\n');
                }
            }, cancellationToken);
            output.Flush();
            return Task.FromResult(exit);
        });
        return new CliCommand(command, Examples);
    }
}
