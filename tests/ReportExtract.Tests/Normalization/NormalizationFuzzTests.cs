using System.Collections.Immutable;
using System.Text;
using ReportExtract.Decoding;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>Seeded garbage through decoding and normalization: never an exception, every map inside the original.</summary>
public class NormalizationFuzzTests
{
    // The characters each stage reacts to, plus ordinary text around them.
    private static readonly string[] Pieces =
    [
        "&", "&amp;", "&nbsp", "&#x4E00;", "&#99999999;", "&bogus;", "<", ">", "<p>", "</p>", "<br>", "<td>", "<tr>", "<table>",
        "</table>", "<script>", "</script>", "<!--", "-->", "<div", "\r", "\n", "\r\n", "(", ")", "（", "）", "qū", "xí", "區",
        "习", "法治", "政府", "\u3000", "\u00A0", "\u200B", "\uFEFF", "１", "％", "Ａ", "当前位置:", "浏览次数:", "字 号:", " ",
        "\uD840\uDC00", "\uD840", "\uDC00", "a", "2023", ">", "首页", "\uFFFD",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_text_normalizes_without_exceptions_and_maps_inside_the_original(int seed)
    {
        var random = new Random(seed);
        var normalizer = new TextNormalizer(false);
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 80);
            for (var i = 0; i < count; i++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var original = (random.Next(2) == 0 ? "<html><body>" : string.Empty) + text;
            var normalized = normalizer.Normalize(new DecodedText(original, "utf-8", ImmutableArray<string>.Empty), random.Next(3) == 0);

            var mapped = normalized.Mapped;
            for (var i = 0; i < mapped.Text.Length; i++)
            {
                var (start, end) = mapped.ToOriginal(i, i + 1);
                start.Should().BeInRange(0, original.Length, "seed {0}, round {1}", seed, round);
                end.Should().BeInRange(start, original.Length, "seed {0}, round {1}", seed, round);
            }

            mapped.ToOriginal(0, mapped.Text.Length).End.Should().BeLessThanOrEqualTo(original.Length);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Random_bytes_decode_or_are_rejected_without_exceptions(int seed)
    {
        var random = new Random(seed);
        var decoder = new TextDecoder();
        var forced = TextDecoder.SupportedEncodings.Select(e => new TextDecoder(e)).ToArray();
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0)
            {
                // Mostly high bytes: the GB18030/Big5 path rather than the NUL and control byte rejections.
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] |= 0x80;
                }
            }

            var result = decoder.Decode(bytes);
            (result.Decoded is null).Should().Be(result.Rejection is not null);
            foreach (var f in forced)
            {
                f.Decode(bytes).Should().Match<DecodeResult>(r => r.Decoded != null || r.Rejection == "the file is empty");
            }
        }
    }
}
