namespace ReportExtract.Segmentation;

/// <summary>
/// Which two characters stand side by side inside some word of a dictionary, as a blocked Bloom filter: a pair it
/// turns away stands inside no word, so no word of any cut spans the gap between its characters. A pair it lets
/// through may or may not (about one in forty of the others passes), so "may" is only a reason to cut.
/// </summary>
/// <remarks>
/// A word edge asked of the subject finder almost always lies between two characters no word joins (处理|行政处罚):
/// this answers those with one read of a 512 KB table, where jieba's route would walk the dictionary from every
/// character of the block.
/// </remarks>
internal sealed class AdjacentPairFilter
{
    // 2^16 words of 64 bits: each pair sets two bits of one word, so a test reads one cache line.
    private const int WordBits = 16;

    private readonly ulong[] _words = new ulong[1 << WordBits];

    /// <summary>A filter of every pair of characters that follow one another on a path of <paramref name="lexicon"/>'s trie.</summary>
    public AdjacentPairFilter(PrefixLexicon lexicon)
    {
        // Every node below the root's children closes a pair with its parent; a word holds only such pairs (its
        // prefixes are nodes), and prefixes that end no word add pairs too, which only makes "may" likelier.
        for (var parent = 1; parent < lexicon.NodeCount; parent++)
        {
            var left = lexicon.Label(parent);
            for (var child = lexicon.FirstChild(parent); child < lexicon.ChildEnd(parent); child++)
            {
                var (word, mask) = Slot(left, lexicon.Label(child));
                _words[word] |= mask;
            }
        }
    }

    /// <summary>False when no word of the dictionary holds <paramref name="left"/> right before <paramref name="right"/>.</summary>
    public bool MayAdjoin(char left, char right)
    {
        var (word, mask) = Slot(left, right);
        return (_words[word] & mask) == mask;
    }

    private static (int Word, ulong Mask) Slot(char left, char right)
    {
        // A multiplicative hash: its high bits mix every bit of the pair; the word comes from the top 16, the two bits
        // from the 12 below them.
        var hash = (((ulong)left << 16) | right) * 0x9E3779B97F4A7C15UL;
        return ((int)(hash >> (64 - WordBits)), (1UL << (int)((hash >> 42) & 63)) | (1UL << (int)((hash >> 36) & 63)));
    }
}
