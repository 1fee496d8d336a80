using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportExtract.Cli.Inputs;

/// <summary>
/// The K-th of N deterministic shards of an input list (<c>--shard K/N</c>): an input belongs to shard
/// <c>h mod N + 1</c>, where h is the first 8 bytes (big-endian) of the SHA-256 of its path as given, in UTF-8,
/// with '\' written as '/'. The choice depends on the path alone, so every machine of a CI matrix or a job
/// array computes the same split without talking to the others, and the shards together are the whole list.
/// </summary>
internal readonly record struct InputShard(int Index, int Count)
{
    /// <summary>The largest N accepted (more shards than this is a typing mistake, not a cluster).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The whole list (1/1).</summary>
    public static InputShard All => new(1, 1);

    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N; false for anything else.</summary>
    public static bool TryParse(string text, out InputShard shard)
    {
        shard = All;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n is < 1 or > MaxCount || k < 1 || k > n)
        {
            return false;
        }

        shard = new InputShard(k, n);
        return true;
    }

    /// <summary>The 1-based shard that <paramref name="path"/> (as given) belongs to among <paramref name="count"/>.</summary>
    public static int ShardOf(string path, int count)
    {
        var normalized = path.Replace('\\', '/');
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>True when <paramref name="path"/> belongs to this shard.</summary>
    public bool Contains(string path) => Count == 1 || ShardOf(path, Count) == Index;

    /// <summary>The items of this shard, in their original order (errors included: they are inputs too).</summary>
    public List<InputItem> Select(List<InputItem> items)
    {
        var shard = this;
        return Count == 1 ? items : items.FindAll(item => shard.Contains(item.Path));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
