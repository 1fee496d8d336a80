using System.Diagnostics;
using System.Runtime;
using ReportExtract.Decoding;
using ReportExtract.Metadata;
using ReportExtract.Metrics;
using ReportExtract.Normalization;
using ReportExtract.Sections;
using ReportExtract.Tables;

namespace ReportExtract.Benchmarks;

/// <summary>
/// One stage (or the whole pipeline) over <see cref="StageBenchmarks"/>' corpus in a loop, reported as input MB per
/// CPU-second of the process and bytes allocated per input byte, after a warm-up. CPU time, not wall time: on a
/// loaded machine it moves far less than BenchmarkDotNet's wall-clock rows, so two builds run one after the other
/// can be compared while other work runs. Besides the stages, <c>chain</c> runs every stage on one document before
/// the next (as the pipeline does) and <c>staged</c> every document through one stage before the next: the
/// difference is what the stages lose to each other in the caches.
/// </summary>
internal static class StageCpuMeter
{
    public static readonly string[] Modes = ["decode", "normalize", "sections", "metadata", "tables", "metrics", "chain", "staged", "pipeline"];

    /// <summary>Runs <paramref name="mode"/> for <paramref name="seconds"/> and prints one line; false for an unknown mode.</summary>
    public static bool Run(string mode, double seconds)
    {
        if (!Modes.Contains(mode))
        {
            return false;
        }

        // No background GC thread: its CPU would be counted against the stage (the tool's own runs pay it too, but
        // it varies with what else is alive, as in the staged mode, which holds every document's texts).
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        var docs = StageBenchmarks.Corpus();
        var total = docs.Sum(d => (long)d.Length);
        var decoder = new TextDecoder();
        var normalizer = new TextNormalizer();
        var splitter = new SectionSplitter();
        var metadata = new MetadataExtractor();
        var metrics = new MetricRecognizer();
        var tables = new TableLocator();
        var pipeline = ReportPipeline.Create();
        var decoded = docs.Select(b => decoder.Decode(b).Decoded!).ToArray();
        var texts = decoded.Select(d => normalizer.Normalize(d, isMarkup: false).Text).ToArray();
        var sections = texts.Select(splitter.Split).ToArray();
        var years = texts.Select((t, i) => metadata.Extract(t, sections[i]).ReportYear).ToArray();
        Action run = mode switch
        {
            "decode" => () => Array.ForEach(docs, b => decoder.Decode(b)),
            "normalize" => () => Array.ForEach(decoded, d => normalizer.Normalize(d, isMarkup: false)),
            "sections" => () => Array.ForEach(texts, t => splitter.Split(t)),
            "metadata" => () => { for (var i = 0; i < texts.Length; i++) metadata.Extract(texts[i], sections[i]); },
            "tables" => () => Array.ForEach(texts, t => tables.Locate(t)),
            "metrics" => () => { for (var i = 0; i < texts.Length; i++) metrics.Recognize(texts[i], sections[i], years[i]); },
            "chain" => () =>
            {
                foreach (var bytes in docs)
                {
                    var text = normalizer.Normalize(decoder.Decode(bytes).Decoded!, isMarkup: false).Text;
                    var split = splitter.Split(text);
                    metrics.Recognize(text, split, metadata.Extract(text, split).ReportYear);
                }
            },
            "staged" => () =>
            {
                var ts = docs.Select(b => normalizer.Normalize(decoder.Decode(b).Decoded!, isMarkup: false).Text).ToArray();
                var ss = ts.Select(splitter.Split).ToArray();
                var ys = ts.Select((t, i) => metadata.Extract(t, ss[i]).ReportYear).ToArray();
                for (var i = 0; i < ts.Length; i++) metrics.Recognize(ts[i], ss[i], ys[i]);
            },
            "pipeline" => () => Array.ForEach(docs, b => pipeline.Extract("report.txt", b)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a mode"),
        };

        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Max(3, seconds / 2))
        {
            run();
        }

        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long rounds = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            run();
            rounds++;
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var megabytes = rounds * total / 1e6;
        var perByte = (GC.GetTotalAllocatedBytes(precise: true) - allocated0) / (double)(rounds * total);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"{mode}: {megabytes / cpu:F1} MB per CPU-s, {megabytes / wall:F1} MB/s wall, {perByte:F2} B allocated per input byte, load {load}");
        return true;
    }
}
