using System.Collections.Immutable;
using System.Text;

namespace ReportExtract.Decoding;

/// <summary>The decoded original input: the text every span of a record points into.</summary>
public sealed record DecodedText(string Text, string Encoding, ImmutableArray<string> Warnings);

/// <summary>Either decoded text or the reason the input cannot be read as text.</summary>
public readonly record struct DecodeResult(DecodedText? Text, string? Rejection)
{
    public static DecodeResult Rejected(string reason) => new(null, reason);
}

/// <summary>Turns raw bytes into text. Placeholder: UTF-8 only until the decoding stage lands.</summary>
public sealed class TextDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    public DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return DecodeResult.Rejected("the file is empty");
        }

        if (bytes.Contains((byte)0))
        {
            return DecodeResult.Rejected("the file holds binary data (NUL bytes), not text");
        }

        var text = Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        return new DecodeResult(new DecodedText(text, "utf-8", []), null);
    }
}
