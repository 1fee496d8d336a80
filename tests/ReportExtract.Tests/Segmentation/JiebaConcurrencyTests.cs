using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>One instance, many threads: the same results as one thread; and invariants on seeded random text.</summary>
public sealed class JiebaConcurrencyTests
{
    [Fact]
    public void Many_threads_sharing_one_instance_get_the_single_thread_results()
    {
        var segmenter = BuiltIn.Segmenter;
        var lines = JiebaGoldenFiles.Corpus.Take(4000).ToArray();
        var expectedCut = lines.Select(l => segmenter.Cut(l).ToArray()).ToArray();
        var expectedTag = lines.Select(l => segmenter.Tag(l).ToArray()).ToArray();

        var cut = new WordToken[lines.Length][];
        var tag = new TaggedToken[lines.Length][];
        Parallel.For(0, lines.Length * 2, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % lines.Length;
            if (k < lines.Length)
            {
                cut[i] = [.. segmenter.Cut(lines[i])];
            }
            else
            {
                tag[i] = [.. segmenter.Tag(lines[i])];
            }
        });

        for (var i = 0; i < lines.Length; i++)
        {
            cut[i].Should().Equal(expectedCut[i]);
            tag[i].Should().Equal(expectedTag[i]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Tokens_tile_any_input_exactly(int seed)
    {
        // Han, Latin, digits, jieba's block symbols, whitespace, full-width forms, surrogate pairs, lone surrogates.
        const string alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞ABCxyz0123456789０１２+#&._%-/,:;()（），。、：；！？“” \t\u3000\u00A0\r\n𠮷😀";
        var random = new Random(seed);
        var segmenter = BuiltIn.Segmenter;
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(50) == 0 ? (char)random.Next(0xD800, 0xE000) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var hmm in new[] { true, false })
            {
                AssertTiles(text, segmenter.Cut(text, hmm).Select(t => (t.Start, t.Length)));
                AssertTiles(text, segmenter.Tag(text, hmm).Select(t => (t.Start, t.Length)));
                segmenter.Tag(text, hmm).Where(t => string.IsNullOrEmpty(t.Tag)).Should().BeEmpty();
            }
        }
    }

    private static void AssertTiles(string text, IEnumerable<(int Start, int Length)> tokens)
    {
        var position = 0;
        foreach (var (start, length) in tokens)
        {
            start.Should().Be(position);
            length.Should().BePositive();
            position += length;
        }

        position.Should().Be(text.Length);
    }
}
