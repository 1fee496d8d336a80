using System.Buffers;

namespace ReportExtract.Normalization;

/// <summary>
/// Scratch char buffers for the normalization stages, which each build a text about as long as the report: pooled
/// up to a report of ordinary size, so a batch reuses a few buffers instead of allocating one per stage and report;
/// above it allocated, so that an idle pooled buffer never holds a large report's worth of memory.
/// </summary>
internal static class CharBuffers
{
    // A power of two: every pooled buffer is at most this long, every allocated one longer.
    private const int PooledLimit = 1 << 20;

    /// <summary>A buffer of at least <paramref name="length"/> chars.</summary>
    public static char[] Rent(int length) => length <= PooledLimit ? ArrayPool<char>.Shared.Rent(length) : new char[length];

    /// <summary>Gives back a buffer of <see cref="Rent"/>; its content must not be read afterwards.</summary>
    public static void Return(char[] buffer)
    {
        if (buffer.Length is > 0 and <= PooledLimit)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
