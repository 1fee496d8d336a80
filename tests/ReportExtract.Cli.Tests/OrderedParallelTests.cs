using ReportExtract.Cli.Processing;

namespace ReportExtract.Cli.Tests;

/// <summary>The reorder window: input order out, bounded memory, errors at their turn.</summary>
public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 1)]
    [InlineData(8, 2)]
    public async Task Results_come_back_in_item_order_whatever_order_they_finish_in(int jobs, int seed)
    {
        var random = new Random(seed);
        var delays = Enumerable.Range(0, 300).Select(_ => random.Next(0, 3)).ToArray();
        var scheduler = new OrderedParallel(jobs, OrderedParallel.WindowFor(jobs));
        var results = new List<int>();

        await foreach (var result in scheduler.RunAsync(Enumerable.Range(0, 300).ToList(), i => { Thread.Sleep(delays[i]); return i; }))
        {
            results.Add(result);
        }

        results.Should().Equal(Enumerable.Range(0, 300));
        scheduler.MaxBuffered.Should().BeInRange(1, OrderedParallel.WindowFor(jobs));
    }

    [Fact]
    public async Task A_slow_head_item_does_not_let_the_workers_run_ahead_of_the_window()
    {
        const int window = 16;
        var scheduler = new OrderedParallel(jobs: 4, window);
        using var release = new ManualResetEventSlim();
        var started = 0;
        var results = new List<int>();

        var beyondWindow = 0;
        var consume = Task.Run(async () =>
        {
            await foreach (var result in scheduler.RunAsync(Enumerable.Range(0, 1000).ToList(), i =>
            {
                Interlocked.Increment(ref started);
                if (i >= window && !release.IsSet)
                {
                    // Started while item 0 was still stuck: the workers ran ahead of the window.
                    Interlocked.Increment(ref beyondWindow);
                }

                if (i == 0)
                {
                    release.Wait();
                }

                return i;
            }))
            {
                results.Add(result);
            }
        });

        // First the workers must fill the window (waiting for that, not for a time, keeps a slow machine from passing
        // vacuously with nothing started); then they get a chance to run past it, which they must not take.
        SpinWait.SpinUntil(() => Volatile.Read(ref started) >= window, TimeSpan.FromMinutes(2)).Should().BeTrue("the workers start the items of the window");
        await Task.Delay(200);
        Volatile.Read(ref started).Should().Be(window, "item 0 is stuck, so exactly a window of items may start");
        Volatile.Read(ref beyondWindow).Should().Be(0);
        release.Set();
        await consume;
        results.Should().Equal(Enumerable.Range(0, 1000));
    }

    [Fact]
    public async Task An_exception_surfaces_at_its_item_after_the_earlier_results()
    {
        var scheduler = new OrderedParallel(4, 16);
        var results = new List<int>();

        var act = async () =>
        {
            await foreach (var result in scheduler.RunAsync(Enumerable.Range(0, 100).ToList(), i => i == 42 ? throw new InvalidOperationException("42") : i))
            {
                results.Add(result);
            }
        };

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("42");
        results.Should().Equal(Enumerable.Range(0, 42));
    }

    [Fact]
    public async Task No_items_is_no_results()
    {
        var results = new List<int>();
        await foreach (var result in new OrderedParallel(4, 16).RunAsync(new List<int>(), i => i))
        {
            results.Add(result);
        }

        results.Should().BeEmpty();
    }
}
