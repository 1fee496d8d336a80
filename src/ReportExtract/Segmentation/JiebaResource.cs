using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ReportExtract.Segmentation;

/// <summary>
/// Reads the compact resource made by tools/jieba/build_resource.py from jieba's dict.txt and HMM tables
/// (its header documents the layout). Arrays are copied straight out of the bytes: nothing is parsed.
/// </summary>
internal static class JiebaResource
{
    public const string ResourceName = "ReportExtract.Resources.Jieba/jieba.dict.bin";

    public static (PrefixLexicon Lexicon, WordHmm WordHmm, PosHmm PosHmm) LoadEmbedded()
    {
        var assembly = typeof(JiebaResource).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; rebuild with tools/jieba/build_resource.py.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Load(bytes);
    }

    public static (PrefixLexicon Lexicon, WordHmm WordHmm, PosHmm PosHmm) Load(byte[] bytes)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The jieba resource is little-endian.");
        }

        var r = new Reader(bytes);
        if (Encoding.ASCII.GetString(bytes, 0, 4) != "JBDX")
        {
            throw new InvalidDataException("Not a jieba dictionary resource.");
        }

        r.Skip(4);
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

    private sealed class Reader(byte[] bytes)
    {
        private int _pos;

        public void Skip(int n) => _pos += n;

        public void Align() => _pos = (_pos + 7) & ~7;

        public int Int32()
        {
            var v = BitConverter.ToInt32(bytes, _pos);
            _pos += 4;
            return v;
        }

        public long Int64()
        {
            var v = BitConverter.ToInt64(bytes, _pos);
            _pos += 8;
            return v;
        }

        public string String()
        {
            int length = BitConverter.ToUInt16(bytes, _pos);
            var s = Encoding.Unicode.GetString(bytes, _pos + 2, length * 2);
            _pos += 2 + (length * 2);
            return s;
        }

        public T[] Array<T>(int count)
            where T : unmanaged
        {
            var size = count * Unsafe.SizeOf<T>();
            var result = MemoryMarshal.Cast<byte, T>(bytes.AsSpan(_pos, size)).ToArray();
            _pos += size;
            Align();
            return result;
        }
    }
}
