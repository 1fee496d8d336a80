using BenchmarkDotNet.Running;

namespace ReportExtract.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (<c>--filter '*'</c> for all), or, with <c>cpu MODE [SECONDS]</c>,
/// the stage CPU meter (<see cref="StageCpuMeter"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["cpu", var mode, .. var rest])
        {
            if (StageCpuMeter.Run(mode, rest is [var seconds, ..] ? double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : 10))
            {
                return 0;
            }

            Console.Error.WriteLine($"reportx benchmarks: unknown mode '{mode}'; one of: {string.Join(' ', StageCpuMeter.Modes)}");
            return 2;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
