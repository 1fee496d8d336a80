using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ReportExtract.Common;

namespace ReportExtract.Segmentation;

/// <summary>
/// Reads the compact resource made by tools/jieba/build_resource.py from jieba's dict.txt and HMM tables
/// (its header documents the layout). Each array is read from the stream into its final place: nothing is parsed.
/// </summary>
internal static class JiebaResource
{
    /// <summary>The resource's path under Resources/; tools/jieba/build_resource.py makes it.</summary>
    public const string ResourcePath = "Jieba/jieba.dict.bin";

    public static (PrefixLexicon Lexicon, WordHmm WordHmm, PosHmm PosHmm) LoadEmbedded()
    {
        using var stream = EmbeddedData.Open(ResourcePath);
        return Load(stream);
    }

    /// <summary>Reads the resource; each array is read straight from the stream into its final place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (PrefixLexicon Lexicon, WordHmm WordHmm, PosHmm PosHmm) Load(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The jieba resource is little-endian.");
        }

        var r = new Reader(stream);
        if (r.Int32() != 0x5844424A)
        {
            throw new InvalidDataException("Not a jieba dictionary resource.");
        }

        var version = r.Int32();
        if (version != 1)
        {
            throw new InvalidDataException($"Unsupported jieba resource version {version}.");
        }

        var total = r.Int64();
        var tagNames = new string[r.Int32()];
        for (var i = 0; i < tagNames.Length; i++)
        {
            tagNames[i] = r.String();
        }

        r.Align();
        var nodes = r.Int32();
        r.Align();
        var labels = r.Array<char>(nodes);
        var firstChild = r.Array<int>(nodes + 1);
        var frequency = r.Array<int>(nodes);
        var tags = r.Array<byte>(nodes);
        var lexicon = new PrefixLexicon(labels, firstChild, frequency, tags, tagNames, total);

        var fStart = r.Array<double>(4);
        var fTrans = r.Array<double>(16);
        var fCount = r.Int32();
        r.Align();
        var fChars = r.Array<char>(fCount);
        var fEmit = r.Array<double>(fCount * 4);
        var wordHmm = new WordHmm(fStart, fTrans, fChars, fEmit);

        var states = r.Int32();
        r.Align();
        var bmes = r.Array<byte>(states);
        var stateTag = r.Array<ushort>(states);
        var start = r.Array<double>(states);
        var transCount = r.Int32();
        r.Align();
        var transFrom = r.Array<ushort>(transCount);
        var transTo = r.Array<ushort>(transCount);
        var transProb = r.Array<double>(transCount);
        var emitCount = r.Int32();
        r.Align();
        var emitChars = r.Array<char>(emitCount);
        var emitOffsets = r.Array<int>(emitCount + 1);
        var emitStates = r.Array<ushort>(emitOffsets[^1]);
        var emitProb = r.Array<double>(emitOffsets[^1]);
        var tabCount = r.Int32();
        r.Align();
        var tabChars = r.Array<char>(tabCount);
        var tabOffsets = r.Array<int>(tabCount + 1);
        var tabStates = r.Array<ushort>(tabOffsets[^1]);
        var posHmm = new PosHmm(
            bmes, Array.ConvertAll(stateTag, t => tagNames[t]), start, transFrom, transTo, transProb,
            emitChars, emitOffsets, emitStates, emitProb, tabChars, tabOffsets, tabStates);
        return (lexicon, wordHmm, posHmm);
    }

    private sealed class Reader(Stream stream)
    {
        private readonly byte[] _scratch = new byte[8];
        private long _pos;

        public void Align()
        {
            var pad = (int)(((_pos + 7) & ~7L) - _pos);
            stream.ReadExactly(_scratch, 0, pad);
            _pos += pad;
        }

        public int Int32()
        {
            stream.ReadExactly(_scratch, 0, 4);
            _pos += 4;
            return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
        }

        public long Int64()
        {
            stream.ReadExactly(_scratch, 0, 8);
            _pos += 8;
            return BinaryPrimitives.ReadInt64LittleEndian(_scratch);
        }

        public string String()
        {
            stream.ReadExactly(_scratch, 0, 2);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(_scratch);
            var chars = Array<char>(length, align: false);
            _pos += 2;
            return new string(chars);
        }

        public T[] Array<T>(int count, bool align = true)
            where T : unmanaged
        {
            var result = new T[count];
            var bytes = MemoryMarshal.AsBytes(result.AsSpan());
            stream.ReadExactly(bytes);
            _pos += bytes.Length;
            if (align)
            {
                Align();
            }

            return result;
        }
    }
}
