using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using ReportExtract.Common;

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
    private const string Starts = "0123456789０１２３４５６７８９〇○零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";

    /// <summary>Characters a number may start with.</summary>
    public static readonly SearchValues<char> StartChars = SearchValues.Create(Starts);

    // The same characters as a bit per UTF-16 code unit (8 KB) behind a vector test of 16 units at a time. SearchValues
    // hold them as a probabilistic map whose bytes the CJK numerals share with much of running Chinese, so a scan through
    // a report stops and checks often; a bitmap probe per unit costs more than the vector test of a block without one.
    private static readonly NibbleCharSet StartSet = new(Starts);

    /// <summary>Where the first character a number may start with stands in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfStart(ReadOnlySpan<char> text) => StartSet.IndexOfAny(text);

    /// <summary>True when a number may start with <paramref name="c"/> (one of <see cref="StartChars"/>).</summary>
    public static bool IsStart(char c) => StartSet.Contains(c);

    // The three character tests below are asked of every character of every number read; the JIT left them as calls
    // inside the parser's loop, which cost more than the tests.

    /// <summary>The digit value of a Chinese or Arabic digit, else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MultiplierValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' => 1e4,
        '亿' => 1e8,
        _ => 0,
    };

    /// <summary>True for 0-9 and their full-width forms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        var digits = new DigitBuffer(stackalloc char[64]);

        integerDigits = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsArabicDigit(c))
            {
                digits.Append(c);
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
            digits.AppendPoint();
            i++;
            while (i < text.Length && IsArabicDigit(text[i]))
            {
                digits.Append(text[i]);
                i++;
            }
        }

        value = digits.Value();
        return i;
    }

    /// <summary>
    /// The digits of an Arabic number as read, with their value kept on the side while it is exact: a number of at most
    /// 15 digits is an integer below 2^53 divided by a power of ten up to 10^15, both exact doubles, and IEEE division
    /// rounds their quotient correctly, as double.Parse rounds the decimal; longer numbers go to double.Parse.
    /// </summary>
    private ref struct DigitBuffer(Span<char> buffer)
    {
        private const int ExactDigits = 15;

        private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

        private readonly Span<char> _buffer = buffer;
        private int _length;
        private bool _overflow;
        private long _mantissa;
        private int _digits;
        private int _fraction = -1;

        public void Append(char c)
        {
            var digit = DigitValue(c);
            Put((char)('0' + digit));
            _mantissa = _digits < ExactDigits ? (_mantissa * 10) + digit : _mantissa;
            _digits++;
            _fraction += _fraction >= 0 ? 1 : 0;
        }

        public void AppendPoint()
        {
            Put('.');
            _fraction = 0;
        }

        public readonly double Value()
        {
            if (_overflow)
            {
                return double.PositiveInfinity;
            }

            if (_digits <= ExactDigits)
            {
                return _fraction > 0 ? _mantissa / PowersOfTen[_fraction] : _mantissa;
            }

            return double.Parse(_buffer[.._length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        private void Put(char c)
        {
            if (_length < _buffer.Length)
            {
                _buffer[_length++] = c;
            }
            else
            {
                _overflow = true;
            }
        }
    }

    private static bool IsThousandsGroup(string text, int i) =>
        i + 2 < text.Length && IsArabicDigit(text[i]) && IsArabicDigit(text[i + 1]) && IsArabicDigit(text[i + 2])
        && (i + 3 >= text.Length || !IsArabicDigit(text[i + 3]));
}
