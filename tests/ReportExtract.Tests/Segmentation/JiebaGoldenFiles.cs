using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ReportExtract.Tests.Segmentation;

/// <summary>The parity corpus and the reference's output, as committed by tools/jieba/make_golden.py.</summary>
internal static class JiebaGoldenFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<string[]> LazyCorpus = new(() => SplitLines(ReadGz("corpus.txt.gz")));

    /// <summary>The repository root (where ReportExtract.sln lives).</summary>
    public static string Root => LazyRoot.Value;

    public static string[] Corpus => LazyCorpus.Value;

    /// <summary>Per corpus line, the words <c>jieba.cut</c> produced.</summary>
    public static string[][] Words(string name) =>
        SplitLines(ReadGz(name)).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToArray();

    /// <summary>Per corpus line, <c>word/tag</c> strings from <c>jieba.posseg.cut</c>.</summary>
    public static string[][] Tagged(string name) =>
        SplitLines(ReadGz(name)).Select(l => JsonSerializer.Deserialize<string[][]>(l)!.Select(p => p[0] + "/" + p[1]).ToArray()).ToArray();

    /// <summary>Lines of the repository's samples/*.txt as the corpus holds them (those with a Han character).</summary>
    public static IEnumerable<string> SampleLines() =>
        Directory.GetFiles(Path.Combine(Root, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => SplitLines(File.ReadAllText(f, Encoding.UTF8)))
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Any(c => c is >= '\u4E00' and <= '\u9FD5'));

    private static string ReadGz(string name)
    {
        using var file = File.OpenRead(Path.Combine(Root, "tests", "ReportExtract.Tests", "Golden", "jieba", name));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ReportExtract.sln not found above " + AppContext.BaseDirectory);
    }
}
