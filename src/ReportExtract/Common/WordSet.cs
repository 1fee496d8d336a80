using System.Collections.Frozen;

namespace ReportExtract.Common;

/// <summary>
/// Words looked up at a position of the text, longest first: those starting there, or those ending there.
/// Indexed by first and last character, so a look-up touches only words that can match.
/// </summary>
internal sealed class WordSet<T>
{
    private readonly FrozenDictionary<char, (string Word, T Value)[]> _byFirst;
    private readonly FrozenDictionary<char, (string Word, T Value)[]> _byLast;
    private readonly int _maxLength;

    // Most positions hold no first or last character of any word: a bitmap test rejects them before a dictionary look-up.
    // (SearchValues of CJK characters are a probabilistic map whose every hit is confirmed by a search of the members.)
    private readonly CharBitmap _firsts;
    private readonly CharBitmap _lasts;

    public WordSet(IEnumerable<(string Word, T Value)> words)
    {
        var list = words.Where(w => w.Word.Length > 0).ToList();
        _byFirst = list.GroupBy(w => w.Word[0]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());
        _byLast = list.GroupBy(w => w.Word[^1]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());
        _maxLength = list.Count == 0 ? 0 : list.Max(w => w.Word.Length);
        _firsts = new CharBitmap(_byFirst.Keys);
        _lasts = new CharBitmap(_byLast.Keys);
    }

    /// <summary>The longest word starting at <paramref name="start"/> that satisfies <paramref name="accept"/>.</summary>
    public bool TryMatchAt(string text, int start, out string word, out T value, Func<string, T, int, bool>? accept = null)
    {
        if (start < text.Length && _firsts.Contains(text[start]) && _byFirst.TryGetValue(text[start], out var candidates))
        {
            foreach (var (w, v) in candidates)
            {
                if (text.AsSpan(start).StartsWith(w, StringComparison.Ordinal)
                    && (accept is null || accept(w, v, start + w.Length)))
                {
                    word = w;
                    value = v;
                    return true;
                }
            }
        }

        word = string.Empty;
        value = default!;
        return false;
    }

    /// <summary>Words starting with the character at <paramref name="start"/>, longest first (callers filter them without a closure).</summary>
    public ReadOnlySpan<(string Word, T Value)> StartingWith(string text, int start) =>
        start < text.Length && _firsts.Contains(text[start]) && _byFirst.TryGetValue(text[start], out var candidates) ? candidates : [];

    /// <summary>The longest word ending just before <paramref name="end"/> and starting at or after <paramref name="floor"/>.</summary>
    public bool TryMatchEndingAt(string text, int end, int floor, out string word, out T value)
    {
        if (end > 0 && end <= text.Length && _lasts.Contains(text[end - 1]) && _byLast.TryGetValue(text[end - 1], out var candidates))
        {
            foreach (var (w, v) in candidates)
            {
                var start = end - w.Length;
                if (start >= floor && start >= 0 && text.AsSpan(start).StartsWith(w, StringComparison.Ordinal))
                {
                    word = w;
                    value = v;
                    return true;
                }
            }
        }

        word = string.Empty;
        value = default!;
        return false;
    }

    /// <summary>True when some word occurrence covers <paramref name="position"/>, looking no further left than <paramref name="floor"/>.</summary>
    public bool Covers(string text, int position, int floor, out int wordStart, out int wordEnd)
    {
        // Every word that covers the position ends somewhere in [position + 1, position + longest]; walk those ends.
        for (var end = position + 1; end <= Math.Min(text.Length, position + _maxLength); end++)
        {
            if (!_lasts.Contains(text[end - 1]) || !_byLast.TryGetValue(text[end - 1], out var candidates))
            {
                continue;
            }

            foreach (var (w, _) in candidates)
            {
                var start = end - w.Length;
                if (start <= position && start >= floor && start >= 0 && text.AsSpan(start).StartsWith(w, StringComparison.Ordinal))
                {
                    wordStart = start;
                    wordEnd = end;
                    return true;
                }
            }
        }

        wordStart = wordEnd = -1;
        return false;
    }
}
