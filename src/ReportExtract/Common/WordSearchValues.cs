using System.Collections.Frozen;

namespace ReportExtract.Common;

/// <summary>
/// Words to look for in text, with the answers of an ordinal <c>SearchValues&lt;string&gt;</c> but fast on Chinese
/// words. .NET's multi-string search runs an automaton that looks each character up in a dictionary when the words
/// are not ASCII, and the metric stage asks such questions several times per figure (indicator subjects and
/// contexts, summary and target cues), page-chrome removal once per short line. Here a bitmap of the words' first
/// characters (<see cref="CharBitmap"/>) finds where a word may start, and only there are the few words that start
/// with that character compared. Immutable once built.
/// </summary>
internal sealed class WordSearchValues
{
    private readonly CharBitmap _starts;
    private readonly FrozenDictionary<char, string[]> _byStart;

    // An empty word occurs everywhere, even in empty text (as with SearchValues<string>).
    private readonly bool _hasEmptyWord;

    /// <summary>Builds the search for <paramref name="words"/>.</summary>
    public WordSearchValues(IEnumerable<string> words)
    {
        var distinct = words.Distinct(StringComparer.Ordinal).ToList();
        _hasEmptyWord = distinct.Contains(string.Empty);
        _byStart = distinct.Where(w => w.Length > 0)
            .GroupBy(w => w[0])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _starts = new CharBitmap(_byStart.Keys);
    }

    /// <summary>True when <paramref name="text"/> contains any of the words.</summary>
    public bool IsContainedIn(ReadOnlySpan<char> text)
    {
        if (_hasEmptyWord)
        {
            return true;
        }

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

/// <summary>The <c>span.ContainsAny(words)</c> spelling of <see cref="WordSearchValues.IsContainedIn"/>.</summary>
internal static class WordSearchValuesExtensions
{
    /// <summary>True when <paramref name="text"/> contains any of <paramref name="words"/>.</summary>
    public static bool ContainsAny(this ReadOnlySpan<char> text, WordSearchValues words) => words.IsContainedIn(text);
}
