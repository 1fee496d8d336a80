using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ReportExtract.Cli.Emitters;
using ReportExtract.Decoding;
using ReportExtract.Metadata;
using ReportExtract.Metrics;
using ReportExtract.Model;
using ReportExtract.Normalization;
using ReportExtract.Sections;
using ReportExtract.Segmentation;
using ReportExtract.Tables;

namespace ReportExtract.Benchmarks;

/// <summary>
/// Each stage of the pipeline, and the whole pipeline, over about 1 MB of report text: the five samples repeated
/// as separate documents (every tenth in GB18030, as scraped archives mix them). Each stage is fed the previous
/// stages' output, prepared once, so a row measures that stage alone. MB/s counts input bytes (10^6 per MB).
/// </summary>
[Config(typeof(StageConfig))]
[MemoryDiagnoser]
public class StageBenchmarks
{
    private const int TargetBytes = 1 << 20;

    private readonly TextDecoder _decoder = new();
    private readonly TextNormalizer _normalizer = new();
    private readonly SectionSplitter _splitter = new();
    private readonly MetadataExtractor _metadata = new();
    private readonly MetricRecognizer _metrics = new();
    private readonly ReportPipeline _pipeline = ReportPipeline.Create();
    private readonly List<WordToken> _words = new(1 << 16);
    private readonly JiebaSegmenter _segmenter = JiebaSegmenter.LoadEmbedded();
    private readonly TableLocator _tables = new();

    private byte[][] _bytes = [];
    private DecodedText[] _decoded = [];
    private string[] _texts = [];
    private ImmutableArray<Section>[] _sections = [];
    private int?[] _years = [];
    private ReportRecord[] _records = [];
    private IReadOnlyList<string> _indicatorIds = [];

    /// <summary>Input bytes of the corpus (the whole set of documents).</summary>
    internal static long CorpusBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Corpus();
        CorpusBytes = _bytes.Sum(b => (long)b.Length);
        _decoded = [.. _bytes.Select(b => _decoder.Decode(b).Decoded ?? throw new InvalidOperationException("a sample was rejected"))];
        _texts = [.. _decoded.Select(d => _normalizer.Normalize(d, isMarkup: false).Text)];
        _sections = [.. _texts.Select(_splitter.Split)];
        _years = [.. _texts.Select((t, i) => _metadata.Extract(t, _sections[i]).ReportYear)];
        _records = [.. _bytes.Select((b, i) => _pipeline.Extract($"report-{i}.txt", b).Record!)];
        _indicatorIds = _pipeline.Catalog.Ids;
    }

    [Benchmark(Description = "decode")]
    public int Decode()
    {
        var n = 0;
        foreach (var bytes in _bytes)
        {
            n += _decoder.Decode(bytes).Decoded!.Text.Length;
        }

        return n;
    }

    [Benchmark(Description = "normalize")]
    public int Normalize()
    {
        var n = 0;
        foreach (var decoded in _decoded)
        {
            n += _normalizer.Normalize(decoded, isMarkup: false).Text.Length;
        }

        return n;
    }

    [Benchmark(Description = "sections")]
    public int Sections()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += _splitter.Split(text).Length;
        }

        return n;
    }

    [Benchmark(Description = "metadata")]
    public int Metadata()
    {
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            n += _metadata.Extract(_texts[i], _sections[i]).ReportYear ?? 0;
        }

        return n;
    }

    [Benchmark(Description = "segment (whole text, jieba HMM)")]
    public int Segment()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            _words.Clear();
            _segmenter.Cut(text, _words);
            n += _words.Count;
        }

        return n;
    }

    [Benchmark(Description = "tables (grids in every layout)")]
    public int Tables()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += _tables.Locate(text).Tables.Length;
        }

        return n;
    }

    [Benchmark(Description = "metrics (segments around figures)")]
    public int Metrics()
    {
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            n += _metrics.Recognize(_texts[i], _sections[i], _years[i]).Metrics.Length;
        }

        return n;
    }

    [Benchmark(Description = "emit jsonl")]
    public long EmitJsonLines()
    {
        var output = new CountingStream();
        var emitter = new JsonLinesReportEmitter(output);
        foreach (var record in _records)
        {
            emitter.Write(record);
        }

        emitter.End();
        return output.Length;
    }

    [Benchmark(Description = "emit csv (wide)")]
    public long EmitCsv()
    {
        var output = new CountingStream();
        var emitter = new CsvReportEmitter(output, CsvLayout.Wide, byteOrderMark: true, _indicatorIds);
        emitter.Begin();
        foreach (var record in _records)
        {
            emitter.Write(record);
        }

        emitter.End();
        return output.Length;
    }

    [Benchmark(Description = "whole pipeline (bytes to record)")]
    public int Pipeline()
    {
        var n = 0;
        for (var i = 0; i < _bytes.Length; i++)
        {
            n += _pipeline.Extract("report.txt", _bytes[i]).Record!.Metrics.Length;
        }

        return n;
    }

    /// <summary>The samples repeated as separate documents up to about 1 MB; every tenth in GB18030.</summary>
    internal static byte[][] Corpus()
    {
        var root = FindRoot();
        var samples = Directory.GetFiles(Path.Combine(root, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var documents = new List<byte[]>();
        long total = 0;
        for (var i = 0; total < TargetBytes; i++)
        {
            var text = samples[i % samples.Length];
            var bytes = i % 10 == 9 ? gb18030.GetBytes(text) : Encoding.UTF8.GetBytes(text);
            documents.Add(bytes);
            total += bytes.Length;
        }

        return [.. documents];
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

    /// <summary>A sink that only counts: emitting is measured without the cost of keeping the bytes.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void WriteByte(byte value) => _length++;
    }

    private sealed class StageConfig : ManualConfig
    {
        // Short runs: a 1 MB operation is steady after a few iterations, and the whole class runs in minutes.
        public StageConfig()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn(
                "input megabytes (10^6) of the ~1 MB corpus per second",
                _ => CorpusBytes > 0 ? CorpusBytes : Corpus().Sum(b => (long)b.Length)));
        }
    }
}
