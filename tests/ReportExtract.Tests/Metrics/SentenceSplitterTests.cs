using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// The sentence splitter's two searches find the sentence and line starts one search over all the marks finds, and its
/// remembered sentence and line answer as a binary search over the starts answers, in any order of questions; the
/// range cursor finds what <see cref="RangeSet.Find"/> finds.
/// </summary>
public sealed class SentenceSplitterTests
{
    private static readonly SearchValues<char> Ends = SearchValues.Create("。！？!?\n");

    private static string RandomText(Random random)
    {
        const string alphabet = "全年受理案件件12。！？!?\n，、ab ";
        var b = new StringBuilder();
        for (var n = random.Next(0, 200); n > 0; n--)
        {
            b.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return b.ToString();
    }

    /// <summary>Sentence (or, with <paramref name="lines"/>, line) starts as one search over all the marks finds them.</summary>
    private static int[] Starts(string text, bool lines)
    {
        var starts = new List<int> { 0 };
        for (var i = text.AsSpan().IndexOfAny(Ends); i >= 0; i = text.AsSpan(i + 1).IndexOfAny(Ends) is var k and >= 0 ? i + 1 + k : -1)
        {
            if (!lines || text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(2026)]
    public void Sentences_and_lines_are_found_as_one_search_finds_them_whatever_the_order_of_questions(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var text = RandomText(random);
            var sentences = new SentenceSplitter(text);
            var starts = Starts(text, lines: false);
            var lineStarts = Starts(text, lines: true);
            for (var q = 0; q < 30; q++)
            {
                var position = random.Next(0, text.Length + 1);
                var k = Array.FindLastIndex(starts, s => s <= position);
                sentences.SentenceAt(position).Should().Be((starts[k], k + 1 < starts.Length ? starts[k + 1] : text.Length), "position {0} of {1}", position, text);
                sentences.LineStart(position).Should().Be(lineStarts.Last(s => s <= position), "position {0} of {1}", position, text);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(31)]
    public void The_range_cursor_finds_what_the_set_finds_for_rising_and_falling_positions(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var ranges = ImmutableArray.CreateBuilder<(int, int)>();
            for (var at = random.Next(0, 5); at < 100; at += random.Next(1, 10))
            {
                var end = at + random.Next(1, 8);
                ranges.Add((at, end));
                at = end;
            }

            var set = new RangeSet(ranges.ToImmutable());
            var cursor = new RangeCursor(set);
            var position = 0;
            for (var q = 0; q < 60; q++)
            {
                // Mostly rising, as a scan asks; now and then a step back.
                position = random.Next(10) == 0 ? random.Next(0, position + 1) : position + random.Next(0, 6);
                cursor.Find(position).Should().Be(set.Find(position), "position {0}", position);
            }
        }
    }

    // The clause marks as SearchValues had them before the splitter searched them through bitmaps: the reference.
    private static readonly SearchValues<char> MajorClauseEndsReference = SearchValues.Create("。！？!?\n，,；;：:");
    private static readonly SearchValues<char> ClauseEndsReference = SearchValues.Create("。！？!?\n，,；;：:、（）()【】[]\"");

    [Theory]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(2027)]
    public void Clause_edges_are_found_as_a_search_over_the_marks_finds_them(int seed)
    {
        // Every character of the BMP once among report text, so that no mark is missed and no other unit taken for one.
        var random = new Random(seed);
        var every = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            every.Append((char)c);
            if (random.Next(3) == 0)
            {
                every.Append("全年受理，案件12件、");
            }
        }

        var texts = new List<string> { every.ToString() };
        for (var round = 0; round < 200; round++)
        {
            texts.Add(RandomText(random) + "“双随机”（含）【注】[1](2)\"x\"；;：:");
        }

        foreach (var text in texts)
        {
            var sentences = new SentenceSplitter(text);
            for (var q = 0; q < 400; q++)
            {
                var a = random.Next(0, text.Length + 1);
                var b = Math.Min(text.Length, a + random.Next(0, 60));
                var back = text.AsSpan(a, b - a);
                var k = back.LastIndexOfAny(ClauseEndsReference);
                sentences.ClauseStart(b, a).Should().Be(k < 0 ? a : a + k + 1, "[{0}, {1})", a, b);
                k = back.LastIndexOfAny(MajorClauseEndsReference);
                sentences.MajorClauseStart(b, a).Should().Be(k < 0 ? a : a + k + 1, "[{0}, {1})", a, b);
                k = back.IndexOfAny(ClauseEndsReference);
                sentences.ClauseEnd(a, b).Should().Be(k < 0 ? b : a + k, "[{0}, {1})", a, b);
                k = back.IndexOfAny(MajorClauseEndsReference);
                sentences.MajorClauseEnd(a, b).Should().Be(k < 0 ? b : a + k, "[{0}, {1})", a, b);
            }
        }
    }
}
