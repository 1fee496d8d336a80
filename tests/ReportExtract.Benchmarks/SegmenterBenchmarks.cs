using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using ReportExtract.Segmentation;

namespace ReportExtract.Benchmarks;

/// <summary>
/// The jieba segmenter over the 1.3 MB parity corpus (tests/ReportExtract.Tests/Golden/jieba/corpus.txt.gz):
/// precise mode with and without the HMM, posseg tagging, and the cold load of the embedded dictionary.
/// Run: dotnet run -c Release --project tests/ReportExtract.Benchmarks -- --filter '*SegmenterBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SegmenterBenchmarks
{
    private readonly List<WordToken> _words = new(4096);
    private readonly List<TaggedToken> _tagged = new(4096);
    private string[] _lines = [];
    private JiebaSegmenter _segmenter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportExtract.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("ReportExtract.sln"), "tests", "ReportExtract.Tests", "Golden", "jieba", "corpus.txt.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        _lines = reader.ReadToEnd().Split('\n');
        _segmenter = JiebaSegmenter.LoadEmbedded();
    }

    [Benchmark(Description = "Cut 1.3 MB, HMM")]
    public int CutHmm() => Cut(hmm: true);

    [Benchmark(Description = "Cut 1.3 MB, no HMM")]
    public int CutNoHmm() => Cut(hmm: false);

    [Benchmark(Description = "Tag 1.3 MB (posseg), HMM")]
    public int TagHmm()
    {
        var count = 0;
        foreach (var line in _lines)
        {
            _tagged.Clear();
            _segmenter.Tag(line, _tagged);
            count += _tagged.Count;
        }

        return count;
    }

    [Benchmark(Description = "Load the embedded dictionary")]
    public int LoadDictionary() => JiebaResource.LoadEmbedded().Lexicon.NodeCount;

    private int Cut(bool hmm)
    {
        var count = 0;
        foreach (var line in _lines)
        {
            _words.Clear();
            _segmenter.Cut(line, _words, hmm);
            count += _words.Count;
        }

        return count;
    }
}
