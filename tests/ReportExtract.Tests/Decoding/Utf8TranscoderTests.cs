using System.Text;
using System.Text.Unicode;
using ReportExtract.Decoding;

namespace ReportExtract.Tests.Decoding;

/// <summary>
/// The vector UTF-8 validator and decoder against .NET's own (the oracle): the same verdict on every input and the
/// same text on every valid one, for every short sequence, every scalar value and seeded random text of every length
/// (so that 16-byte blocks, 12-byte windows and 64-byte masks end everywhere).
/// </summary>
public class Utf8TranscoderTests
{
    // Report text is made of these: Han, CJK punctuation, ASCII digits and letters, line ends; plus two-byte Latin and
    // Greek, a supplementary-plane character (four bytes) and U+FFFD.
    private static readonly string[] Pieces =
    [
        "住房", "和城乡建设局", "。", "，", "（", "）", "2021", "年", "12", "月", "%", "万元", "\r\n", "\n", " ", "a",
        "HTML<p>", "é", "ü", "α", "Ω", "𠀀", "𪚥", "\uFFFD", "\u3000", "１２", "ＡＢ", "〔2022〕4号", "\t", "·",
    ];

    [Fact]
    public void Validator_agrees_with_net_on_every_sequence_of_one_two_and_three_bytes()
    {
        var bytes = new byte[3];
        var disagreements = new List<string>();
        for (var first = 0; first < 256; first++)
        {
            bytes[0] = (byte)first;
            Check(bytes.AsSpan(0, 1), disagreements);
            for (var second = 0; second < 256; second++)
            {
                bytes[1] = (byte)second;
                Check(bytes.AsSpan(0, 2), disagreements);
                for (var third = 0; third < 256; third++)
                {
                    bytes[2] = (byte)third;
                    Check(bytes, disagreements);
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Validator_agrees_with_net_on_four_byte_sequences_around_every_boundary()
    {
        // Every first and second byte; the third and fourth from each class a validator must tell apart.
        byte[] edges = [0x00, 0x30, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF];
        var bytes = new byte[4];
        var disagreements = new List<string>();
        for (var first = 0; first < 256; first++)
        {
            for (var second = 0; second < 256; second++)
            {
                foreach (var third in edges)
                {
                    foreach (var fourth in edges)
                    {
                        (bytes[0], bytes[1], bytes[2], bytes[3]) = ((byte)first, (byte)second, third, fourth);
                        Check(bytes, disagreements);
                    }
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Decodes_every_scalar_value_in_order_and_shuffled_among_ascii()
    {
        var scalars = Enumerable.Range(0, 0x110000).Where(Rune.IsValid).Select(v => new Rune(v).ToString()).ToArray();
        var inOrder = string.Concat(scalars);
        Decode(Encoding.UTF8.GetBytes(inOrder)).Should().Be(inOrder);

        var random = new Random(13);
        random.Shuffle(scalars);
        var mixed = string.Concat(scalars.Select(s => random.Next(4) == 0 ? s + (char)random.Next(0x20, 0x7F) : s));
        Decode(Encoding.UTF8.GetBytes(mixed)).Should().Be(mixed);
    }

    [Fact]
    public void Agrees_with_net_on_seeded_random_valid_and_damaged_text_of_every_length()
    {
        var random = new Random(2026);
        for (var round = 0; round < 6000; round++)
        {
            var text = new StringBuilder();
            var target = random.Next(round < 2000 ? 40 : 400);
            while (text.Length < target)
            {
                text.Append(random.Next(3) == 0 ? Pieces[random.Next(Pieces.Length)] : Han(random));
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            Expect(bytes);

            // Damage: a changed byte, a cut-off end, a dropped byte, a surrogate or overlong encoding spliced in.
            var damaged = bytes.ToList();
            var at = random.Next(damaged.Count + 1);
            switch (random.Next(5))
            {
                case 0 when damaged.Count > 0:
                    damaged[Math.Min(at, damaged.Count - 1)] = (byte)random.Next(256);
                    break;
                case 1 when damaged.Count > 0:
                    damaged.RemoveRange(at, damaged.Count - at);
                    damaged.Add((byte)(0xC0 | random.Next(64)));
                    break;
                case 2 when damaged.Count > 0:
                    damaged.RemoveAt(Math.Min(at, damaged.Count - 1));
                    break;
                case 3:
                    damaged.InsertRange(at, [0xED, (byte)(0xA0 + random.Next(32)), 0x80]);
                    break;
                default:
                    damaged.InsertRange(at, random.Next(2) == 0 ? [0xC1, 0xBF] : [0xE0, 0x9F, 0xBF]);
                    break;
            }

            Expect([.. damaged]);
        }
    }

    private static string Han(Random random) => ((char)random.Next(0x4E00, 0x9FA6)).ToString();

    private static void Check(ReadOnlySpan<byte> bytes, List<string> disagreements)
    {
        var valid = Utf8.IsValid(bytes);
        var measured = Utf8Validator.TryMeasure(bytes, out var length);
        if (measured != valid || (valid && length != Encoding.UTF8.GetCharCount(bytes)))
        {
            disagreements.Add($"{Convert.ToHexString(bytes)}: .NET {valid}, validator {measured} ({length} units)");
        }
    }

    private static void Expect(byte[] bytes)
    {
        var expected = Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
        Utf8Transcoder.ToStringOrNull(bytes).Should().Be(expected, "of {0}", Convert.ToHexString(bytes));
    }

    private static string? Decode(byte[] bytes) => Utf8Transcoder.ToStringOrNull(bytes);
}
