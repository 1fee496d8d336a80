using System.Collections.Immutable;
using ReportExtract.Decoding;
using ReportExtract.Model;

namespace ReportExtract.Normalization;

/// <summary>Clean simplified text for later stages, mapped back to the original.</summary>
public sealed record NormalizedText(MappedText Mapped, ScriptKind Script, ImmutableArray<string> Warnings)
{
    /// <summary>The text later stages read.</summary>
    public string Text => Mapped.Text;
}

/// <summary>Placeholder: identity until the normalization stage lands.</summary>
public sealed class TextNormalizer
{
    /// <summary>Normalizes decoded text; <paramref name="isMarkup"/> says the input is known to be HTML.</summary>
    public NormalizedText Normalize(DecodedText decoded, bool isMarkup) =>
        new(MappedText.Identity(decoded.Text), ScriptKind.None, []);
}
