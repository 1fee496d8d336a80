namespace ReportExtract.Normalization;

/// <summary>
/// Converts UTF-16 offsets of a string to Unicode code point offsets, as the schema's spans count them
/// (Python's <c>text[start:end]</c>). Text without surrogate pairs, nearly all of it, needs no table.
/// </summary>
public sealed class CodePointIndex
{
    private readonly int[]? _codePointAt;

    public CodePointIndex(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return;
        }

        _codePointAt = new int[text.Length + 1];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            _codePointAt[i] = count;
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
            else
            {
                // The low half of a pair shares its code point with the high half.
                _codePointAt[i] = count - 1;
            }
        }

        _codePointAt[text.Length] = count;
    }

    /// <summary>True when the text has no surrogate pair: every UTF-16 offset is its code point offset.</summary>
    public bool IsIdentity => _codePointAt is null;

    /// <summary>Code point offset of UTF-16 offset <paramref name="utf16Offset"/>.</summary>
    public int ToCodePoint(int utf16Offset) => _codePointAt is null ? utf16Offset : _codePointAt[utf16Offset];
}
