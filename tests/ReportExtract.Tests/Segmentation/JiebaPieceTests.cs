using System.Text;
using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>A text cut piece by piece, as the metric stage cuts it on demand, has the words of the text cut whole.</summary>
public sealed class JiebaPieceTests
{
    private static readonly JiebaSegmenter Segmenter = BuiltIn.Segmenter;

    // Report words and the characters that end or split jieba's blocks: punctuation, spaces, CRLF, a surrogate pair,
    // full-width digits, and the symbols (+#&._%-) that stay inside a block.
    private static readonly string[] Parts =
    [
        "全年", "共受理", "行政复议", "申请", "案件", "执法", "人员", "培训", "持证上岗", "率", "提高", "至", "的", "由", "万元",
        "3", "12.5", "%", "2024", "年", "ab", "G", "+", "#", "&", "_", "-", ".", "，", "。", "、", "（", "）", "“", "”", " ",
        "\u3000", "\r\n", "\n", "𠀀", "１２", "件", "次", "按", "标准地", "出让",
    ];

    private static List<WordToken> CutByPieces(string text, bool hmm)
    {
        var words = new List<WordToken>();
        var at = 0;
        while (at < text.Length)
        {
            var next = Segmenter.CutPiece(text, at, hmm, words);
            next.Should().BeGreaterThan(at, "a piece is never empty");
            at = next;
        }

        return words;
    }

    [Theory]
    [InlineData("对47个执法单位874件执法案卷组织评审,深查细究存在问题,逐案落实整改")]
    [InlineData("新批工业用地100%按“标准地”出让。")]
    [InlineData("镇（街道）由2020年的3分提高至7.5分\r\n部门由1.7分提高至4分")]
    [InlineData("")]
    public void Pieces_give_the_words_of_the_whole_cut(string text)
    {
        CutByPieces(text, hmm: false).Should().Equal(Segmenter.Cut(text, hmm: false));
        CutByPieces(text, hmm: true).Should().Equal(Segmenter.Cut(text, hmm: true));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(2026)]
    public void Pieces_give_the_words_of_the_whole_cut_on_seeded_random_text(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 40); n > 0; n--)
            {
                text.Append(Parts[random.Next(Parts.Length)]);
            }

            var s = text.ToString();
            CutByPieces(s, hmm: false).Should().Equal(Segmenter.Cut(s, hmm: false), "text {0}", s);
            CutByPieces(s, hmm: true).Should().Equal(Segmenter.Cut(s, hmm: true), "text {0}", s);
        }
    }
}
