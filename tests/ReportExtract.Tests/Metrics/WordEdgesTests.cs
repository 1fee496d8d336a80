using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// Word edges cut piece by piece, only as far as asked, answer as the whole stretch cut at once answered (the way
/// <see cref="WordEdges"/> worked before it cut on demand, kept here as the reference).
/// </summary>
public sealed class WordEdgesTests
{
    private static readonly JiebaClauseSegmenter Segmenter = new(BuiltIn.Segmenter);

    private static readonly string[] Parts =
    [
        "对", "47", "个", "执法单位", "874", "件", "执法案卷", "组织", "评审", "，", "。", "\n", "、", "深查细究", "存在问题", "逐案",
        "落实整改", "新批", "工业用地", "100%", "按", "“", "标准地", "”", "出让", "由", "2020", "年的", "3分", "提高至", "7.5",
        "分", "部门", "（", "街道", "）", "受理", "行政复议", "申请", " ", "ab",
    ];

    /// <summary>The stretch a question falls in cut whole when it is first asked, as before.</summary>
    private sealed class WholeStretchEdges(string text)
    {
        private HashSet<int> _edges = [];
        private int _start = -1;
        private int _end = -1;

        public bool IsWord(int wordStart, int wordEnd, int regionStart, int regionEnd)
        {
            if (regionEnd <= regionStart)
            {
                return true;
            }

            if (regionStart < _start || regionEnd > _end)
            {
                var limit = Math.Min(text.Length, regionEnd + WordEdges.Ahead);
                var stop = text.AsSpan(regionEnd, limit - regionEnd).IndexOfAny('。', '\n');
                _start = regionStart;
                _end = stop < 0 ? limit : regionEnd + stop;
                _edges = [];
                foreach (var word in BuiltIn.Segmenter.Cut(text.AsSpan(_start, _end - _start), hmm: false))
                {
                    _edges.Add(_start + word.Start);
                    _edges.Add(_start + word.Start + word.Length);
                }
            }

            return IsEdge(wordStart) && IsEdge(wordEnd);
        }

        private bool IsEdge(int position) => position >= _start && position <= _end && _edges.Contains(position);
    }

    [Fact]
    public void The_start_of_a_fresh_stretch_is_a_word_edge()
    {
        const string text = "提高至7.5分,部门由1.7分提高至4分";
        var edges = new WordEdges(Segmenter, text);
        edges.IsWord(0, 2, 0, 3).Should().BeTrue("提高 opens the stretch");
        edges.IsWord(0, 1, 0, 3).Should().BeFalse("提 is no word of its own");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(2026)]
    public void Answers_as_the_whole_stretch_cut_at_once_on_seeded_random_questions(int seed)
    {
        var random = new Random(seed);
        var answers = new int[2];
        for (var round = 0; round < 40; round++)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(20, 200); n > 0; n--)
            {
                builder.Append(Parts[random.Next(Parts.Length)]);
            }

            var text = builder.ToString();
            var edges = new WordEdges(Segmenter, text);
            var reference = new WholeStretchEdges(text);
            var at = 0;
            while (at < text.Length - 1)
            {
                // Questions mostly move on through the text, as figures do; now and then one looks back.
                var regionStart = random.Next(8) == 0 ? random.Next(0, at + 1) : at;
                var regionEnd = Math.Min(text.Length, regionStart + random.Next(0, 48));
                for (var q = random.Next(1, 6); q > 0; q--)
                {
                    var wordStart = random.Next(3) == 0 ? regionStart : random.Next(regionStart, regionEnd + 1);
                    var wordEnd = Math.Min(text.Length, wordStart + random.Next(1, 5));
                    var expected = reference.IsWord(wordStart, wordEnd, regionStart, regionEnd);
                    answers[expected ? 1 : 0]++;
                    edges.IsWord(wordStart, wordEnd, regionStart, regionEnd).Should().Be(
                        expected, "[{0}, {1}) in region [{2}, {3}) of {4}", wordStart, wordEnd, regionStart, regionEnd, text);
                }

                at += random.Next(1, 30);
            }
        }

        answers.Should().OnlyContain(n => n > 100, "the questions hold words and non-words");
    }
}
