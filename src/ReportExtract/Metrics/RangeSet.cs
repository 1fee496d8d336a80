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
