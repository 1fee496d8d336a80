using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using ReportExtract.Cli.Inputs;
using ReportExtract.Decoding;
using ReportExtract.Segmentation;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx segment PATHS...</c>: jieba-compatible word segmentation, one output line per input line.</summary>
internal static class SegmentCommand
{
    private static readonly string[] Examples =
    [
        "reportx segment samples/wenling-government-2021.txt            words separated by spaces, as jieba.cut",
        "reportx segment --pos report.txt                                word/tag, as jieba.posseg.cut",
        "reportx segment --no-hmm --user-dict terms.txt report.txt       jieba's HMM=False and a user dictionary",
    ];

    /// <summary>The command with its arguments and options, running in <paramref name="environment"/>.</summary>
    public static CliCommand Create(CliEnvironment environment, GlobalOptions global)
    {
        var inputs = new InputOptions(environment);
        var pos = new Option<bool>("--pos") { Description = "print word/tag as jieba.posseg does" };
        var noHmm = new Option<bool>("--no-hmm") { Description = "turn the HMM for unknown words off (jieba's HMM=False)" };
        var userDict = new Option<string?>("--user-dict") { Description = "a user dictionary in jieba's format (word [freq] [tag] per line, UTF-8)", HelpName = "FILE" };
        var command = new Command("segment", "Cut text into words as jieba.cut does (tokens separated by spaces), one output line per input line.")
        {
            pos, noHmm, userDict,
        };
        inputs.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            environment, inputs, parse, parse.GetValue(pos), !parse.GetValue(noHmm), parse.GetValue(userDict), cancellationToken)));
        return new CliCommand(command, Examples);
    }

    private static int Run(CliEnvironment environment, InputOptions inputs, ParseResult parse, bool tag, bool hmm, string? userDictionary, CancellationToken cancellationToken)
    {
        var segmenter = JiebaSegmenter.LoadEmbedded();
        if (userDictionary is not null)
        {
            try
            {
                segmenter = segmenter.WithUserDictionary(File.ReadAllLines(environment.Resolve(userDictionary), Encoding.UTF8));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new UsageException($"--user-dict {userDictionary}: {CliErrors.Describe(e)}");
            }
        }

        var words = new List<WordToken>();
        var tagged = new List<TaggedToken>();

        // Closed-pipe errors surface as OutputClosedException, which the entry point turns into a quiet exit.
        using var stdout = new StreamWriter(environment.Stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var exit = InputLoop.Run(
            inputs.Expand(parse), inputs.Reader(parse), new TextDecoder(inputs.EncodingName(parse)), environment.Stderr,
            (_, decoded) => WriteSegmented(segmenter, decoded.Text, stdout, tag, hmm, words, tagged), cancellationToken);
        stdout.Flush();
        return exit;
    }

    // Optimized from the first call: a single call segments a whole file, too few calls for tiering to help.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSegmented(
        JiebaSegmenter segmenter, string text, TextWriter stdout, bool tag, bool hmm, List<WordToken> words, List<TaggedToken> tagged)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf('\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            if (tag)
            {
                tagged.Clear();
                segmenter.Tag(line, tagged, hmm);
                for (var i = 0; i < tagged.Count; i++)
                {
                    if (i > 0)
                    {
                        stdout.Write(' ');
                    }

                    stdout.Write(line.Slice(tagged[i].Start, tagged[i].Length));
                    stdout.Write('/');
                    stdout.Write(tagged[i].Tag);
                }
            }
            else
            {
                words.Clear();
                segmenter.Cut(line, words, hmm);
                for (var i = 0; i < words.Count; i++)
                {
                    if (i > 0)
                    {
                        stdout.Write(' ');
                    }

                    stdout.Write(line.Slice(words[i].Start, words[i].Length));
                }
            }

            stdout.Write('\n');
        }
    }
}
