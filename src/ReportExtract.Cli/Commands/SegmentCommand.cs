using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using ReportExtract.Segmentation;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx segment FILE...</c>: jieba-compatible word segmentation, one output line per input line.</summary>
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
        var files = new Argument<string[]>("FILE") { Description = "UTF-8 text files to segment", Arity = ArgumentArity.OneOrMore };
        var pos = new Option<bool>("--pos") { Description = "print word/tag as jieba.posseg does" };
        var noHmm = new Option<bool>("--no-hmm") { Description = "turn the HMM for unknown words off (jieba's HMM=False)" };
        var userDict = new Option<string?>("--user-dict") { Description = "a user dictionary in jieba's format (word [freq] [tag] per line, UTF-8)", HelpName = "FILE" };
        var command = new Command("segment", "Cut text into words as jieba.cut does (tokens separated by spaces), one output line per input line.")
        {
            files, pos, noHmm, userDict,
        };
        command.SetAction(result => Run(environment, result.GetValue(files) ?? [], result.GetValue(pos), !result.GetValue(noHmm), result.GetValue(userDict)));
        return new CliCommand(command, Examples);
    }

    private static int Run(CliEnvironment environment, string[] paths, bool tag, bool hmm, string? userDictionary)
    {
        var segmenter = JiebaSegmenter.Default;
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

        var exit = ExitCodes.Success;
        var words = new List<WordToken>();
        var tagged = new List<TaggedToken>();
        // Closed-pipe errors surface as OutputClosedException, which the entry point turns into a quiet exit.
        using var stdout = new StreamWriter(environment.Stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        foreach (var path in paths)
        {
            string text;
            try
            {
                using var reader = new StreamReader(environment.OpenRead(environment.Resolve(path)), Encoding.UTF8);
                text = reader.ReadToEnd();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Stderr.WriteLine($"reportx: {path}: {CliErrors.Describe(e)}");
                exit = ExitCodes.Failure;
                continue;
            }

            WriteSegmented(segmenter, text, stdout, tag, hmm, words, tagged);
        }

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
