using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportExtract.Tests.Segmentation;

/// <summary>The parity corpus and the reference's output, as committed by tools/jieba/make_golden.py.</summary>
internal static class JiebaGoldenFiles
{
    private static readonly Lazy<string[]> LazyCorpus = new(() => SplitLines(ReadGz("corpus.txt.gz")));

    /// <summary>The repository root (where ReportExtract.sln lives).</summary>
    public static string Root => Repository.Root;

    public static string[] Corpus => LazyCorpus.Value;

    // Parsed once per test run: several tests read the same files.
    private static readonly ConcurrentDictionary<string, Lazy<string[][]>> Parsed = new(StringComparer.Ordinal);

    /// <summary>Per corpus line, the words <c>jieba.cut</c> produced.</summary>
    public static string[][] Words(string name) =>
        Parsed.GetOrAdd(name, n => new Lazy<string[][]>(() =>
            SplitLines(ReadGz(n)).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToArray())).Value;

    /// <summary>Per corpus line, <c>word/tag</c> strings from <c>jieba.posseg.cut</c>.</summary>
    public static string[][] Tagged(string name) =>
        Parsed.GetOrAdd(name, n => new Lazy<string[][]>(() =>
            SplitLines(ReadGz(n)).Select(l => JsonSerializer.Deserialize<string[][]>(l)!.Select(p => p[0] + "/" + p[1]).ToArray()).ToArray())).Value;

    /// <summary>The seeded mixed-script lines with the reference's output in all four modes.</summary>
    public static MixedCase[] MixedCases() =>
        SplitLines(ReadGz("mixed.jsonl.gz")).Select(l => JsonSerializer.Deserialize<MixedCase>(l)!).ToArray();

    /// <summary>One line of mixed.jsonl.gz.</summary>
    public sealed record MixedCase(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("cut")] string[] Cut,
        [property: JsonPropertyName("cut_nohmm")] string[] CutNoHmm,
        [property: JsonPropertyName("pos")] string[][] Pos,
        [property: JsonPropertyName("pos_nohmm")] string[][] PosNoHmm);

    /// <summary>Lines of the repository's samples/*.txt as the corpus holds them (those with a Han character).</summary>
    public static IEnumerable<string> SampleLines() =>
        Directory.GetFiles(System.IO.Path.Combine(Root, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => SplitLines(File.ReadAllText(f, Encoding.UTF8)))
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Any(c => c is >= '\u4E00' and <= '\u9FD5'));

    /// <summary>A file of Golden/jieba.</summary>
    public static string Path(string name) => System.IO.Path.Combine(Root, "tests", "ReportExtract.Tests", "Golden", "jieba", name);

    private static string ReadGz(string name)
    {
        using var file = File.OpenRead(Path(name));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
