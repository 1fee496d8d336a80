using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ReportExtract.Model;
using ReportExtract.Normalization;

namespace ReportExtract.Benchmarks;

/// <summary>
/// Throughput of the traditional→simplified converter on the OpenCC parity corpus (traditional) and on the
/// simplified samples, each repeated to about 4 MB of UTF-8. MB/s counts UTF-8 input bytes, as opencc and
/// opencc-js read them (tools/opencc/bench.sh measures those on the same text).
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class ConverterBenchmarks
{
    private const int TargetBytes = 4 << 20;

    private readonly TraditionalToSimplifiedConverter _converter = TraditionalToSimplifiedConverter.LoadEmbedded();
    private string _traditional = string.Empty;
    private string _simplified = string.Empty;

    /// <summary>UTF-8 size of the traditional text.</summary>
    internal static long TraditionalBytes { get; private set; }

    /// <summary>UTF-8 size of the simplified text.</summary>
    internal static long SimplifiedBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _traditional = Repeat(Directory.GetFiles(Path.Combine(root, "tests", "ReportExtract.Tests", "Golden", "opencc", "input"), "*.txt"));
        _simplified = Repeat(Directory.GetFiles(Path.Combine(root, "samples"), "*.txt")
            .Where(f => !f.Contains("traditional", StringComparison.Ordinal)).ToArray());
        TraditionalBytes = Encoding.UTF8.GetByteCount(_traditional);
        SimplifiedBytes = Encoding.UTF8.GetByteCount(_simplified);
        if (_converter.DetectScript(_traditional) != ScriptKind.Traditional || _converter.DetectScript(_simplified) != ScriptKind.Simplified)
        {
            throw new InvalidOperationException("benchmark corpus is not what it claims to be");
        }
    }

    [Benchmark(Description = "Convert traditional")]
    public string ConvertTraditional() => _converter.Convert(_traditional);

    [Benchmark(Description = "ConvertMapped traditional")]
    public MappedText ConvertMappedTraditional() => _converter.ConvertMapped(_traditional);

    [Benchmark(Description = "Simplify traditional")]
    public MappedText SimplifyTraditional() => _converter.Simplify(_traditional).Text;

    [Benchmark(Description = "DetectScript simplified")]
    public ScriptKind DetectScriptSimplified() => _converter.DetectScript(_simplified);

    [Benchmark(Description = "Simplify simplified")]
    public MappedText SimplifySimplified() => _converter.Simplify(_simplified).Text;

    [Benchmark(Description = "Convert simplified")]
    public string ConvertSimplified() => _converter.Convert(_simplified);

    [Benchmark(Description = "Load dictionaries")]
    public object LoadDictionaries() => OpenCcDictionary.LoadEmbedded();

    private static string Repeat(string[] files)
    {
        var one = string.Concat(files.Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f, Encoding.UTF8)));
        var copies = (int)Math.Ceiling(TargetBytes / (double)Encoding.UTF8.GetByteCount(one));
        return new StringBuilder(one.Length * copies).Insert(0, one, copies).ToString();
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

    private sealed class ThroughputConfig : ManualConfig
    {
        // Short runs: the inputs are large enough for a few iterations to be steady, and CI time is shared.
        public ThroughputConfig()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn("UTF-8 input megabytes (10^6) per second", BytesPerOperation));
        }

        private static long? BytesPerOperation(BenchmarkCase benchmarkCase)
        {
            var name = benchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
            if (name.Contains("Load", StringComparison.Ordinal))
            {
                return null;
            }

            if (TraditionalBytes == 0)
            {
                new ConverterBenchmarks().Setup();
            }

            return name.Contains("traditional", StringComparison.Ordinal) ? TraditionalBytes : SimplifiedBytes;
        }
    }
}
