using System.Text;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The width folder's vector scan against the unit-by-unit test it replaced (<see cref="WidthNormalizer.Folds"/>):
/// every UTF-16 unit at every lane of a block and in the scalar tail, and seeded random report-like text.
/// </summary>
public sealed class WidthScanTests
{
    [Fact]
    public void Every_unit_is_found_where_the_unit_by_unit_test_finds_it()
    {
        var chars = new string('国', 40).ToCharArray();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // Lanes 0 and 15 of the first block, the second block and the scalar tail after it.
            foreach (var at in (int[])[0, 15, 17, 39])
            {
                chars[at] = (char)c;
                var expected = Reference(chars);
                var found = WidthNormalizer.IndexOfFoldable(chars);
                if (found != expected)
                {
                    found.Should().Be(expected, "U+{0:X4} at {1}", c, at);
                }

                chars[at] = '国';
            }
        }
    }

    [Fact]
    public void Random_text_is_scanned_as_unit_by_unit()
    {
        string[] pieces =
        [
            "国", "家", "，", "。", "、", "：", "（", "）", "“", "”", "—", "…", "《", "》", "a", "Z", "0", " ", "\n", "\r",
            "\u00A0", "\u00A9", "\u00AE", "\u2002", "\u200B", "\u2010", "\u2027", "\u2028", "\u202F", "\u205F", "\u2060",
            "\u2061", "\u3000", "\u3001", "\uFE62", "\uFEFF", "\uFF05", "\uFF0C", "\uFF0D", "\uFF0F", "０", "９", "Ａ",
            "Ｚ", "［", "ａ", "ｚ", "｛", "\uD840\uDC00",
        ];
        var random = new Random(20261208);
        for (var round = 0; round < 20_000; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 80); n > 0; n--)
            {
                text.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : "国");
            }

            var input = text.ToString();
            WidthNormalizer.IndexOfFoldable(input).Should().Be(Reference(input), "input {0}", input);
        }
    }

    private static int Reference(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (WidthNormalizer.Folds(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
