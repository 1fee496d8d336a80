using System.Globalization;
using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>
/// An Arabic number's value, computed from its digits while exact, is bit for bit what double.Parse gives for the same
/// digits, for short and long numbers, decimals, full-width digits and thousands groups.
/// </summary>
public sealed class ArabicNumberValueTests
{
    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("123.45", 123.45)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("１２.５", 12.5)]
    [InlineData("999999999999999", 999999999999999d)]
    [InlineData("0.000000000000001", 1e-15)]
    [InlineData("12345678901234567890", 12345678901234567890d)]
    public void Reads_the_value_double_Parse_gives(string text, double expected)
    {
        ChineseNumberParser.TryParse(text, 0, out var token).Should().BeTrue();
        token.Value.Should().Be(expected);
        token.End.Should().Be(text.Length);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(23)]
    [InlineData(2026)]
    public void Agrees_with_double_Parse_bit_for_bit_on_seeded_random_numbers(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 5000; round++)
        {
            var digits = new StringBuilder();
            for (var n = random.Next(1, 22); n > 0; n--)
            {
                digits.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(2) == 0)
            {
                digits.Append('.');
                for (var n = random.Next(1, 20); n > 0; n--)
                {
                    digits.Append((char)('0' + random.Next(10)));
                }
            }

            var text = digits.ToString();
            var expected = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            // Full-width digits read as the same number.
            var wide = random.Next(4) == 0 ? string.Concat(text.Select(c => c == '.' ? c : (char)(c - '0' + '０'))) : text;
            ChineseNumberParser.TryParse(wide + "件", 0, out var token).Should().BeTrue();
            if (BitConverter.DoubleToInt64Bits(token.Value) != BitConverter.DoubleToInt64Bits(expected))
            {
                token.Value.Should().Be(expected, "the value of {0}", wide);
            }
        }
    }
}
