using System.Text;
using ReportExtract.Common;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The phrase match's pair gate (a hashed bit per pair of leading key units) against a brute-force longest match
/// over every key: the gate may only turn away text where no key of two units or more can start.
/// </summary>
public sealed class OpenCcPhraseGateTests
{
    [Fact]
    public void Every_embedded_phrase_in_any_context_matches_as_the_longest_key_by_brute_force()
    {
        var phrases = EmbeddedEntries("TSPhrases.txt");
        var dictionary = OpenCcDictionary.Load(phrases, EmbeddedEntries("TSCharacters.txt"));
        var keys = phrases.ToDictionary(e => e.Key, e => e.Values[0], StringComparer.Ordinal);
        var random = new Random(20261208);
        var tails = new[] { string.Empty, "x", "。", "國", "们", "\uD800" };
        foreach (var key in keys.Keys)
        {
            foreach (var tail in tails)
            {
                Check(dictionary, keys, key + tail);
            }

            // Every proper prefix and the key's first unit before an arbitrary one.
            for (var n = 1; n < key.Length; n++)
            {
                Check(dictionary, keys, key[..n] + (char)random.Next(0x3400, 0xA000));
            }
        }

        // Seeded text made of keys' units: first units of keys followed by units that lead or do not lead keys.
        var units = keys.Keys.SelectMany(k => k).Distinct().ToArray();
        var firsts = keys.Keys.Select(k => k[0]).Distinct().ToArray();
        for (var round = 0; round < 50_000; round++)
        {
            var text = new StringBuilder().Append(firsts[random.Next(firsts.Length)]);
            for (var n = random.Next(0, 6); n > 0; n--)
            {
                text.Append(units[random.Next(units.Length)]);
            }

            Check(dictionary, keys, text.ToString());
        }
    }

    [Fact]
    public void Single_unit_and_longer_keys_match_as_by_brute_force()
    {
        // Keys of one unit are allowed by the format: where the pair gate turns the text away, they still match.
        (string Key, string[] Values)[] phrases =
            [("甲", ["a"]), ("甲乙", ["b"]), ("甲乙丙丁", ["c"]), ("乙", ["d"]), ("丙丁", ["e"]), ("𠀀丙", ["f"])];
        var dictionary = OpenCcDictionary.Load(phrases, []);
        var keys = phrases.ToDictionary(e => e.Key, e => e.Values[0], StringComparer.Ordinal);
        var pieces = new[] { "甲", "乙", "丙", "丁", "戊", "𠀀", "\uD840", "x" };
        var random = new Random(13);
        for (var round = 0; round < 20_000; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 7); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            if (keys.Keys.Any(k => k[0] == text[0]))
            {
                Check(dictionary, keys, text.ToString());
            }
        }
    }

    private static void Check(OpenCcDictionary dictionary, Dictionary<string, string> keys, string text)
    {
        var expected = keys.Keys.Where(k => text.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        var found = dictionary.TryMatchPhrase(text, out var value, out var length);
        if (found != (expected is not null) || (expected is not null && (length != expected.Length || value != keys[expected])))
        {
            (found ? text[..length] : "(none)").Should().Be(expected ?? "(none)", "the longest key that {0} starts with", text);
        }
    }

    private static List<(string Key, string[] Values)> EmbeddedEntries(string file)
    {
        var assembly = typeof(OpenCcDictionary).Assembly;
        using var reader = new StreamReader(EmbeddedData.Open(assembly, "ReportExtract.Resources.OpenCC/" + file), Encoding.UTF8);
        return OpenCcDictionary.ParseEntries(reader, file);
    }
}
