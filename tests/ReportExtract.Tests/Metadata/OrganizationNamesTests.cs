using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ReportExtract.Metadata;

namespace ReportExtract.Tests.Metadata;

/// <summary>The first-character prefilters of the lexicon's word lists turn away only texts no word starts.</summary>
public sealed class OrganizationNamesTests
{
    private static readonly MetadataLexicon Lexicon = MetadataLexicon.LoadEmbedded();

    public static TheoryData<string> Lists() => ["suffix", "not-start", "subject-end", "follower"];

    [Theory]
    [MemberData(nameof(Lists))]
    public void Every_text_a_word_starts_passes_the_prefilter(string list)
    {
        var (words, firsts) = Of(list);
        var random = new Random(list.Length);
        var texts = new List<string>();
        foreach (var word in words)
        {
            // The word itself, the word inside a name, its tail and its head, with text after it.
            texts.AddRange([word, word + "局办公室", "某某" + word, word[1..], word[..^1] + "年"]);
        }

        for (var i = 0; i < 2000; i++)
        {
            texts.Add(RandomText(random, words));
        }

        foreach (var text in texts)
        {
            for (var start = 0; start <= text.Length; start++)
            {
                var rest = text.AsSpan(start);
                if (OrganizationNames.StartsWithAny(rest, words))
                {
                    OrganizationNames.MayStartWithAny(rest, firsts).Should().BeTrue($"'{rest}' starts with a {list} word");
                }
            }
        }

        texts.Should().Contain(t => !OrganizationNames.MayStartWithAny(t, firsts), "the prefilter turns some texts away");
    }

    private static (ImmutableArray<string> Words, SearchValues<char> Firsts) Of(string list) => list switch
    {
        "suffix" => (Lexicon.OrganizationSuffixes, Lexicon.OrganizationSuffixStarts),
        "not-start" => (Lexicon.NotOrganizationStart, Lexicon.NotOrganizationStartFirsts),
        "follower" => (Lexicon.SignatureFollowers, Lexicon.SignatureFollowerStarts),
        _ => (Lexicon.SubjectEnds, Lexicon.SubjectEndStarts),
    };

    private static string RandomText(Random random, ImmutableArray<string> words)
    {
        const string filler = "某市区县镇局委办人民政府在的了，。 ";
        var text = new StringBuilder();
        for (var n = random.Next(0, 8); n > 0; n--)
        {
            text.Append(random.Next(3) == 0 ? words[random.Next(words.Length)] : filler[random.Next(filler.Length)].ToString());
        }

        return text.ToString();
    }
}
