using ReportExtract.Segmentation;
using Xunit.Abstractions;

namespace ReportExtract.Tests.Segmentation;

/// <summary>Parity with Python jieba 0.42.1 on the ≥ 1 MB corpus, from golden files the reference wrote.</summary>
public sealed class JiebaParityTests(ITestOutputHelper output)
{
    private static readonly JiebaSegmenter Segmenter = BuiltIn.Segmenter;

    public static TheoryData<string, bool, double> CutModes => new()
    {
        { "cut.jsonl.gz", true, 0.999 },
        { "cut-nohmm.jsonl.gz", false, 0.999 },
    };

    public static TheoryData<string, bool, double> TagModes => new()
    {
        { "pos.jsonl.gz", true, 0.995 },
        { "pos-nohmm.jsonl.gz", false, 0.995 },
    };

    internal static string[] CutWords(string line, bool hmm) =>
        Segmenter.Cut(line, hmm).Select(t => line.Substring(t.Start, t.Length)).ToArray();

    internal static string[] TagWords(string line, bool hmm) =>
        Segmenter.Tag(line, hmm).Select(t => line.Substring(t.Start, t.Length) + "/" + t.Tag).ToArray();

    [Fact]
    public void Corpus_is_at_least_one_megabyte_of_text()
    {
        JiebaGoldenFiles.Corpus.Sum(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1).Should().BeGreaterThanOrEqualTo(1_000_000);
    }

    [Theory]
    [MemberData(nameof(CutModes))]
    public void Cut_agrees_with_jieba_cut_on_the_corpus(string golden, bool hmm, double threshold)
    {
        var expected = JiebaGoldenFiles.Words(golden);
        AssertAgreement(expected, line => CutWords(line, hmm), threshold, golden);
    }

    [Theory]
    [MemberData(nameof(TagModes))]
    public void Tag_agrees_with_jieba_posseg_on_the_corpus(string golden, bool hmm, double threshold)
    {
        var expected = JiebaGoldenFiles.Tagged(golden);
        AssertAgreement(expected, line => TagWords(line, hmm), threshold, golden);
    }

    [Theory]
    [InlineData("cut.jsonl.gz", false, true)]
    [InlineData("cut-nohmm.jsonl.gz", false, false)]
    [InlineData("pos.jsonl.gz", true, true)]
    [InlineData("pos-nohmm.jsonl.gz", true, false)]
    public void Samples_are_segmented_exactly_as_jieba_does(string golden, bool tag, bool hmm)
    {
        var corpus = JiebaGoldenFiles.Corpus;
        var expected = tag ? JiebaGoldenFiles.Tagged(golden) : JiebaGoldenFiles.Words(golden);
        var byLine = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < corpus.Length; i++)
        {
            byLine.TryAdd(corpus[i], expected[i]);
        }

        var samples = JiebaGoldenFiles.SampleLines().ToList();
        samples.Should().HaveCountGreaterThan(150);
        foreach (var line in samples)
        {
            byLine.Should().ContainKey(line, "the corpus starts with the samples");
            var actual = tag ? TagWords(line, hmm) : CutWords(line, hmm);
            actual.Should().Equal(byLine[line], "line: {0}", line);
        }
    }

    [Fact]
    public void A_user_dictionary_instance_agrees_with_jieba_after_load_userdict()
    {
        var user = Segmenter.WithUserDictionary(File.ReadAllLines(JiebaGoldenFiles.Path("userdict.txt")));
        var words = JiebaGoldenFiles.Words("cut-user.jsonl.gz");
        var tagged = JiebaGoldenFiles.Tagged("pos-user.jsonl.gz");
        var lines = JiebaGoldenFiles.Corpus.Take(words.Length).ToArray();
        words.Should().HaveCount(2000);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            user.Cut(line).Select(t => line.Substring(t.Start, t.Length)).Should().Equal(words[i], "line: {0}", line);
            user.Tag(line).Select(t => line.Substring(t.Start, t.Length) + "/" + t.Tag).Should().Equal(tagged[i], "line: {0}", line);
        }

        // The user words did change something, and only in the user instance.
        var changed = lines.Count(l => !CutWords(l, true).SequenceEqual(user.Cut(l).Select(t => l.Substring(t.Start, t.Length))));
        changed.Should().BeGreaterThan(20);
    }

    [Fact]
    public void Mixed_script_and_symbol_lines_are_segmented_exactly_as_jieba_does()
    {
        var cases = JiebaGoldenFiles.MixedCases();
        cases.Should().HaveCountGreaterThan(1000);
        foreach (var c in cases)
        {
            CutWords(c.Text, true).Should().Equal(c.Cut, "cut: {0}", c.Text);
            CutWords(c.Text, false).Should().Equal(c.CutNoHmm, "cut, no HMM: {0}", c.Text);
            TagWords(c.Text, true).Should().Equal(c.Pos.Select(p => p[0] + "/" + p[1]), "posseg: {0}", c.Text);
            TagWords(c.Text, false).Should().Equal(c.PosNoHmm.Select(p => p[0] + "/" + p[1]), "posseg, no HMM: {0}", c.Text);
        }
    }

    private void AssertAgreement(string[][] expected, Func<string, string[]> actual, double threshold, string golden)
    {
        var corpus = JiebaGoldenFiles.Corpus;
        expected.Should().HaveCount(corpus.Length);
        var same = 0;
        var firstMismatches = new List<string>();
        for (var i = 0; i < corpus.Length; i++)
        {
            var got = actual(corpus[i]);
            if (got.SequenceEqual(expected[i], StringComparer.Ordinal))
            {
                same++;
            }
            else if (firstMismatches.Count < 5)
            {
                firstMismatches.Add($"{corpus[i]}\n  jieba: {string.Join(' ', expected[i])}\n  ours:  {string.Join(' ', got)}");
            }
        }

        var rate = (double)same / corpus.Length;
        output.WriteLine($"{golden}: {same}/{corpus.Length} lines identical ({rate:P3})");
        firstMismatches.ForEach(output.WriteLine);
        rate.Should().BeGreaterThanOrEqualTo(threshold, string.Join("\n", firstMismatches));
    }
}
