using System.Text;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests.Pipeline;

/// <summary>
/// Seeded random documents through the whole pipeline: real report lines mixed with numbers and units, heading
/// markers, full-width forms, pinyin notes, page chrome, HTML, traditional text, huge digit runs, deep brackets and
/// raw bytes, in several encodings. No input may throw, and every record keeps <see cref="RecordInvariants"/>.
/// </summary>
public sealed class PipelineFuzzTests
{
#if DEBUG
    private const int Documents = 400;
#else
    private const int Documents = 4000;
#endif

    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    /// <summary>One pipeline per forced encoding, built once: building loads every dictionary, far more work than a document.</summary>
    private static readonly Dictionary<string, ReportPipeline> Forced = new(StringComparer.Ordinal)
    {
        ["gb18030"] = ReportPipeline.Create(new ExtractOptions(Encoding: "gb18030")),
        ["utf-8"] = ReportPipeline.Create(new ExtractOptions(Encoding: "utf-8")),
    };
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    private static readonly Lazy<string[]> SampleLines = new(() =>
        [.. Directory.GetFiles(Path.Combine(EncodingFixtures.RepositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0)]);

    private static readonly string[] Markers = ["一、", "二、", "十二、", "（一）", "(二)", "（十）", "1.", "2、", "12.", "(3)", "（4）", "①", "⑩", "第一部分", "第三章", "第二节", "一是", "二是"];
    private static readonly string[] Units = ["件", "宗", "起", "次", "人次", "个", "万元", "亿元", "元", "%", "％", "个百分点", "平方米", "亩", "份", "条", "项", "倍", "余件", "多人"];
    private static readonly string[] Qualifiers = ["共", "累计", "同比增长", "下降", "约", "近", "超过", "达", "以上", "左右", "其中", "全年"];
    private static readonly string[] Chrome = ["当前位置：首页 > 政务公开 > 法治政府", "字号：大 中 小", "打印本页 关闭窗口", "浏览次数：1234", "发布日期:2022-02-25 14:12 信息来源:某某区人民政府", "【打印】【关闭】", "分享到："];
    private static readonly string[] Html = ["<p>", "</p>", "<div class=\"content\">", "</div>", "<br>", "&nbsp;", "&#12345;", "&amp;", "<table><tr><td>行政复议</td><td>12件</td></tr></table>", "<script>var a = '1件';</script>", "<style>p{}</style>", "<!-- 注释 -->", "<p", "</", "<a href='x'>", "&#xFFFFFF;", "&unknown;", "<![CDATA[", "<td>", "<tr"];
    private static readonly string[] Traditional = ["行政複議案件", "區(qū)人民政府", "據統計", "辦理", "訴訟", "執法監督", "萬元", "個百分點", "縣(xiàn)"];
    private static readonly string[] Pinyin = ["(qū)", "（zhèng）", "(fǎ)", "(lǜ)", "(shì)"];
    private static readonly string[] FullWidth = ["０", "１２３", "４５．６", "ＡＢＣ", "　", "％", "，", "。", "：", "＋", "－"];

    [Fact]
    public void Seeded_random_documents_never_throw_and_keep_every_invariant()
    {
        var random = new Random(20261124);
        var rejected = 0;
        for (var round = 0; round < Documents; round++)
        {
            var (bytes, encoding, path) = Document(random);
            var because = $"round {round} ({path}, {encoding ?? "detected"}, {bytes.Length} bytes)";

            var pipeline = encoding is null ? Pipeline : Forced[encoding];
            var result = pipeline.Extract(path, bytes);

            if (result.Record is not { } record)
            {
                result.Error.Should().NotBeNullOrWhiteSpace(because);
                rejected++;
                continue;
            }

            record.Source.Bytes.Should().Be(bytes.Length, because);
            RecordInvariants.AssertHold(record, RecordInvariants.CodePoints(bytes, encoding), because);
        }

        rejected.Should().BeLessThan(Documents / 4, "most random documents are text; only binary-heavy ones may be refused");
    }

    [Fact]
    public void Every_sample_keeps_every_invariant_with_spans_in_code_points_of_the_original()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(EncodingFixtures.RepositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetFileName(file);

            var record = Pipeline.Extract(name, bytes).Record;

            record.Should().NotBeNull(name);
            record!.Metrics.Should().NotBeEmpty(name);
            record.Sections.Should().NotBeEmpty(name);
            RecordInvariants.AssertHold(record, RecordInvariants.CodePoints(bytes), name);
        }
    }

    [Fact]
    public void Samples_with_astral_characters_keep_spans_in_code_points()
    {
        // A character outside the BMP before every figure: UTF-16 offsets and code point offsets part ways.
        var text = string.Join('\n', SampleLines.Value.Take(200).Select(l => "𠀀𝐀" + l));
        var bytes = Encoding.UTF8.GetBytes(text);

        var record = Pipeline.Extract("astral.txt", bytes).Record;

        record.Should().NotBeNull();
        record!.Metrics.Should().NotBeEmpty();
        RecordInvariants.AssertHold(record, RecordInvariants.CodePoints(bytes), "astral");
    }

    /// <summary>One random document: its bytes, the encoding to force (null: detect) and a path (.txt or .html).</summary>
    private static (byte[] Bytes, string? Encoding, string Path) Document(Random random)
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 60);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Piece(random));
        }

        var html = random.Next(8) == 0;
        var path = html ? "random.html" : "random.txt";
        var (bytes, encoding) = random.Next(10) switch
        {
            0 => (Gb18030.GetBytes(text.ToString()), (string?)null),
            1 => ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.ToString())], null),
            2 => (Encoding.UTF8.GetBytes(text.ToString()), "gb18030"),
            3 => (Gb18030.GetBytes(text.ToString()), "utf-8"),
            _ => (Encoding.UTF8.GetBytes(text.ToString()), null),
        };

        if (random.Next(4) == 0)
        {
            // Raw bytes spliced in: invalid sequences, NULs, control bytes, torn multi-byte characters.
            var noisy = new List<byte>(bytes);
            for (var n = random.Next(1, 20); n > 0; n--)
            {
                var junk = new byte[random.Next(1, 16)];
                random.NextBytes(junk);
                noisy.InsertRange(random.Next(noisy.Count + 1), junk);
            }

            bytes = [.. noisy];
        }

        return (bytes, encoding, path);
    }

    private static string Piece(Random random) => random.Next(14) switch
    {
        0 or 1 or 2 => SampleLines.Value[random.Next(SampleLines.Value.Length)] + "\n",
        3 => $"{Pick(random, Qualifiers)}{Number(random)}{Pick(random, Units)}，",
        4 => $"\n{Pick(random, Markers)}{Heading(SampleLines.Value[random.Next(SampleLines.Value.Length)])}\n",
        5 => Pick(random, FullWidth),
        6 => Pick(random, Traditional) + Pick(random, Pinyin),
        7 => "\n" + Pick(random, Chrome) + "\n",
        8 => Pick(random, Html),
        9 => new string((char)('0' + random.Next(10)), random.Next(1, 5000)) + Pick(random, Units),
        10 => new string('（', random.Next(1, 500)) + Number(random) + "件" + new string('）', random.Next(0, 500)),
        11 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0x20, 0x3000))),
        12 => $"{random.Next(1990, 2030)}年{random.Next(1, 13)}月{random.Next(1, 32)}日",
        _ => random.Next(3) switch { 0 => "\r\n", 1 => "\t", _ => "。" },
    };

    private static string Number(Random random) => random.Next(5) switch
    {
        0 => random.Next(0, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 1000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        2 => Pick(random, ["一", "两", "十二", "三百", "1.7万", "五千余", "二〇二一", "半"]),
        3 => random.Next(1, 1000).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        _ => "１２．５",
    };

    private static string Heading(string line) => line[..Math.Min(12, line.Length)];

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
