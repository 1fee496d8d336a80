using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ReportExtract.Benchmarks;

/// <summary>
/// Input megabytes (10^6) one operation reads, per second of its mean time. The column runs in the host process,
/// where GlobalSetup did not run, so <paramref name="bytesPerOperation"/> measures the input itself (null: no figure).
/// </summary>
internal sealed class ThroughputColumn(string legend, Func<BenchmarkCase, long?> bytesPerOperation) : IColumn
{
    public string Id => "MBps";

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics && bytesPerOperation(benchmarkCase) is { } bytes
            ? (bytes / (statistics.Mean / 1e9) / 1e6).ToString("F1", CultureInfo.InvariantCulture)
            : "NA";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
