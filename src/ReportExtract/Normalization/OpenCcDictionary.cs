using System.Reflection;
using System.Text;
using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// OpenCC's t2s dictionaries (TSPhrases, TSCharacters), laid out for a hot loop: one flag byte per UTF-16 unit, an
/// array of replacements for BMP characters, and phrases hashed by span with a per-first-unit mask of the lengths
/// worth trying. Also the rule that tells script-specific characters (<see cref="Classify"/>), which script
/// detection reads from a table prebuilt by it (<see cref="ScriptEvidence"/>).
/// </summary>
internal sealed class OpenCcDictionary
{
    /// <summary>TSCharacters replaces this BMP character with something else.</summary>
    internal const byte MappedFlag = 1;

    /// <summary>Some TSPhrases key starts with this unit.</summary>
    internal const byte PhraseStartFlag = 2;

    /// <summary>A high surrogate: the code point it starts is looked up in the supplementary tables.</summary>
    internal const byte HighSurrogateFlag = 4;

    /// <summary>Units at which the converter has to stop and look.</summary>
    internal const byte ConvertibleMask = MappedFlag | PhraseStartFlag | HighSurrogateFlag;

    /// <summary>The entry of <see cref="Units"/> for a unit the converter has to stop at and look closer.</summary>
    internal const char StopUnit = '\uFFFF';

    private const string ResourcePrefix = "ReportExtract.Resources.OpenCC/";

    private readonly byte[] _flags;
    private readonly string?[] _bmpCharacters;
    private readonly char[] _bmpSingleUnits;
    private readonly char[] _units;
    private readonly Dictionary<int, string> _supplementaryCharacters;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _phrases;
    private readonly Dictionary<char, ulong> _phraseLengths;

    // One bit per hashed pair of leading units of the phrase keys (64 K bits, 8 KB): most units that start some key
    // (們, 後, 裡) start none where they stand, and one bit settles that before any dictionary lookup.
    private readonly ulong[] _phrasePairs;
    private readonly bool _hasSingleUnitPhrases;

    private OpenCcDictionary(
        byte[] flags,
        string?[] bmpCharacters,
        Dictionary<int, string> supplementaryCharacters,
        Dictionary<string, string> phrases,
        Dictionary<char, ulong> phraseLengths)
    {
        _flags = flags;
        _bmpCharacters = bmpCharacters;

        // Most replacements are one BMP unit for one: keep those as chars so the hot loop writes a char, not a string.
        _bmpSingleUnits = new char[bmpCharacters.Length];
        for (var c = 0; c < bmpCharacters.Length; c++)
        {
            if (bmpCharacters[c] is { Length: 1 } single)
            {
                _bmpSingleUnits[c] = single[0];
            }
        }

        // The hot loop's one table: what each unit becomes when it converts one for one (itself when TSCharacters
        // leaves it), or StopUnit where a phrase may start, a surrogate pair or a longer replacement needs a look.
        _units = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var f = flags[c];
            _units[c] = c == StopUnit || (f & (PhraseStartFlag | HighSurrogateFlag)) != 0 ? StopUnit
                : (f & MappedFlag) == 0 ? (char)c
                : _bmpSingleUnits[c] != '\0' ? _bmpSingleUnits[c] : StopUnit;
        }

        _supplementaryCharacters = supplementaryCharacters;
        _phrases = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseLengths = phraseLengths;
        _phrasePairs = new ulong[(1 << 16) / 64];
        foreach (var key in phrases.Keys)
        {
            if (key.Length == 1)
            {
                _hasSingleUnitPhrases = true;
                continue;
            }

            var pair = PairHash(key[0], key[1]);
            _phrasePairs[pair >> 6] |= 1UL << (int)pair;
        }
    }

    /// <summary>Flag byte per UTF-16 unit (65,536 entries).</summary>
    internal ReadOnlySpan<byte> Flags => _flags;

    /// <summary>
    /// Per UTF-16 unit, what it converts to one for one (itself when unchanged), or <see cref="StopUnit"/> where the
    /// converter must look at the unit's flags (65,536 entries).
    /// </summary>
    internal ReadOnlySpan<char> Units => _units;

    /// <summary>Number of TSPhrases entries.</summary>
    internal int PhraseCount => _phrases.Dictionary.Count;

    /// <summary>Loads the conversion dictionaries embedded in this assembly.</summary>
    internal static OpenCcDictionary LoadEmbedded()
    {
        var assembly = typeof(OpenCcDictionary).Assembly;
        return Load(ReadEntries(assembly, "TSPhrases.txt"), ReadEntries(assembly, "TSCharacters.txt"));
    }

    /// <summary>
    /// The script-specific characters of the embedded dictionaries by <see cref="Classify"/>: what the prebuilt
    /// table of <see cref="ScriptEvidence"/> must hold (its test compares the two).
    /// </summary>
    internal static IEnumerable<(int CodePoint, byte Script)> ClassifyEmbedded()
    {
        var assembly = typeof(OpenCcDictionary).Assembly;
        return Classify(
            ReadEntries(assembly, "TSCharacters.txt"),
            ReadEntries(assembly, "STCharacters.txt"),
            [.. ReadEntries(assembly, "TWVariants.txt"), .. ReadEntries(assembly, "HKVariants.txt")]);
    }

    /// <summary>Builds the tables from dictionary entries (key and candidates, first candidate is the default).</summary>
    internal static OpenCcDictionary Load(
        IReadOnlyList<(string Key, string[] Values)> tsPhrases,
        IReadOnlyList<(string Key, string[] Values)> tsCharacters)
    {
        var flags = new byte[char.MaxValue + 1];
        var bmp = new string?[char.MaxValue + 1];
        var supplementary = new Dictionary<int, string>();
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        var phraseLengths = new Dictionary<char, ulong>();

        for (var c = 0xD800; c <= 0xDBFF; c++)
        {
            flags[c] = HighSurrogateFlag;
        }

        foreach (var (key, values) in tsCharacters)
        {
            var cp = SingleCodePoint(key, "TSCharacters");
            var value = values[0];
            if (string.Equals(value, key, StringComparison.Ordinal))
            {
                // The default keeps the character: no work for the converter.
                continue;
            }

            if (cp <= char.MaxValue)
            {
                bmp[cp] = value;
                flags[cp] |= MappedFlag;
            }
            else
            {
                supplementary[cp] = value;
            }
        }

        foreach (var (key, values) in tsPhrases)
        {
            // Phrases whose value equals the key still matter: they stop their characters from converting (乾隆).
            phrases[key] = values[0];
            if (key.Length >= 64)
            {
                throw new InvalidDataException($"TSPhrases key longer than 63 UTF-16 units: {key}");
            }

            var first = key[0];
            flags[first] |= PhraseStartFlag;
            phraseLengths[first] = phraseLengths.GetValueOrDefault(first) | (1UL << key.Length);
        }

        return new OpenCcDictionary(flags, bmp, supplementary, phrases, phraseLengths);
    }

    /// <summary>
    /// The script evidence of each character.
    /// Traditional-only: a TSCharacters key whose candidates do not include itself, that is no simplified form of
    /// anything (not a TSCharacters candidate) and no simplified character (not an STCharacters key).
    /// Simplified-only: the mirror image — an STCharacters key whose candidates do not include itself, that is no
    /// traditional form (not an STCharacters candidate), no traditional character (not a TSCharacters key) and no
    /// Taiwan or Hong Kong standard form (not a TWVariants/HKVariants candidate: 群, 峰, 户, 温 are written so there).
    /// Characters in both worlds (台, 后, 干, 乾, 著 …) are evidence of neither.
    /// </summary>
    internal static IEnumerable<(int CodePoint, byte Script)> Classify(
        IReadOnlyList<(string Key, string[] Values)> tsCharacters,
        IReadOnlyList<(string Key, string[] Values)> stCharacters,
        IReadOnlyList<(string Key, string[] Values)> regionalVariants)
    {
        var tsKeys = tsCharacters.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var stKeys = stCharacters.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var tsValues = tsCharacters.SelectMany(e => e.Values).ToHashSet(StringComparer.Ordinal);
        var stValues = stCharacters.SelectMany(e => e.Values).ToHashSet(StringComparer.Ordinal);
        var regionalValues = regionalVariants.SelectMany(e => e.Values).ToHashSet(StringComparer.Ordinal);

        foreach (var (key, values) in tsCharacters)
        {
            if (!values.Contains(key, StringComparer.Ordinal) && !tsValues.Contains(key) && !stKeys.Contains(key))
            {
                yield return (char.ConvertToUtf32(key, 0), ScriptEvidence.TraditionalOnly);
            }
        }

        foreach (var (key, values) in stCharacters)
        {
            if (!values.Contains(key, StringComparer.Ordinal) && !stValues.Contains(key) && !tsKeys.Contains(key)
                && !regionalValues.Contains(key))
            {
                yield return (char.ConvertToUtf32(key, 0), ScriptEvidence.SimplifiedOnly);
            }
        }
    }

    /// <summary>The replacement of a supplementary character, when TSCharacters changes it.</summary>
    internal bool TryGetSupplementary(int codePoint, out string value) =>
        _supplementaryCharacters.TryGetValue(codePoint, out value!);

    /// <summary>The one-unit replacement of a BMP character flagged <see cref="MappedFlag"/>, or U+0000 when longer.</summary>
    internal char BmpSingleUnitReplacement(char c) => _bmpSingleUnits[c];

    /// <summary>The replacement of a BMP character flagged <see cref="MappedFlag"/>.</summary>
    internal string BmpReplacement(char c) => _bmpCharacters[c]!;

    /// <summary>
    /// The longest TSPhrases key that <paramref name="text"/> starts with (OpenCC's maximum matching).
    /// Only called at units flagged <see cref="PhraseStartFlag"/>.
    /// </summary>
    internal bool TryMatchPhrase(ReadOnlySpan<char> text, out string value, out int length)
    {
        // Keys of two units or more can match only where the text's first two units lead some key.
        var pair = text.Length >= 2 ? PairHash(text[0], text[1]) : 0;
        var pairMayMatch = text.Length >= 2 && (_phrasePairs[pair >> 6] & (1UL << (int)pair)) != 0;
        if (!pairMayMatch && !_hasSingleUnitPhrases)
        {
            value = string.Empty;
            length = 0;
            return false;
        }

        var lengths = _phraseLengths[text[0]];
        if (!pairMayMatch)
        {
            lengths &= 1UL << 1;
        }

        if (text.Length < 63)
        {
            lengths &= (2UL << text.Length) - 1;
        }

        while (lengths != 0)
        {
            var candidate = 63 - System.Numerics.BitOperations.LeadingZeroCount(lengths);
            if (_phrases.TryGetValue(text[..candidate], out value!))
            {
                length = candidate;
                return true;
            }

            lengths &= ~(1UL << candidate);
        }

        value = string.Empty;
        length = 0;
        return false;
    }

    // The top 16 bits of a multiplicative hash of the pair: neighbouring Han units spread over the whole table.
    private static uint PairHash(char first, char second) => ((first * 0x9E3779B1u) + (second * 0x85EBCA6Bu)) >> 16;

    private static int SingleCodePoint(string key, string dictionary)
    {
        if (key.Length == 1 && !char.IsSurrogate(key[0]))
        {
            return key[0];
        }

        if (key.Length == 2 && char.IsSurrogatePair(key[0], key[1]))
        {
            return char.ConvertToUtf32(key[0], key[1]);
        }

        throw new InvalidDataException($"{dictionary} key is not a single character: {key}");
    }

    private static List<(string Key, string[] Values)> ReadEntries(Assembly assembly, string file)
    {
        using var reader = new StreamReader(EmbeddedData.Open(assembly, ResourcePrefix + file), Encoding.UTF8);
        return ParseEntries(reader, file);
    }

    /// <summary>Parses OpenCC's text dictionary format: key, a tab, space-separated candidates.</summary>
    internal static List<(string Key, string[] Values)> ParseEntries(TextReader reader, string file)
    {
        var entries = new List<(string Key, string[] Values)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException($"{file}:{lineNumber}: expected 'key<TAB>candidates'");
            }

            var values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            entries.Add((line[..tab], values));
        }

        return entries;
    }
}
