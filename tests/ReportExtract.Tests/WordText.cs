using System.Text;

namespace ReportExtract.Tests;

/// <summary>Seeded random text made of the words a matcher looks for, for tests that hold a fast matcher to a plain search.</summary>
internal static class WordText
{
    /// <summary>
    /// Up to <paramref name="maxWords"/> of <paramref name="words"/> in a row; now and then only the first half of a
    /// word, so that a word's first characters stand without the rest.
    /// </summary>
    public static string Of(Random random, string[] words, int maxWords)
    {
        var b = new StringBuilder();
        for (var n = random.Next(0, maxWords); n > 0; n--)
        {
            var word = words[random.Next(words.Length)];
            b.Append(random.Next(6) == 0 ? word[..((word.Length + 1) / 2)] : word);
        }

        return b.ToString();
    }
}
