using System.Collections.Immutable;

namespace ReportExtract.Metrics;

/// <summary>Sorted, non-overlapping [start, end) ranges with a logarithmic membership test.</summary>
internal readonly struct RangeSet(ImmutableArray<(int Start, int End)> ranges)
{
    public ImmutableArray<(int Start, int End)> Ranges { get; } = ranges;

    /// <summary>The range holding <paramref name="position"/>, or null.</summary>
    public (int Start, int End)? Find(int position)
    {
        int lo = 0, hi = Ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var (start, end) = Ranges[mid];
            if (position < start)
            {
                hi = mid - 1;
            }
            else if (position >= end)
            {
                lo = mid + 1;
            }
            else
            {
                return Ranges[mid];
            }
        }

        return null;
    }

    public bool Contains(int position) => Find(position) is not null;
}

/// <summary>
/// Finds the ranges of a <see cref="RangeSet"/> holding positions asked in rising order (a scan through the text) by
/// stepping on from the range found last instead of searching the whole set each time. A position lower than the one
/// before starts the walk over. One cursor serves one scan on one thread.
/// </summary>
internal struct RangeCursor(RangeSet set)
{
    private int _next;
    private int _last;

    /// <summary>The range holding <paramref name="position"/>, or null.</summary>
    public (int Start, int End)? Find(int position)
    {
        var ranges = set.Ranges;
        if (position < _last)
        {
            _next = 0;
        }

        _last = position;
        while (_next < ranges.Length && ranges[_next].End <= position)
        {
            _next++;
        }

        return _next < ranges.Length && ranges[_next].Start <= position ? ranges[_next] : null;
    }
}
