namespace ReportExtract.Normalization;

/// <summary>
/// Tells whether a text holds any of a few literal words: a bitmap finds the units a word starts with, and only
/// the words starting with that unit are compared there (most units of Chinese text start no word at all).
/// </summary>
internal sealed class WordFinder
{
    private readonly CharBitmap _starts;
    private readonly Dictionary<char, string[]> _byStart;

    /// <summary>A finder of <paramref name="words"/> (empty words are ignored).</summary>
    public WordFinder(IEnumerable<string> words)
    {
        _byStart = words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)
            .GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _starts = new CharBitmap(_byStart.Keys);
    }

    /// <summary>Whether one of the words occurs in <paramref name="text"/> (ordinal).</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var at = _starts.IndexOfAny(text);
        while (at >= 0)
        {
            var rest = text[at..];
            foreach (var word in _byStart[rest[0]])
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            var next = _starts.IndexOfAny(rest[1..]);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }
}
