using System.Text;
using ReportExtract.Metadata;
using ReportExtract.Sections;

namespace ReportExtract.Tests.Sections;

/// <summary>Seeded random documents keep every invariant; pathological inputs stay fast.</summary>
public sealed class SectionRobustnessTests
{
    private static readonly SectionSplitter Splitter = new();
    private static readonly MetadataExtractor Metadata = new();

    // Pieces real reports are made of, including the ones that look like markers but are not.
    private static readonly string[] Pieces =
    [
        "一、", "二、", "十一、", "（一）", "(二)", "( 三 )", "1.", "2、", "１．", "（1）", "(2)", "①", "⑳", "第一部分", "第二章",
        "主要举措和成效", "存在的不足和原因", "下一年度工作安排", "党政主要负责人履行推进法治建设第一责任人职责",
        "目录", "目 录", "……3", "1.5万件", "3、4月", "2022.1.10", "2022年1月10日", "二〇二二年一月十日", "发布日期:2022-02-25 14:12",
        "索引号:", "文号:", "温建〔2022〕4号", "- ", "来源:", "某某市人民政府", "某某街道办事处", "报告", "关于", "的函", "现将",
        "。", "，", ",", ":", "：", "；", " ", "\u3000", "\t", "\n", "\n", "\n", "\n\n", "\r\n", "分享文章到:", "一是", "年",
        "2021", "法治政府建设", "（", "）", "(", ")", "〔", "〕", "【", "】", ">", "_", "|", "\u2002", "😀", "\uD800",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_documents_keep_the_invariants(int seed)
    {
        var random = new Random(seed);
        for (var doc = 0; doc < 300; doc++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 120);
            for (var i = 0; i < count; i++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = sb.ToString();
            var sections = Splitter.Split(text);
            SectionInvariants.Check(text, sections);
            var metadata = Metadata.Extract(text, sections);
            metadata.Title?.Length.Should().BeGreaterThan(0);
            metadata.ReportYear?.Should().BeInRange(1949, 2100);
        }
    }

    [Fact]
    public void Thousands_of_headings_are_split_in_linear_time()
    {
        var text = Headings(625);
        var sections = Splitter.Split(text);
        Metadata.Extract(text, sections);

        sections.Should().HaveCount(625);
        SectionInvariants.Check(text, sections);

        // Work, not time: eight times the headings may cost about eight times as much, not sixty-four.
        LinearWork.Assert(625, n => SplitAndExtract(Headings(n)), "thousands of headings");

        static string Headings(int count)
        {
            var sb = new StringBuilder();
            for (var i = 1; i <= count; i++)
            {
                sb.Append("一、主要举措和成效\n（一）强化组织保障,全面推进依法行政。全年办理案件").Append(i).Append("件。\n1.健全机制\n（1）制定方案\n①印发文件\n");
            }

            return sb.ToString();
        }
    }

    [Fact]
    public void Lists_that_keep_starting_over_stay_shallow()
    {
        var text = RestartingLists(2_500);
        var sections = Splitter.Split(text);

        SectionInvariants.Check(text, sections);
        SectionOutline.Flatten(sections).Max(s => s.Level).Should().BeLessThanOrEqualTo(2 * Enum.GetValues<HeadingFamily>().Length);
        LinearWork.Assert(2_500, n => () => Splitter.Split(RestartingLists(n)), "lists that keep starting over");

        static string RestartingLists(int count) => string.Concat(Enumerable.Repeat("1.甲\n2.乙\n（一）丙\n（二）丁\n一、戊\n二、己\n", count));
    }

    [Fact]
    public void A_megabyte_line_without_punctuation_is_cheap()
    {
        foreach (var shape in new Func<string, string>[] { line => line, line => "1." + line, line => "一、主要举措和成效\n" + line + "\n二、存在的不足和原因\n" + line })
        {
            var text = shape(Line(7_800));
            var sections = Splitter.Split(text);
            var metadata = Metadata.Extract(text, sections);
            SectionInvariants.Check(text, sections);
            metadata.Title.Should().BeNull();

            // At 8n the line is a megabyte.
            LinearWork.Assert(7_800, n => SplitAndExtract(shape(Line(n))), "a line without punctuation");
        }

        static string Line(int pieces) => string.Concat(Enumerable.Repeat("法治政府建设一是推进依法行政1.", pieces));
    }

    [Fact]
    public void Many_megabytes_of_report_text_take_time_in_proportion()
    {
        var sample = File.ReadAllText(TestFiles.PathOf("Golden", "sections", "inputs", "wenling-government-2021.txt"));

        LinearWork.Assert(40, n => SplitAndExtract(string.Concat(Enumerable.Repeat(sample, n))), "report text repeated");
    }

    /// <summary>The work of the section and metadata stages on <paramref name="text"/>.</summary>
    private static Action SplitAndExtract(string text) => () => Metadata.Extract(text, Splitter.Split(text));
}
