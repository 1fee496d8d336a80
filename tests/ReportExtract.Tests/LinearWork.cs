using System.Diagnostics;
using System.Globalization;

namespace ReportExtract.Tests;

/// <summary>
/// Proves that work grows linearly without asserting a wall-clock time: the same work on an input of size n and of
/// size 8n, measured in the CPU time of the calling thread, must differ by a ratio well under the 64 of quadratic work.
/// </summary>
/// <remarks>
/// CPU time of this thread (Linux: <c>/proc/thread-self/schedstat</c>, in nanoseconds) does not grow while the thread
/// waits for a core, so a busy machine or tests running beside it do not change the ratio much; elsewhere the
/// wall clock stands in, and the ratio of two runs in one test still cancels most of a slow machine.
/// </remarks>
internal static class LinearWork
{
    /// <summary>How much larger the large input is.</summary>
    public const int Factor = 8;

    /// <summary>
    /// Linear work gives about 8, quadratic 64; the limit leaves linear work four times its ratio for noise (a garbage
    /// collection of the large input's heap on this thread, a cold cache under load: 25x was seen once at 24) and
    /// still fails work that grows with the square of its input.
    /// </summary>
    public const double MaxRatio = 32;

    /// <summary>Below this the small run is noise: a floor for the denominator (a fast small run can only help).</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The ratio of the CPU time the work takes on size <c>8n</c> to its time on size <paramref name="n"/>.
    /// <paramref name="prepare"/> builds the input of a given size and returns the work on it: only that work is
    /// measured, not the building of the input.
    /// </summary>
    public static double Ratio(int n, Func<int, Action> prepare)
    {
        // Warm-up: the first run pays for JIT and lazily loaded data, which is not work on the input.
        prepare(n)();
        // The fastest of several runs on each side: noise only ever adds time.
        var small = Fastest(3, prepare, n);
        var large = Fastest(2, prepare, n * Factor);
        return large.Ticks / (double)Math.Max(small.Ticks, Floor.Ticks);
    }

    /// <summary>Asserts that <paramref name="prepare"/>'s work is linear in its size (see <see cref="Ratio"/>).</summary>
    public static void Assert(int n, Func<int, Action> prepare, string because)
    {
        var ratio = Ratio(n, prepare);
        ratio.Should().BeLessThan(MaxRatio, "{0}: {1}x the input took {2}x the CPU time", because, Factor, ratio.ToString("0.0", CultureInfo.InvariantCulture));
    }

    private static TimeSpan Fastest(int runs, Func<int, Action> prepare, int size)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var run = prepare(size);
            var time = Measure(run);
            best = time < best ? time : best;
        }

        return best;
    }

    /// <summary>The CPU time of this thread spent in <paramref name="run"/> (wall time where the system cannot tell).</summary>
    public static TimeSpan Measure(Action run)
    {
        var before = ThreadCpuTime();
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        var after = ThreadCpuTime();
        return before is { } b && after is { } a ? a - b : watch.Elapsed;
    }

    private static TimeSpan? ThreadCpuTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds) && nanoseconds > 0
                ? TimeSpan.FromTicks(nanoseconds / 100)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
