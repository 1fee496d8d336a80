using System.Text;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The normalizer's one-pass census against what it replaces: the script table's own count, the width folder's
/// own test of every unit, and script detection run after width folding and pinyin removal, as it used to be.
/// </summary>
public sealed class CharacterCensusTests
{
    // Traditional-only, simplified-only and neutral Han (BMP and supplementary), units width folding rewrites or
    // drops, pinyin annotations (toned and toneless), Latin, digits, punctuation, line ends and lone surrogates.
    private static readonly string[] Pieces =
    [
        "國", "們", "這", "臺", "颱", "𩀨", "国", "们", "这", "𫕚", "䢂", "台", "后", "中", "文", "𠀀", "㐀", "豈",
        "a", "Z", "0", " ", "，", "。", "（", "）", "\n", "\r\n", "\r", "\u3000", "\u00A0", "\u200B", "\uFEFF", "\uFE62",
        "１", "２", "Ａ", "ｚ", "％", "－", "．", "\u2028", "(qū)", "(xí)", "(wen)", "（zhāng）", "(ma)", "(2021年)",
        "\uD800", "\uDC00", "\uDBFF\uDFFF",
    ];

    private static readonly Lazy<CharacterCensus> LazyCensus = new(() => new CharacterCensus(ScriptEvidence.LoadEmbedded()));

    private static CharacterCensus Census => LazyCensus.Value;

    [Fact]
    public void Every_unit_alone_is_counted_as_the_script_table_and_the_width_folder_say()
    {
        var evidence = ScriptEvidence.LoadEmbedded();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = ((char)c).ToString();
            var counts = Census.Take(text);
            var expected = Reference(evidence, text);
            if (counts != expected)
            {
                counts.Should().Be(expected, "U+{0:X4}", c);
            }
        }
    }

    [Fact]
    public void Random_text_is_counted_as_the_script_table_and_the_width_folder_say()
    {
        var evidence = ScriptEvidence.LoadEmbedded();
        var random = new Random(20261208);
        for (var round = 0; round < 3000; round++)
        {
            var input = RandomText(random, random.Next(0, 80));
            Census.Take(input).Should().Be(Reference(evidence, input), "input {0}", Escaped(input));
        }
    }

    [Fact]
    public void Counting_before_folding_and_pinyin_removal_detects_the_script_detection_after_them_gives()
    {
        var width = new WidthNormalizer();
        var pinyin = new PinyinAnnotationRemover();
        var random = new Random(7);
        for (var round = 0; round < 3000; round++)
        {
            var input = RandomText(random, random.Next(0, 80));
            var after = pinyin.Remove(width.Normalize(MappedText.Identity(input))).Text;
            var counts = Census.Take(input);
            TraditionalToSimplifiedConverter.DetectScript(counts.Traditional, counts.Simplified, counts.Han)
                .Should().Be(BuiltIn.Converter.DetectScript(after), "input {0}", Escaped(input));
        }
    }

    [Fact]
    public void A_text_longer_than_a_counting_block_is_counted_exactly()
    {
        // 2^21 units of one class would fill a 21-bit field: the census must not carry into the next one.
        var length = (1 << 21) + 5;
        var text = string.Create(length, 0, (chars, _) =>
        {
            chars[..(1 << 21)].Fill('國');
            chars[(1 << 21)..].Fill('们');
        });
        Census.Take(text).Should().Be(new CharacterCensus.Counts((1 << 21), 5, true, false));
        Census.Take(text.Replace('们', '１')).Should().Be(new CharacterCensus.Counts((1 << 21), 0, true, true));
    }

    [Fact]
    public void A_table_in_which_a_rewritten_unit_carries_evidence_is_refused()
    {
        ((Action)(() => _ = new CharacterCensus(new ScriptEvidence([('１', ScriptEvidence.TraditionalOnly)])))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new CharacterCensus(new ScriptEvidence([('q', ScriptEvidence.SimplifiedOnly)])))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new CharacterCensus(new ScriptEvidence([('ǎ', ScriptEvidence.SimplifiedOnly)])))).Should().Throw<ArgumentException>();
    }

    private static CharacterCensus.Counts Reference(ScriptEvidence evidence, string text)
    {
        var (traditional, simplified, han) = evidence.Count(text);
        return new CharacterCensus.Counts(traditional, simplified, han, text.Any(WidthNormalizer.Folds));
    }

    private static string RandomText(Random random, int pieces)
    {
        var text = new StringBuilder();
        for (var k = 0; k < pieces; k++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:X4}"));
}
