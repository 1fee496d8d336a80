using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReportExtract.Decoding;
using ReportExtract.Model;
using ReportExtract.Normalization;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// Seeded random documents mixing every kind of noise the normalizer removes (full-width forms, odd spaces,
/// zero-width characters, pinyin annotations, chrome lines, CRLF and CR, HTML with entities, traditional script).
/// The oracle here is written independently of the stages: it knows what each generated line should become.
/// </summary>
public partial class NormalizationPropertyTests
{
    private static readonly string[] SimplifiedLines = BodyLines(
        "wenling-government-2021.txt", "bishan-planning-resources-2023.txt", "fuling-maan-subdistrict-2021.txt", "wenling-housing-bureau-2021.txt");

    private static readonly string[] TraditionalLines = BodyLines("longhu-urban-management-2023-traditional.txt")
        .Select(l => PinyinPattern().Replace(l, string.Empty)).ToArray();

    private static readonly string[] Syllables = ["qū", "xí", "shè", "jìn", "guó", "lǜ", "zhèng", "fǔ", "jiàn", "é"];

    private static readonly string[] SimplifiedChrome =
    [
        "当前位置：首页 > 政务公开 > 法治政府建设", "> 政府信息公开 > 法治政府年报", "字 号:", "【字体：大 中 小】", "浏览次数：１０２４",
        "分享文章到:", "分享到：微信 微博", "【打印本页】【关闭窗口】", "无障碍浏览", "简体|繁体", "今天是：2023年5月1日 星期一",
        "上一篇：关于印发工作要点的通知", "下一篇:无", "部\u00A0\u00A0门", "返回首页",
    ];

    // Traditional pages carry traditional chrome: it is caught after conversion.
    private static readonly string[] TraditionalChrome =
    [
        "當前位置：首頁 > 政務公開", "字 號:", "瀏覽次數：１０２４", "分享文章到:", "【打印本頁】【關閉窗口】", "無障礙瀏覽", "簡體|繁體",
        "上一篇：關於印發工作要點的通知", "返回首頁",
    ];

    // (line with a chrome field, what stays of it)
    private static readonly (string Line, string Kept)[] SimplifiedFieldLines =
    [
        ("发布日期:2022-02-25 14:12 信息来源:温岭市人民政府 浏览次数:", "发布日期:2022-02-25 14:12 信息来源:温岭市人民政府"),
        ("发布时间：２０２３-01-01　浏览次数：256次 【打印本页】", "发布时间：2023-01-01"),
    ];

    private static readonly (string Line, string Kept)[] TraditionalFieldLines =
    [
        ("發佈日期：２０２４-01-05　瀏覽次數：35", "發佈日期：2024-01-05"),
    ];

    private static readonly TraditionalToSimplifiedConverter Converter = BuiltIn.Converter;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normalized_text_is_the_expected_text_and_every_unit_maps_to_what_it_came_from(int seed)
    {
        var random = new Random(seed);
        var traditional = random.Next(3) == 0;
        var html = random.Next(3) == 0;
        var (input, expectedLines) = Generate(random, traditional, html);

        var normalized = new TextNormalizer(false).Normalize(new DecodedText(input, "utf-8", ImmutableArray<string>.Empty), html);

        // The expected text: body lines folded by an oracle of their own, simplified as the converter does it.
        var expected = string.Join('\n', expectedLines);
        if (traditional)
        {
            normalized.Script.Should().Be(ScriptKind.Traditional);
            expected = Converter.Convert(expected);
        }

        normalized.Text.Trim('\n').Should().Be(expected, "seed {0}", seed);

        var mapped = normalized.Mapped;
        mapped.Original.Should().BeSameAs(input);
        var previous = 0;
        for (var i = 0; i < mapped.Text.Length; i++)
        {
            var (start, end) = mapped.ToOriginal(i, i + 1);
            start.Should().BeGreaterThanOrEqualTo(previous, "offsets only move forward (seed {0}, unit {1})", seed, i);
            end.Should().BeLessThanOrEqualTo(input.Length);
            previous = start;
            var c = mapped.Text[i];
            var original = input[start..end];
            Explains(original, c).Should().BeTrue("'{0}' (unit {1}, seed {2}) came from '{3}'", c, i, seed, original);
        }
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    private static (string Input, List<string> Expected) Generate(Random random, bool traditional, bool html)
    {
        var pool = traditional ? TraditionalLines : SimplifiedLines;
        var chrome = traditional ? TraditionalChrome : SimplifiedChrome;
        var fields = traditional ? TraditionalFieldLines : SimplifiedFieldLines;
        var input = new StringBuilder();
        var expected = new List<string>();
        if (html)
        {
            input.Append("<!DOCTYPE html>\r\n<html><head><title>报告</title><style>p { margin: 0 }</style></head><body>\r\n");
            expected.Add("报告"); // the page's title is its first line
            input.Append("<script>var nav = '<p>首页</p>';</script>\r\n");
        }

        var lines = random.Next(5, 25);
        for (var n = 0; n < lines; n++)
        {
            string written;
            switch (random.Next(10))
            {
                case 0:
                    written = chrome[random.Next(chrome.Length)];
                    break;
                case 1:
                    var (line, kept) = fields[random.Next(fields.Length)];
                    written = line;
                    expected.Add(kept);
                    break;
                default:
                    var body = pool[random.Next(pool.Length)];
                    var indent = random.Next(4) == 0 ? "\u3000\u3000" : string.Empty;
                    written = indent + AddNoise(random, body, traditional);
                    expected.Add((indent.Length > 0 ? "  " : string.Empty) + body);
                    break;
            }

            input.Append(html ? $"<p>{Escape(random, written)}</p>" : written);
            input.Append(random.Next(3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" });
        }

        if (html)
        {
            input.Append("</body></html>");
        }

        return (input.ToString(), expected);
    }

    /// <summary>Replaces characters by full-width forms and inserts zero-width characters and pinyin; removing the noise gives back <paramref name="body"/>.</summary>
    private static string AddNoise(Random random, string body, bool traditional)
    {
        var noisy = new StringBuilder();
        foreach (var c in body)
        {
            noisy.Append(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '%' or '+' or '.' && random.Next(2) == 0
                ? (char)(c + 0xFEE0)
                : c);
            if (random.Next(40) == 0)
            {
                noisy.Append(random.Next(2) == 0 ? '\u200B' : '\uFEFF');
            }

            if (traditional && c is >= '\u4E00' and <= '\u9FFF' && random.Next(8) == 0)
            {
                noisy.Append(random.Next(4) == 0 ? '（' : '(').Append(Syllables[random.Next(Syllables.Length)]).Append(')');
            }
        }

        return noisy.ToString();
    }

    private static string Escape(Random random, string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => random.Next(2) == 0 ? "&gt;" : ">",
                '&' => "&amp;",
                '\u00A0' => "&nbsp;",
                _ when c is >= '\u4E00' and <= '\u9FFF' && random.Next(30) == 0 => $"&#x{(int)c:X};",
                _ when c is >= '\u4E00' and <= '\u9FFF' && random.Next(30) == 0 => $"&#{(int)c};",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Whether normalized unit <paramref name="c"/> can have come from original text <paramref name="original"/>.</summary>
    private static bool Explains(string original, char c)
    {
        if (original.Length == 0)
        {
            // Inserted by the HTML extractor: a line break or a collapsed space, standing for markup.
            return c is '\n' or ' ' or '|';
        }

        var text = original.StartsWith('&') ? WebUtility.HtmlDecode(original) : original;
        if (text is "\r\n" or "\r")
        {
            return c == '\n';
        }

        text = PinyinPattern().Replace(new string(text.Select(Fold).Where(f => f != '\0').ToArray()), string.Empty);
        if (text.Length > 0 && string.IsNullOrWhiteSpace(text))
        {
            return c is ' ' or '\n';
        }

        return text.Contains(c, StringComparison.Ordinal) || Converter.Convert(text).Contains(c, StringComparison.Ordinal);
    }

    /// <summary>The width fold, written out: full-width digits, letters, ％＋－． to ASCII, odd spaces to a space, zero-width to nothing.</summary>
    private static char Fold(char c) => c switch
    {
        (>= '０' and <= '９') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ') or '％' or '＋' or '－' or '．' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or (>= '\u2000' and <= '\u200A') => ' ',
        '\u200B' or '\uFEFF' => '\0',
        _ => c,
    };

    private static string[] BodyLines(params string[] samples)
    {
        var chrome = BuiltIn.Chrome;
        return samples
            .SelectMany(s => EncodingFixtures.Sample(s).Split('\n'))
            .Select(l => SpaceRun().Replace(l, " ").Trim())
            .Where(l => l.Length is > 0 and < 400 && !l.Contains('<') && !l.Contains('&') && !l.Any(c => c is '\u00A0' or '\u3000' or '\uFE62'))
            .Where(l => chrome.Remove(MappedText.Identity(l)).Text == l)
            .ToArray();
    }

    [GeneratedRegex(@"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")]
    private static partial Regex PinyinPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRun();
}
