using System.CommandLine;
using System.Text;
using ReportExtract.Segmentation;

namespace ReportExtract.Cli.Commands;

/// <summary><c>reportx segment FILE...</c>: jieba-compatible word segmentation, one output line per input line.</summary>
internal static class SegmentCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "UTF-8 text files to segment", Arity = ArgumentArity.OneOrMore };
        var pos = new Option<bool>("--pos") { Description = "print word/tag as jieba.posseg does" };
        var noHmm = new Option<bool>("--no-hmm") { Description = "turn the HMM for unknown words off (jieba's HMM=False)" };
        var command = new Command("segment", "Cut text into words as jieba.cut does (tokens separated by spaces).") { files, pos, noHmm };
        command.SetAction(result => Run(result.GetValue(files) ?? [], result.GetValue(pos), !result.GetValue(noHmm)));
        return command;
    }

    private static int Run(string[] paths, bool tag, bool hmm)
    {
        var segmenter = JiebaSegmenter.Default;
        var exit = 0;
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var words = new List<WordToken>();
        var tagged = new List<TaggedToken>();
        try
        {
            foreach (var path in paths)
            {
                string text;
                try
                {
                    text = File.ReadAllText(path, Encoding.UTF8);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"reportx segment: cannot read {path}: {e.Message} (check the path and permissions)");
                    exit = 1;
                    continue;
                }

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

            stdout.Flush();
        }
        catch (IOException)
        {
            // The reader went away (a closed pipe): stop quietly, as head(1) users expect.
            return exit;
        }

        return exit;
    }
}
