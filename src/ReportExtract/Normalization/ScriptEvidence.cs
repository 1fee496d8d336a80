using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// The characters that exist in one script only, which script detection counts: a small table prebuilt from
/// OpenCC's dictionaries (Resources/Normalization/script-evidence.tsv, written by tools/opencc/script-evidence.py
/// with the rule of <see cref="OpenCcDictionary.Classify"/>), so that telling a simplified report from a
/// traditional one never loads the dictionaries themselves.
/// </summary>
internal sealed class ScriptEvidence
{
    /// <summary>A traditional character that is never a simplified form.</summary>
    internal const byte TraditionalOnly = 1;

    /// <summary>A simplified character that is never a traditional form.</summary>
    internal const byte SimplifiedOnly = 2;

    // Two bits per BMP unit (16 KB: the counting loop reads it for every character of a report, so it stays in the
    // first-level cache where a byte per unit would not); surrogates and most units are 0.
    private readonly byte[] _bmp = new byte[(char.MaxValue + 1) / 4];
    private readonly Dictionary<int, byte> _supplementary = [];

    /// <summary>A table of the given characters (each a single code point).</summary>
    internal ScriptEvidence(IEnumerable<(int CodePoint, byte Script)> characters)
    {
        foreach (var (codePoint, script) in characters)
        {
            if (script is not (TraditionalOnly or SimplifiedOnly))
            {
                throw new ArgumentException($"U+{codePoint:X4}: a script is traditional-only or simplified-only", nameof(characters));
            }

            if (codePoint <= char.MaxValue)
            {
                _bmp[codePoint >> 2] |= (byte)(script << ((codePoint & 3) * 2));
            }
            else
            {
                _supplementary[codePoint] = script;
            }
        }
    }

    /// <summary>Reads the embedded table.</summary>
    internal static ScriptEvidence LoadEmbedded() => new(ReadRows(EmbeddedData.ReadRows("Normalization/script-evidence.tsv")));

    /// <summary><see cref="TraditionalOnly"/>, <see cref="SimplifiedOnly"/> or 0 for a code point.</summary>
    internal byte Of(int codePoint) =>
        codePoint <= char.MaxValue ? (byte)Bmp((char)codePoint) : _supplementary.GetValueOrDefault(codePoint);

    /// <summary>Counts traditional-only and simplified-only characters and says whether any Han character occurs.</summary>
    internal (int Traditional, int Simplified, bool Han) Count(ReadOnlySpan<char> text)
    {
        // Supplementary characters (surrogate pairs) are rare in reports: one vectorized scan sends text without
        // them through the plain loop, which needs no pairing.
        if (text.ContainsAnyInRange('\uD800', '\uDBFF'))
        {
            return CountWithPairs(text);
        }

        int traditional = 0, simplified = 0;
        foreach (var c in text)
        {
            // Branch-free: most units are Han or ASCII that decide nothing.
            var script = Bmp(c);
            traditional += script & TraditionalOnly;
            simplified += script >> 1;
        }

        return (traditional, simplified, ContainsBmpHan(text));
    }

    private (int Traditional, int Simplified, bool Han) CountWithPairs(ReadOnlySpan<char> text)
    {
        int traditional = 0, simplified = 0;
        var han = ContainsBmpHan(text);
        for (var i = 0; i < text.Length; i++)
        {
            int script = Bmp(text[i]);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
                script = _supplementary.GetValueOrDefault(codePoint);

                // Extensions B and later live in planes 2 and 3.
                han |= codePoint is >= 0x20000 and <= 0x3FFFF;
            }

            traditional += script & TraditionalOnly;
            simplified += script >> 1;
        }

        return (traditional, simplified, han);
    }

    private int Bmp(char c) => (_bmp[c >> 2] >> ((c & 3) * 2)) & 3;

    private static bool ContainsBmpHan(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\u4E00', '\u9FFF') || text.ContainsAnyInRange('\u3400', '\u4DBF') || text.ContainsAnyInRange('\uF900', '\uFAFF');

    private static IEnumerable<(int CodePoint, byte Script)> ReadRows(IReadOnlyList<string[]> rows)
    {
        foreach (var row in rows)
        {
            var script = row is [var name, _] ? name switch
            {
                "traditional" => TraditionalOnly,
                "simplified" => SimplifiedOnly,
                _ => (byte)0,
            } : (byte)0;
            if (script == 0)
            {
                throw new InvalidDataException($"script-evidence.tsv: expected 'traditional|simplified<TAB>characters': {string.Join('\t', row)}");
            }

            for (var i = 0; i < row[1].Length; i += char.IsSurrogatePair(row[1], i) ? 2 : 1)
            {
                yield return (char.ConvertToUtf32(row[1], i), script);
            }
        }
    }
}
