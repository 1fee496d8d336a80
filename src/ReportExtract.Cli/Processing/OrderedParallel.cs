using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ReportExtract.Cli.Processing;

/// <summary>
/// Runs a function over items on several workers and hands the results back in item order, through a
/// bounded reorder window: at most <c>window</c> results are held (done early, waiting for a slower one
/// before them), so memory stays flat however many items there are.
/// </summary>
internal sealed class OrderedParallel(int jobs, int window)
{
    private int _buffered;
    private int _maxBuffered;

    /// <summary>The most results held at once during the last run (never above the window).</summary>
    public int MaxBuffered => Volatile.Read(ref _maxBuffered);

    /// <summary>The window a run with <paramref name="jobs"/> workers gets: enough look-ahead to keep every worker busy past a slow item.</summary>
    public static int WindowFor(int jobs) => Math.Max(16, jobs * 4);

    /// <summary>Results of <paramref name="work"/> over <paramref name="items"/>, in the items' order.</summary>
    /// <remarks>
    /// An exception from <paramref name="work"/> surfaces at that item's turn; stopping early cancels the workers and
    /// waits for them. <paramref name="beforeWaiting"/> runs whenever the next result in order is not ready yet.
    /// </remarks>
    public IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, TResult> work, Action? beforeWaiting = null, CancellationToken cancellationToken = default) =>
        RunAsync(items, work, beforeWaiting, itemTimeout: null, cancellationToken);

    /// <summary>
    /// Like <see cref="RunAsync{TItem, TResult}(IReadOnlyList{TItem}, Func{TItem, TResult}, Action?, CancellationToken)"/>,
    /// with a time limit per item: an item still running <see cref="ItemTimeout{TItem, TResult}.Limit"/> after a
    /// worker took it yields <see cref="ItemTimeout{TItem, TResult}.Result"/>
    /// instead. Its worker is left to finish on its own (its late result is dropped) and a fresh worker takes its
    /// place, so one stuck item costs a thread, not the run. Work runs on the worker itself: no hand-off per item.
    /// </summary>
    public async IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, TResult> work, Action? beforeWaiting, ItemTimeout<TItem, TResult>? itemTimeout,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _buffered = 0;
        _maxBuffered = 0;
        var slots = new TaskCompletionSource<TResult>[window];
        for (var i = 0; i < window; i++)
        {
            slots[i] = NewSlot<TResult>();
        }

        // One permit per free window slot: a worker claims the next item only when its slot is free.
        // Not disposed: a worker given up on may still wait on it after the run (SemaphoreSlim holds no handle here).
#pragma warning disable CA2000
        var free = new SemaphoreSlim(window, window);
#pragma warning restore CA2000
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var started = new long[window];
        var startedIndex = new int[window];
        Array.Fill(startedIndex, -1);
        var workers = new List<Task>(Math.Min(jobs, Math.Max(1, items.Count)));
        // Workers get threads of their own: their work is long and CPU-bound, and on the thread pool it would starve
        // the consumer, whose time-limit checks and output then wait for the pool to grow (seconds on two cores).
        Task StartWorker() => Task.Factory.StartNew(
            () => Work(items, work, slots, started, startedIndex, free, () => Interlocked.Increment(ref next), stop.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        for (var w = 0; w < workers.Capacity; w++)
        {
            workers.Add(StartWorker());
        }

        var givenUp = 0;
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var slot = slots[i % window];
                if (!slot.Task.IsCompleted)
                {
                    // About to wait for a slow item: a caller streaming results pushes out what it has meanwhile.
                    beforeWaiting?.Invoke();
                }

                TResult result;
                if (itemTimeout is null)
                {
                    result = await slot.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (await WithinLimitAsync(slot.Task, started, startedIndex, i, i % window, itemTimeout.Limit, cancellationToken).ConfigureAwait(false))
                {
                    result = await slot.Task.ConfigureAwait(false);
                }
                else
                {
                    // Its worker keeps the stale slot object; a fresh worker keeps the run at full strength.
                    result = itemTimeout.Result(items[i]);
                    givenUp++;
                    Interlocked.Increment(ref _buffered);
                    workers.Add(StartWorker());
                }

                Interlocked.Decrement(ref _buffered);

                // Reset before releasing: the worker that takes the permit fills this slot with item i + window.
                slots[i % window] = NewSlot<TResult>();
                free.Release();
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                // A worker still inside an item given up on is not waited for: that is what giving up means. Nor
                // after cancellation: a worker may be blocked in a read that no token reaches (standard input).
                if (givenUp == 0 && !cancellationToken.IsCancellationRequested)
                {
                    await Task.WhenAll(workers).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The workers were told to stop; their cancellation is the expected ending.
            }
        }
    }

    /// <summary>True when <paramref name="result"/> (item <paramref name="index"/>) completes within <paramref name="limit"/> of its start.</summary>
    /// <remarks>
    /// The clock starts when a worker takes the item, never before: an item nobody has taken yet cannot be given up
    /// (its permit is still in the pool, and giving it up would let a worker fill a slot meant for a later item).
    /// </remarks>
    private static async Task<bool> WithinLimitAsync<TResult>(
        Task<TResult> result, long[] started, int[] startedIndex, int index, int slot, TimeSpan limit, CancellationToken cancellationToken)
    {
        while (!result.IsCompleted)
        {
            TimeSpan wait;
            if (Volatile.Read(ref startedIndex[slot]) != index)
            {
                // Not taken yet (every worker busy): look again shortly.
                wait = TimeSpan.FromMilliseconds(20);
            }
            else
            {
                wait = limit - Stopwatch.GetElapsedTime(Volatile.Read(ref started[slot]));
                if (wait <= TimeSpan.Zero)
                {
                    return false;
                }
            }

            try
            {
                await result.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Look again: the item may have started meanwhile, or run out of time.
            }
            catch (Exception) when (result.IsCompleted)
            {
                // The item's own exception surfaces when the caller reads it.
            }
        }

        return true;
    }

    private void Work<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, TResult> work, TaskCompletionSource<TResult>[] slots, long[] started, int[] startedIndex, SemaphoreSlim free,
        Func<int> claim, CancellationToken cancellationToken)
    {
        while (true)
        {
            free.Wait(cancellationToken);
            var index = claim();
            if (index >= items.Count)
            {
                return;
            }

            // The consumer resets slots[index % window] before it releases the permit we hold, so this is our slot.
            var slot = Volatile.Read(ref slots[index % window]);
            Volatile.Write(ref started[index % window], Stopwatch.GetTimestamp());
            Volatile.Write(ref startedIndex[index % window], index);
            try
            {
                var result = work(items[index]);
                var buffered = Interlocked.Increment(ref _buffered);
                UpdateMax(buffered);
                slot.SetResult(result);
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _buffered);
                slot.SetException(e);
            }
        }
    }

    private void UpdateMax(int buffered)
    {
        var max = Volatile.Read(ref _maxBuffered);
        while (buffered > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxBuffered, buffered, max);
            if (seen == max)
            {
                return;
            }

            max = seen;
        }
    }

    private static TaskCompletionSource<TResult> NewSlot<TResult>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A per-item time limit for <see cref="OrderedParallel"/>, and the result an item gets when it runs over.</summary>
internal sealed record ItemTimeout<TItem, TResult>(TimeSpan Limit, Func<TItem, TResult> Result);
