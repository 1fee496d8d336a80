using System.Runtime.InteropServices;
using System.Text;
using ReportExtract.Common;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Common;

/// <summary>
/// The nibble set's vector test lets every member through, and its search finds what a bitmap probe per unit finds:
/// every one of the 65,536 units at every place in a block and in the tail after the last block, and seeded random
/// text of members, their near neighbours (作 不 体 share nibbles with 五 一 伍), Han, ASCII and surrogates; the number
/// scan gives what .NET's search over the number-start characters gives.
/// </summary>
public sealed class NibbleCharSetTests
{
    private const string NumberStarts = "0123456789０１２３４５６７８９〇○零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    /// <summary>The number starts and sets of random units, some crowded in one block of the code space.</summary>
    private static IEnumerable<string> Sets()
    {
        yield return NumberStarts;
        yield return "《“\"「‘";
        var random = new Random(7);
        for (var n = 0; n < 6; n++)
        {
            var size = random.Next(1, 80);
            var baseUnit = random.Next(0, 0xFF00);
            var spread = n % 2 == 0 ? 0x100 : 0x10000 - baseUnit;
            yield return new string([.. Enumerable.Range(0, size).Select(_ => (char)(baseUnit + random.Next(spread)))]);
        }
    }

    [Fact]
    public void The_vector_test_lets_every_member_through_and_agrees_with_its_scalar_form()
    {
        var wrong = new List<string>();
        foreach (var members in Sets())
        {
            var set = new NibbleCharSet(members);
            var block = new ushort[16];
            for (var c = 0; c <= char.MaxValue; c += 16)
            {
                for (var k = 0; k < 16; k++)
                {
                    block[k] = (ushort)(c + k);
                }

                var candidates = set.Candidates(ref MemoryMarshal.GetArrayDataReference(block), 0);
                for (var k = 0; k < 16; k++)
                {
                    var unit = (char)(c + k);
                    var passed = (candidates & (1u << k)) != 0;
                    if (passed != set.MayContain(unit) || (!passed && members.Contains(unit, StringComparison.Ordinal)))
                    {
                        wrong.Add($"U+{(int)unit:X4} in '{members}': passed {passed}");
                    }
                }
            }
        }

        wrong.Should().BeEmpty();
    }

    [Fact]
    public void Every_unit_at_every_place_is_found_as_a_bitmap_finds_it()
    {
        var wrong = new List<string>();
        foreach (var members in Sets())
        {
            var set = new NibbleCharSet(members);
            var exact = new CharBitmap(members);
            var filler = Enumerable.Range(0x4E00, 0x5200).Select(c => (char)c).First(c => !exact.Contains(c));
            var buffer = new char[40];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                // Places in the first block, the second and the tail past the last whole block.
                var at = (c * 7) % 38;
                Array.Fill(buffer, filler);
                buffer[at] = (char)c;
                var length = 34 + (c % 7);
                var span = buffer.AsSpan(0, length);
                if (set.IndexOfAny(span) != exact.IndexOfAny(span))
                {
                    wrong.Add($"U+{c:X4} at {at} of {length} in '{members}'");
                }
            }
        }

        wrong.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_text_is_searched_as_a_bitmap_searches_it(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["一", "五", "伍", "作", "不", "体", "发", "权", "2021", "年", "１２", "〇", "○", "万元", "\n", " ", "《", "》", "“", "”", "\uD840\uDC00", "的", "是", "在", "〉", "?"];
        foreach (var members in Sets())
        {
            var set = new NibbleCharSet(members);
            var exact = new CharBitmap(members);
            for (var n = 0; n < 300; n++)
            {
                var b = new StringBuilder();
                for (var k = random.Next(0, 60); k > 0; k--)
                {
                    b.Append(random.Next(3) == 0 ? ((char)random.Next(0x10000)).ToString() : pieces[random.Next(pieces.Length)]);
                }

                var text = b.ToString();
                for (var from = 0; from <= text.Length; from += 1 + random.Next(5))
                {
                    set.IndexOfAny(text.AsSpan(from)).Should().Be(exact.IndexOfAny(text.AsSpan(from)), "from {0} of '{1}'", from, text);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_number_scan_finds_the_starts_a_search_over_the_start_characters_finds(int seed)
    {
        var random = new Random(seed);
        var found = 0;
        for (var n = 0; n < 500; n++)
        {
            var b = new StringBuilder();
            for (var k = random.Next(0, 200); k > 0; k--)
            {
                b.Append(random.Next(8) == 0 ? NumberStarts[random.Next(NumberStarts.Length)] : (char)random.Next(0x4E00, 0xA000));
            }

            var text = b.ToString();
            var expected = text.AsSpan().IndexOfAny(ChineseNumberParser.StartChars);
            ChineseNumberParser.IndexOfStart(text).Should().Be(expected, "'{0}'", text);
            found += expected >= 0 ? 1 : 0;
        }

        found.Should().BePositive("the texts must hold numbers too, or the check proves nothing");
    }

    [Fact]
    public void The_vector_test_turns_most_running_text_away()
    {
        var set = new NibbleCharSet(NumberStarts);
        var text = "围绕法治温岭、法治政府、法治社会一体建设目标，全面落实党政主要负责人履行法治建设第一责任人职责。年初，市委常委会、市政府常务会议专题听取法治政府建设汇报。";
        var passed = text.Count(c => set.MayContain(c) && !set.Contains(c));

        passed.Should().BeLessThan(text.Length / 10, "a test that lets most units through saves nothing");
    }
}
