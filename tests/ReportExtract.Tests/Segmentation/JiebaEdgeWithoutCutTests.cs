using System.Text;
using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>
/// An edge the segmenter calls known without cutting (<see cref="JiebaSegmenter.IsEdgeWithoutHmm"/>) is an edge of the
/// cut: checked against the whole cut without the HMM, on texts made of dictionary words (whose neighbours often form
/// longer words across their seams) mixed with every kind of character a report holds. The pair filter behind it lets
/// through every pair that stands inside a word of the dictionary, the built-in one and one with user words.
/// </summary>
public sealed class JiebaEdgeWithoutCutTests
{
    private static readonly JiebaSegmenter Segmenter = BuiltIn.Segmenter;

    // What reports hold besides dictionary words: ASCII letters and digits (which join into one token when single),
    // the symbols that stay inside a block, punctuation and spaces that end one, CRLF, a supplementary character (a
    // surrogate pair), full-width digits, traditional characters, and Han characters outside jieba's range.
    private static readonly string[] Others =
    [
        "a", "B", "7", "0", "ab", "12", "3.5", "+", "#", "&", "_", "%", "-", ".", "，", "。", "、", "（", "）", "“", "”", " ",
        "\u3000", "\r\n", "\r", "\n", "𠀀", "\uD840", "１２", "臺", "灣", "縣", "議", "會", "處", "理", "\u9FD6", "\u3400", "·",
    ];

    internal static readonly Lazy<string[]> DictionaryWords = new(() => WordsOf(Segmenter.Lexicon));

    /// <summary>Every word of <paramref name="lexicon"/> (a node with a frequency), read off the trie depth first.</summary>
    private static string[] WordsOf(PrefixLexicon lexicon)
    {
        var words = new List<string>();
        var path = new StringBuilder();
        void Visit(int node)
        {
            if (node != 0 && lexicon.Frequency(node) > 0)
            {
                words.Add(path.ToString());
            }

            for (var child = lexicon.FirstChild(node); child < lexicon.ChildEnd(node); child++)
            {
                path.Append(lexicon.Label(child));
                Visit(child);
                path.Length--;
            }
        }

        Visit(0);
        return [.. words];
    }

    /// <summary>Up to 30 dictionary words and other characters a report holds, in random order.</summary>
    internal static string RandomText(Random random)
    {
        var words = DictionaryWords.Value;
        var text = new StringBuilder();
        for (var n = random.Next(1, 30); n > 0; n--)
        {
            text.Append(random.Next(4) == 0 ? Others[random.Next(Others.Length)] : words[random.Next(words.Length)]);
        }

        return text.ToString();
    }

    private static HashSet<int> CutEdges(JiebaSegmenter segmenter, string text)
    {
        var edges = new HashSet<int> { 0 };
        foreach (var word in segmenter.Cut(text, hmm: false))
        {
            edges.Add(word.Start);
            edges.Add(word.Start + word.Length);
        }

        return edges;
    }

    [Fact]
    public void The_filter_lets_through_every_pair_inside_a_dictionary_word()
    {
        var filter = Segmenter.Lexicon.AdjacentPairs;
        var pairs = 0;
        foreach (var word in DictionaryWords.Value)
        {
            for (var k = 1; k < word.Length; k++)
            {
                filter.MayAdjoin(word[k - 1], word[k]).Should().BeTrue("{0} holds {1}{2}", word, word[k - 1], word[k]);
                pairs++;
            }
        }

        pairs.Should().BeGreaterThan(500_000, "the whole dictionary is read");
    }

    [Fact]
    public void The_filter_turns_away_most_pairs_no_word_holds()
    {
        var inside = DictionaryWords.Value.SelectMany(w => w.Zip(w.Skip(1), (a, b) => (a, b))).ToHashSet();
        var filter = Segmenter.Lexicon.AdjacentPairs;
        var random = new Random(7);
        int outside = 0, passed = 0;
        while (outside < 100_000)
        {
            var pair = ((char)random.Next(0x4E00, 0x9FA6), (char)random.Next(0x4E00, 0x9FA6));
            if (!inside.Contains(pair))
            {
                outside++;
                passed += filter.MayAdjoin(pair.Item1, pair.Item2) ? 1 : 0;
            }
        }

        passed.Should().BeLessThan(outside / 20, "a filter that lets everything through saves no cut");
    }

    [Fact]
    public void A_user_dictionary_adds_its_words_pairs()
    {
        var user = Segmenter.WithUserDictionary(["龘靐齉 5 nz", "依法行政ABC 20 nz"]);
        Segmenter.Lexicon.AdjacentPairs.MayAdjoin('靐', '齉').Should().BeFalse("no built-in word holds 靐齉");
        user.Lexicon.AdjacentPairs.MayAdjoin('龘', '靐').Should().BeTrue();
        user.Lexicon.AdjacentPairs.MayAdjoin('靐', '齉').Should().BeTrue();
        user.IsEdgeWithoutHmm("字龘靐齉字", 3).Should().BeFalse("the user word spans it");
        Segmenter.IsEdgeWithoutHmm("字龘靐齉字", 3).Should().BeTrue();
        user.Cut("字龘靐齉字", hmm: false).Should().Contain(new WordToken(1, 3));
    }

    [Theory]
    [InlineData("处理行政处罚案件32件", 8, true)]
    [InlineData("处理行政处罚案件32件", 0, true)]
    [InlineData("处理行政处罚案件32件", 11, true)]
    [InlineData("处理行政处罚案件32件", 9, false)]
    [InlineData("案件，共", 2, true)]
    [InlineData("案件，共", 3, true)]
    [InlineData("a\r\nb", 2, false)]
    [InlineData("ab", 1, false)]
    [InlineData("a𠀀", 2, false)]
    public void Known_edges_are_block_ends_and_gaps_no_word_spans(string text, int position, bool known)
    {
        Segmenter.IsEdgeWithoutHmm(text, position).Should().Be(known);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(2026)]
    public void Every_edge_known_without_cutting_is_an_edge_of_the_cut_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        var user = Segmenter.WithUserDictionary(["依法行政ABC 20 nz", "执法案卷评查 8", "ab12 3"]);
        int known = 0, unknownEdges = 0;
        for (var round = 0; round < 400; round++)
        {
            var text = RandomText(random);
            foreach (var segmenter in new[] { Segmenter, user })
            {
                var edges = CutEdges(segmenter, text);
                for (var p = 0; p <= text.Length; p++)
                {
                    if (segmenter.IsEdgeWithoutHmm(text, p))
                    {
                        edges.Should().Contain(p, "{0} is called an edge of {1}", p, text);
                        known++;
                    }
                    else if (edges.Contains(p))
                    {
                        unknownEdges++;
                    }
                }
            }
        }

        known.Should().BeGreaterThan(3 * unknownEdges, "most edges are known without cutting");
        unknownEdges.Should().BeGreaterThan(300, "the texts hold words that span their seams");
    }
}
