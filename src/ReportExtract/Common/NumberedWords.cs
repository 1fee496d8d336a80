using System.Collections.Frozen;

namespace ReportExtract.Common;

/// <summary>
/// Words numbered 0, 1, … (the empty word aside), found in a text in one pass as a set of their numbers (one bit
/// each). Where many small word lists are asked of the same text (the indicator catalog's rules, each with its
/// context and exclusion words), one search for all their words followed by a mask per list (<see cref="WordMask"/>)
/// replaces a search per list; and one start bitmap replaces a bitmap per list, which kept falling out of the cache.
/// Immutable once built.
/// </summary>
internal sealed class NumberedWords
{
    private readonly CharBitmap _starts;
    private readonly FrozenDictionary<char, (string Word, int Id)[]> _byStart;
    private readonly FrozenDictionary<string, int> _ids;

    /// <summary>Numbers the distinct non-empty <paramref name="words"/> in the order given.</summary>
    public NumberedWords(IEnumerable<string> words)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (word.Length > 0)
            {
                ids.TryAdd(word, ids.Count);
            }
        }

        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal);
        Count = ids.Count;
        SetLength = (Count + 63) >> 6;
        _byStart = ids.GroupBy(w => w.Key[0]).ToFrozenDictionary(g => g.Key, g => g.Select(w => (w.Key, w.Value)).ToArray());
        _starts = new CharBitmap(_byStart.Keys);
    }

    /// <summary>How many words are numbered.</summary>
    public int Count { get; }

    /// <summary>How many 64-bit words a set of their numbers takes.</summary>
    public int SetLength { get; }

    /// <summary>The number of <paramref name="word"/>, or -1 (the empty word, a word not numbered).</summary>
    public int IdOf(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>True when <paramref name="found"/> holds number <paramref name="id"/> (false for -1).</summary>
    public static bool Holds(ReadOnlySpan<ulong> found, int id) => id >= 0 && (found[id >> 6] & (1UL << (id & 63))) != 0;

    /// <summary>The mask of <paramref name="words"/>, all of which must be numbered here or empty.</summary>
    public WordMask MaskOf(IEnumerable<string> words)
    {
        var bits = new ulong[SetLength];
        var any = false;
        var always = false;
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                always = true;
                continue;
            }

            var id = _ids.TryGetValue(word, out var known) ? known : throw new ArgumentException($"'{word}' is not numbered", nameof(words));
            bits[id >> 6] |= 1UL << (id & 63);
            any = true;
        }

        return new WordMask(any ? bits : null, always);
    }

    /// <summary>Adds to <paramref name="found"/> (<see cref="SetLength"/> long) the number of every word <paramref name="text"/> contains.</summary>
    public void Find(ReadOnlySpan<char> text, Span<ulong> found) => Find(text, found, int.MaxValue, default, int.MaxValue, default);

    /// <summary>
    /// Adds to <paramref name="found"/> the number of every word <paramref name="text"/> contains, and to
    /// <paramref name="fromFirst"/> and <paramref name="fromSecond"/> those that <paramref name="text"/>'s suffixes
    /// from <paramref name="first"/> and <paramref name="second"/> contain: a word stands in a suffix exactly when it
    /// starts in it, as the suffix ends with the text. One pass answers the text and two of its suffixes.
    /// </summary>
    public void Find(ReadOnlySpan<char> text, Span<ulong> found, int first, Span<ulong> fromFirst, int second, Span<ulong> fromSecond)
    {
        var starts = _starts;
        for (var at = starts.IndexOfAny(text); at >= 0;)
        {
            var rest = text[at..];
            foreach (var (word, id) in _byStart[rest[0]])
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    var bit = 1UL << (id & 63);
                    found[id >> 6] |= bit;
                    if (at >= first)
                    {
                        fromFirst[id >> 6] |= bit;
                    }

                    if (at >= second)
                    {
                        fromSecond[id >> 6] |= bit;
                    }
                }
            }

            var next = starts.IndexOfAny(rest[1..]);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }
}

/// <summary>
/// A word list as a set of <see cref="NumberedWords"/> numbers: whether a text found as such a set contains any of
/// its words. The empty word is contained in every text, as with <see cref="WordSearchValues"/>.
/// </summary>
internal readonly struct WordMask(ulong[]? bits, bool always)
{
    /// <summary>True for a list without words.</summary>
    public bool IsEmpty => bits is null && !always;

    /// <summary>True when the text whose words are <paramref name="found"/> contains one of the list's.</summary>
    public bool Meets(ReadOnlySpan<ulong> found)
    {
        if (always)
        {
            return true;
        }

        if (bits is null)
        {
            return false;
        }

        for (var w = 0; w < bits.Length; w++)
        {
            if ((bits[w] & found[w]) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
