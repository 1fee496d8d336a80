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
    public async IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, TResult> work, Action? beforeWaiting = null,
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
        using var free = new SemaphoreSlim(window, window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var workers = new Task[Math.Min(jobs, Math.Max(1, items.Count))];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(() => WorkAsync(items, work, slots, free, () => Interlocked.Increment(ref next), stop.Token), CancellationToken.None);
        }

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

                var result = await slot.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
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
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The workers were told to stop; their cancellation is the expected ending.
            }
        }
    }

    private async Task WorkAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, TResult> work, TaskCompletionSource<TResult>[] slots, SemaphoreSlim free,
        Func<int> claim, CancellationToken cancellationToken)
    {
        while (true)
        {
            await free.WaitAsync(cancellationToken).ConfigureAwait(false);
            var index = claim();
            if (index >= items.Count)
            {
                return;
            }

            // The consumer resets slots[index % window] before it releases the permit we hold, so this is our slot.
            var slot = Volatile.Read(ref slots[index % window]);
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
