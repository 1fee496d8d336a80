using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using ReportExtract.Metadata;
using ReportExtract.Metrics;
using ReportExtract.Normalization;
using ReportExtract.Region;
using ReportExtract.Sections;
using ReportExtract.Segmentation;

namespace ReportExtract.Benchmarks;

/// <summary>
/// What each stage's data costs to load the first time in a fresh process (one row per stage, cold start: every
/// measurement is a new process, so no row benefits from another's loading or JIT). Together with the last row,
/// the whole pipeline built as `reportx extract` builds it, this says where a one-file run's start-up goes.
/// </summary>
[Config(typeof(StartupConfig))]
public class StartupBenchmarks
{
    [Benchmark(Description = "script detection table")]
    public object ScriptTable() => ScriptEvidence.LoadEmbedded();

    [Benchmark(Description = "OpenCC t2s dictionaries (first traditional report)")]
    public object OpenCc() => OpenCcDictionary.LoadEmbedded();

    [Benchmark(Description = "jieba dictionary and HMMs")]
    public object Jieba() => JiebaResource.LoadEmbedded();

    [Benchmark(Description = "region divisions and name automaton")]
    public object Regions() => new RegionResolver(RegionDivisions.LoadEmbedded());

    [Benchmark(Description = "metadata lexicon")]
    public object MetadataWords() => MetadataLexicon.LoadEmbedded();

    [Benchmark(Description = "metric lexicons and indicator catalog")]
    public object MetricLexicons() => (UnitLexicon.LoadEmbedded(), QualifierLexicon.LoadEmbedded(), MetricExclusions.LoadEmbedded(), IndicatorCatalog.LoadBuiltIn());

    [Benchmark(Description = "section and page-chrome lexicons")]
    public object SectionWords() => (SectionKindLexicon.LoadEmbedded(), PageChromeRemover.LoadEmbedded());

    [Benchmark(Description = "whole pipeline (as extract builds it)")]
    public object Pipeline() => ReportPipeline.Create();

    private sealed class StartupConfig : ManualConfig
    {
        // Five fresh processes per row, one call each; the generous build timeout is for a machine shared with builds.
        public StartupConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1));
            WithBuildTimeout(TimeSpan.FromMinutes(15));
        }
    }
}
