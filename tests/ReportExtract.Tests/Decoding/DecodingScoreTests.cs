using ReportExtract.Common;
using ReportExtract.Decoding;

namespace ReportExtract.Tests.Decoding;

/// <summary>
/// The GB18030/Big5 score's branch-free loop against the loop it replaced (kept here as the oracle): the share of
/// Han characters in U+3400..U+9FFF that are common, less three times the share of bad units.
/// </summary>
public sealed class DecodingScoreTests
{
    private static readonly Lazy<HashSet<char>> Common = new(() => EmbeddedData.ReadLines("Decoding/common-hanzi.txt")
        .Where(line => !line.StartsWith('#'))
        .SelectMany(line => line.Where(c => !char.IsWhiteSpace(c)))
        .ToHashSet());

    [Fact]
    public void Every_unit_scores_as_the_plain_loop_scores_it()
    {
        var decoder = new TextDecoder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = ((char)c).ToString();
            var score = decoder.Score(text, 0);
            if (score != Oracle(text, 0))
            {
                score.Should().Be(Oracle(text, 0), "U+{0:X4}", c);
            }
        }
    }

    [Fact]
    public void Random_decodings_score_as_the_plain_loop_scores_them()
    {
        var decoder = new TextDecoder();
        var common = Common.Value.ToArray();
        var random = new Random(18030);
        for (var round = 0; round < 2000; round++)
        {
            var text = new char[random.Next(0, 200)];
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = random.Next(4) switch
                {
                    0 => common[random.Next(common.Length)],
                    1 => (char)random.Next(0x3400, 0xA000),
                    2 => (char)random.Next(0x3300, 0x3500),
                    _ => (char)random.Next(0, 0x10000),
                };
            }

            var bad = random.Next(0, 5);
            decoder.Score(text, bad).Should().Be(Oracle(text, bad));
        }
    }

    private static double Oracle(ReadOnlySpan<char> text, int bad)
    {
        int han = 0, hits = 0;
        foreach (var c in text)
        {
            if (c is >= '\u3400' and <= '\u9FFF')
            {
                han++;
                hits += Common.Value.Contains(c) ? 1 : 0;
            }
        }

        return ((double)hits / Math.Max(han, 1)) - (3.0 * bad / Math.Max(text.Length, 1));
    }
}
