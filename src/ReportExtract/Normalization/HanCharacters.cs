namespace ReportExtract.Normalization;

/// <summary>Han character tests on UTF-16 text.</summary>
internal static class HanCharacters
{
    /// <summary>True for a Han ideograph in the BMP (unified, extension A, compatibility).</summary>
    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>True when the character ending just before <paramref name="end"/> is Han, including supplementary planes.</summary>
    public static bool IsHanBefore(ReadOnlySpan<char> text, int end)
    {
        if (end <= 0)
        {
            return false;
        }

        var c = text[end - 1];
        if (char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(text[end - 2]))
        {
            // Extensions B and later live in planes 2 and 3.
            var codePoint = char.ConvertToUtf32(text[end - 2], c);
            return codePoint is >= 0x20000 and <= 0x3FFFF;
        }

        return IsHan(c);
    }
}
