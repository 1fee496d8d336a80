using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ReportExtract.Decoding;

/// <summary>The decoded original input: the text every span of a record points into.</summary>
public sealed record DecodedText(string Text, string Encoding, ImmutableArray<string> Warnings);

/// <summary>Either decoded text or the reason the input cannot be read as text.</summary>
public readonly record struct DecodeResult(DecodedText? Decoded, string? Rejection)
{
    public static DecodeResult Rejected(string reason) => new(null, reason);
}

/// <summary>
/// Turns raw bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE, the GB family (read as GB18030) and Big5,
/// detected or forced. Invalid sequences become U+FFFD with a warning; empty and binary input is rejected.
/// </summary>
public sealed partial class TextDecoder
{
    private const string Utf8 = "utf-8";
    private const string Utf16Le = "utf-16le";
    private const string Utf16Be = "utf-16be";
    private const string Gb18030 = "gb18030";
    private const string Big5 = "big5";

    // GB vs Big5 is decided on a prefix: enough characters for a stable score, bounded cost on huge files.
    private const int ScoringPrefixBytes = 64 * 1024;
    private const int SniffBytes = 8 * 1024;

    // Inputs up to this size are decoded through a pooled scratch buffer (see DecodeCounting).
    private const int PooledDecodeBytes = 1 << 20;

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Utf8] = Utf8, ["utf8"] = Utf8, ["utf-8-sig"] = Utf8,
        [Utf16Le] = Utf16Le, ["utf16le"] = Utf16Le, ["utf-16-le"] = Utf16Le, ["utf-16"] = Utf16Le, ["ucs-2le"] = Utf16Le,
        [Utf16Be] = Utf16Be, ["utf16be"] = Utf16Be, ["utf-16-be"] = Utf16Be, ["ucs-2be"] = Utf16Be,
        // The GB family is always read as GB18030: it is a superset of GBK and GB2312 byte for byte.
        [Gb18030] = Gb18030, ["gb-18030"] = Gb18030, ["gbk"] = Gb18030, ["gb2312"] = Gb18030, ["cp936"] = Gb18030,
        ["windows-936"] = Gb18030, ["euc-cn"] = Gb18030, ["54936"] = Gb18030,
        [Big5] = Big5, ["big-5"] = Big5, ["cp950"] = Big5, ["windows-950"] = Big5, ["950"] = Big5,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    // The control bytes binary data is full of; tab, line ends, form feed, SUB (DOS end of file) and ESC occur in text.
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    // One bit per BMP character: 8 KB, read-only once built; read only when a GB/Big5 choice needs scoring.
    private readonly Lazy<uint[]> _commonHanzi = new(LoadCommonHanzi);

    static TextDecoder()
    {
        // GB18030 (54936) and Big5 (950) come from the code pages provider; registering is idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Detects the encoding of every input.</summary>
    public TextDecoder()
        : this(null)
    {
    }

    /// <summary>Forces <paramref name="encoding"/> (a name or alias of <see cref="SupportedEncodings"/>); null detects.</summary>
    /// <exception cref="ArgumentException">The name is not a supported encoding.</exception>
    public TextDecoder(string? encoding)
    {
        if (encoding is null)
        {
            return;
        }

        ForcedEncoding = CanonicalName(encoding) ?? throw new ArgumentException(UnsupportedMessage(encoding), nameof(encoding));
    }

    /// <summary>The canonical name of encoding name or alias <paramref name="name"/> (gbk → gb18030), or null when unsupported.</summary>
    public static string? CanonicalName(string name) => Aliases.GetValueOrDefault(name.Trim());

    /// <summary>The message for an unsupported encoding name, listing what is supported.</summary>
    public static string UnsupportedMessage(string name) =>
        $"unknown encoding '{name}'; supported: {string.Join(", ", SupportedEncodings)} (gbk and gb2312 read as gb18030)";

    /// <summary>The canonical names <c>source.encoding</c> takes, which <c>--encoding</c> accepts.</summary>
    public static ImmutableArray<string> SupportedEncodings { get; } = [Utf8, Utf16Le, Utf16Be, Gb18030, Big5];

    /// <summary>The forced encoding's canonical name, or null when detecting.</summary>
    public string? ForcedEncoding { get; }

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    public DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return DecodeResult.Rejected("the file is empty");
        }

        return ForcedEncoding is null ? Detect(bytes) : Forced(bytes, ForcedEncoding);
    }

    private static DecodeResult Forced(ReadOnlySpan<byte> bytes, string encoding)
    {
        var body = StripPreamble(bytes, encoding);
        var (text, invalid) = DecodeCounting(body, encoding);
        return Result(text, encoding, invalid, []);
    }

    private DecodeResult Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            return DecodeAs(bytes[3..], Utf8, []);
        }

        if (bytes.StartsWith(Utf16LeBom))
        {
            return DecodeAs(bytes[2..], Utf16Le, []);
        }

        if (bytes.StartsWith(Utf16BeBom))
        {
            return DecodeAs(bytes[2..], Utf16Be, []);
        }

        var sniff = bytes[..Math.Min(bytes.Length, SniffBytes)];
        if (sniff.Contains((byte)0))
        {
            var utf16 = Utf16ByNulPattern(sniff);
            if (utf16 is null)
            {
                return DecodeResult.Rejected("the file holds binary data (NUL bytes), not text");
            }

            var name = utf16 == Utf16Le ? "UTF-16LE" : "UTF-16BE";
            return DecodeAs(bytes, utf16, [$"no byte order mark: read as {name}, detected by its pattern of NUL bytes"]);
        }

        if (ControlByteShare(sniff) > 0.1)
        {
            return DecodeResult.Rejected("the file holds binary data (mostly control bytes), not text");
        }

        // The common case: valid UTF-8.
        if (DecodeValidUtf8(bytes) is { } utf8)
        {
            return new DecodeResult(new DecodedText(utf8, Utf8, []), null);
        }

        if (IsMostlyUtf8(bytes))
        {
            return DecodeAs(bytes, Utf8, []);
        }

        // Big5 byte pairs are nearly all valid GB18030 too, so validity alone cannot tell them apart: both decodings
        // of a prefix are scored (see Score); ties go to GB18030, by far the more common on mainland sites.
        // Both are decoded into scratch buffers and scored there: only the chosen one becomes a string.
        var prefix = bytes[..Math.Min(bytes.Length, ScoringPrefixBytes)];
        var gb = DecodeScratch(prefix, Gb18030);
        var big5 = DecodeScratch(prefix, Big5);
        string encoding, text;
        int invalid, privateUse;
        try
        {
            var chosen = Score(big5) > Score(gb) ? big5 : gb;
            encoding = chosen == big5 ? Big5 : Gb18030;
            if (prefix.Length == bytes.Length)
            {
                (text, invalid, privateUse) = (new string(chosen.Text), chosen.Invalid, chosen.PrivateUse);
            }
            else
            {
                (text, invalid) = DecodeCounting(bytes, encoding);
                privateUse = CountPrivateUse(text);
            }
        }
        finally
        {
            gb.Dispose();
            big5.Dispose();
        }

        var undecodable = invalid + privateUse;
        if (text.Length >= 16 && undecodable > text.Length / 10)
        {
            return DecodeResult.Rejected(
                $"the file holds binary data or text in an unsupported encoding ({undecodable} undecodable byte sequences); " +
                $"if it is text, force its encoding with --encoding ({string.Join(", ", SupportedEncodings)})");
        }

        return Result(text, encoding, invalid, []);
    }

    /// <summary>The text of <paramref name="bytes"/> when they are valid UTF-8, else null.</summary>
    // Validated and measured first, then decoded straight into a string of that length: no scratch buffer, no copy,
    // and no second pass over a large report held twice.
    private static string? DecodeValidUtf8(ReadOnlySpan<byte> bytes) => Utf8Transcoder.ToStringOrNull(bytes);

    private static DecodeResult DecodeAs(ReadOnlySpan<byte> body, string encoding, ImmutableArray<string> warnings)
    {
        var (text, invalid) = DecodeCounting(body, encoding);
        return Result(text, encoding, invalid, warnings);
    }

    private static DecodeResult Result(string text, string encoding, int invalid, ImmutableArray<string> warnings)
    {
        if (invalid > 0)
        {
            warnings = warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{invalid} invalid byte sequence(s) in the {encoding} input were replaced with U+FFFD"));
        }

        return new DecodeResult(new DecodedText(text, encoding, warnings), null);
    }

    private static ReadOnlySpan<byte> StripPreamble(ReadOnlySpan<byte> bytes, string encoding) => encoding switch
    {
        Utf8 when bytes.StartsWith(Utf8Bom) => bytes[3..],
        Utf16Le when bytes.StartsWith(Utf16LeBom) => bytes[2..],
        Utf16Be when bytes.StartsWith(Utf16BeBom) => bytes[2..],
        _ => bytes,
    };

    private static (string Text, int Invalid) DecodeCounting(ReadOnlySpan<byte> bytes, string encoding)
    {
        var fallback = new CountingFallback();
        var decoder = CountingEncoding(encoding, fallback);

        // One pass (GetString would count the fallbacks twice: once sizing, once decoding), into a pooled scratch
        // buffer up to PooledDecodeBytes.
        var maxChars = decoder.GetMaxCharCount(bytes.Length);
        var pooled = bytes.Length <= PooledDecodeBytes;
        var buffer = pooled ? ArrayPool<char>.Shared.Rent(maxChars) : new char[maxChars];
        try
        {
            var length = decoder.GetChars(bytes, buffer);
            return (new string(buffer, 0, length), fallback.Count);
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>A decoding of a scoring prefix (at most <see cref="ScoringPrefixBytes"/>) into a pooled buffer.</summary>
    private static ScratchDecoding DecodeScratch(ReadOnlySpan<byte> prefix, string encoding)
    {
        var fallback = new CountingFallback();
        var decoder = CountingEncoding(encoding, fallback);
        var buffer = ArrayPool<char>.Shared.Rent(decoder.GetMaxCharCount(prefix.Length));
        var length = decoder.GetChars(prefix, buffer);
        return new ScratchDecoding(buffer, length, fallback.Count, CountPrivateUse(buffer.AsSpan(0, length)));
    }

    private static Encoding CountingEncoding(string encoding, CountingFallback fallback) =>
        encoding switch
        {
            Utf8 => new UTF8Encoding(false, false).WithFallback(fallback),
            Utf16Le => new UnicodeEncoding(false, false).WithFallback(fallback),
            Utf16Be => new UnicodeEncoding(true, false).WithFallback(fallback),
            Gb18030 => Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, fallback),
            Big5 => Encoding.GetEncoding(950, EncoderFallback.ReplacementFallback, fallback),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "not a canonical encoding name"),
        };

    /// <summary>A candidate decoding being scored: its text in a pooled buffer, given back by <see cref="Dispose"/>.</summary>
    private sealed class ScratchDecoding(char[] buffer, int length, int invalid, int privateUse) : IDisposable
    {
        private char[]? _buffer = buffer;

        public ReadOnlySpan<char> Text => _buffer.AsSpan(0, length);

        public int Invalid => invalid;

        public int PrivateUse => privateUse;

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }

    /// <summary>Replaces each invalid sequence with U+FFFD and counts them; one instance per decoding.</summary>
    private sealed class CountingFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0)
                {
                    return false;
                }

                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}

internal static class EncodingFallbackExtensions
{
    public static Encoding WithFallback(this Encoding encoding, DecoderFallback fallback)
    {
        var clone = (Encoding)encoding.Clone();
        clone.DecoderFallback = fallback;
        return clone;
    }
}
