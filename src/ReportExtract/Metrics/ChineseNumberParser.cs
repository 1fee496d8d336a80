using System.Buffers;
using System.Globalization;

namespace ReportExtract.Metrics;

/// <summary>A number as it stands in the text: where it ends, what it is worth, how it was written.</summary>
/// <param name="Start">First UTF-16 offset of the number.</param>
/// <param name="End">Offset just past the number (multipliers such as 万 included).</param>
/// <param name="Value">The value with 十/百/千/万/亿 applied.</param>
/// <param name="Arabic">True when the number holds at least one Arabic digit.</param>
/// <param name="BareMultiplier">True for a lone 十/百/千/万/亿 with no digit (十余次 is fine, 千家万户 is not).</param>
/// <param name="Decimal">True when the number has a decimal point.</param>
/// <param name="IntegerDigits">Count of Arabic digits before any decimal point (years have four).</param>
internal readonly record struct NumberToken(int Start, int End, double Value, bool Arabic, bool BareMultiplier, bool Decimal, int IntegerDigits)
{
    public int Length => End - Start;
}

/// <summary>
/// Reads Arabic, Chinese and mixed numerals (1,234.5, 一百二十, 1.7万, 3万5千, 二〇三五) from a position in the text.
/// One forward pass per number, no backtracking: a 100,000-digit run costs one walk.
/// </summary>
internal static class ChineseNumberParser
{
    /// <summary>Characters a number may start with.</summary>
    public static readonly SearchValues<char> StartChars = SearchValues.Create(
        "0123456789０１２３４５６７８９〇○零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟");

    /// <summary>The digit value of a Chinese or Arabic digit, else -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '〇' or '○' or '零' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>十/百/千/万/亿 as powers of ten, else 0.</summary>
    public static double MultiplierValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' => 1e4,
        '亿' => 1e8,
        _ => 0,
    };

    public static bool IsArabicDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    /// <summary>
    /// Reads the longest number starting at <paramref name="start"/>. Arabic parts take thousands separators
    /// (1,234 only when exactly three digits follow each comma) and one decimal point; one space may stand between
    /// an Arabic part and its multiplier (230.5 亿).
    /// </summary>
    public static bool TryParse(string text, int start, out NumberToken token)
    {
        token = default;
        var i = start;
        double total = 0, section = 0, current = 0;
        var haveCurrent = false;
        var arabic = false;
        var isDecimal = false;
        var anyDigit = false;
        var anyPart = false;
        var integerDigits = 0;
        var lastWasDigitChar = false; // a Chinese digit just read: the next Chinese digit is positional (二〇三五)

        while (i < text.Length)
        {
            var c = text[i];
            if (IsArabicDigit(c))
            {
                if (haveCurrent)
                {
                    break; // 3五 or two Arabic runs: stop before the second
                }

                var end = ReadArabic(text, i, out var value, out var dec, out var digits);
                current = value;
                haveCurrent = true;
                arabic = true;
                isDecimal |= dec;
                integerDigits = digits;
                anyDigit = true;
                anyPart = true;
                lastWasDigitChar = false;
                i = end;

                // 230.5 亿元: one space may part an Arabic number from its multiplier.
                if (i + 1 < text.Length && text[i] == ' ' && text[i + 1] is '万' or '亿')
                {
                    i++;
                }

                continue;
            }

            var digit = DigitValue(c);
            if (digit >= 0)
            {
                if (haveCurrent && !lastWasDigitChar)
                {
                    break; // an Arabic number followed by a Chinese digit
                }

                current = haveCurrent ? current * 10 + digit : digit;
                haveCurrent = true;
                anyDigit = true;
                anyPart = true;
                lastWasDigitChar = true;
                i++;
                continue;
            }

            var multiplier = MultiplierValue(c);
            if (multiplier == 0)
            {
                break;
            }

            // 百分之 and 千分之 are fraction prefixes, read by the caller.
            if (c is '百' or '千' && i + 2 < text.Length && text[i + 1] == '分' && text[i + 2] == '之' && !haveCurrent)
            {
                break;
            }

            lastWasDigitChar = false;
            if (!anyPart)
            {
                current = 1; // a leading 万 or 亿 stands for one of it (万余户)
                haveCurrent = true;
            }

            anyPart = true;
            if (multiplier >= 1e8)
            {
                total = (total + section + current) * multiplier;
                section = 0;
            }
            else if (multiplier >= 1e4)
            {
                total += (section + current) * multiplier;
                section = 0;
            }
            else
            {
                section += (haveCurrent ? current : 1) * multiplier;
            }

            current = 0;
            haveCurrent = false;
            i++;
        }

        if (!anyPart)
        {
            return false;
        }

        var valueOut = total + section + current;
        token = new NumberToken(start, i, valueOut, arabic, !anyDigit, isDecimal, integerDigits);
        return true;
    }

    /// <summary>Reads digits, thousands groups and a decimal part; returns the end offset.</summary>
    private static int ReadArabic(string text, int start, out double value, out bool isDecimal, out int integerDigits)
    {
        var i = start;
        var groupDigits = 0;
        var sawSeparator = false;
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var overflow = false;

        void Append(Span<char> buf, ref int len, ref bool over, char ch)
        {
            if (len < buf.Length)
            {
                buf[len++] = ch;
            }
            else
            {
                over = true;
            }
        }

        integerDigits = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsArabicDigit(c))
            {
                Append(buffer, ref length, ref overflow, (char)('0' + DigitValue(c)));
                groupDigits++;
                integerDigits++;
                i++;
                continue;
            }

            // A comma is a thousands separator only inside 1-3 leading digits followed by exactly three digits.
            if (c == ',' && groupDigits > 0 && (sawSeparator ? groupDigits == 3 : groupDigits <= 3) && IsThousandsGroup(text, i + 1))
            {
                sawSeparator = true;
                groupDigits = 0;
                i++;
                continue;
            }

            break;
        }

        isDecimal = false;
        if (i + 1 < text.Length && text[i] == '.' && IsArabicDigit(text[i + 1]) && !(sawSeparator && groupDigits != 3))
        {
            isDecimal = true;
            Append(buffer, ref length, ref overflow, '.');
            i++;
            while (i < text.Length && IsArabicDigit(text[i]))
            {
                Append(buffer, ref length, ref overflow, (char)('0' + DigitValue(text[i])));
                i++;
            }
        }

        value = overflow ? double.PositiveInfinity : double.Parse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return i;
    }

    private static bool IsThousandsGroup(string text, int i) =>
        i + 2 < text.Length && IsArabicDigit(text[i]) && IsArabicDigit(text[i + 1]) && IsArabicDigit(text[i + 2])
        && (i + 3 >= text.Length || !IsArabicDigit(text[i + 3]));
}
