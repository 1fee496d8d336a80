using System.Text;

namespace ReportExtract.Tests.Common;

/// <summary>
/// Seeded random lines around a date, in the shapes signatures, speech lines and prose give them (with near misses:
/// dates cut short, words after them, blanks and dashes around them), for the tests of the prefilters before the
/// date patterns.
/// </summary>
internal static class DateLines
{
    private static readonly string[] Before =
    [
        "", "", "——", "— ", "-", "－－", "―\t", "  ", "\u3000", "温岭市人民政府 ", "某某局\u3000", "截至", "于", "。", "（",
    ];

    private static readonly string[] After =
    [
        "", "", " ", "\u3000", "日", "号", "起施行", "在某某市第十五届人民代表大会第一次会议上", "在全市工作会议上的讲话",
        "在会上", "。", "）", "\t", "前", "14:12",
    ];

    private static readonly string[] YearsArabic = ["2022", "1998", "2031", "1949", "2100", "202"];
    private static readonly string[] YearsChinese = ["二〇二二", "二○二三", "一九九八", "二零二一", "二OΟ0", "二〇二"];
    private static readonly string[] Numbers = ["1", "12", "30", "7", "05"];
    private static readonly string[] NumbersChinese = ["一", "十", "十二", "二十", "三十一", "九"];
    private static readonly string[] Blanks = ["", "", " ", "\t"];

    public static string Random(Random random)
    {
        var line = new StringBuilder(Pick(random, Before));
        switch (random.Next(4))
        {
            case 0:
                line.Append(Pick(random, YearsArabic)).Append(Pick(random, Blanks)).Append('年').Append(Pick(random, Blanks))
                    .Append(Pick(random, Numbers)).Append(Pick(random, Blanks)).Append('月').Append(Pick(random, Blanks))
                    .Append(Pick(random, Numbers)).Append(Pick(random, Blanks)).Append(random.Next(3) == 0 ? "" : "日");
                break;
            case 1:
                var separator = Pick(random, ["-", "/", ".", "．"]);
                line.Append(Pick(random, YearsArabic)).Append(separator).Append(Pick(random, Numbers)).Append(separator).Append(Pick(random, Numbers));
                break;
            case 2:
                line.Append(Pick(random, YearsChinese)).Append(Pick(random, Blanks)).Append('年').Append(Pick(random, NumbersChinese))
                    .Append('月').Append(Pick(random, NumbersChinese)).Append(random.Next(4) == 0 ? "" : "日");
                break;
            default:
                line.Append(Pick(random, YearsArabic)).Append("年度工作");
                break;
        }

        return line.Append(Pick(random, After)).Append(random.Next(3) == 0 ? Pick(random, After) : "").ToString();
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
