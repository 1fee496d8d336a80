using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>Properties of the table readers on generated tables: no exception, true spans, one metric per numeric cell, linear time.</summary>
public sealed class TableShapeTests
{
    private static readonly MetricRecognizer Recognizer = new();

    private static readonly string[] Labels = ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "一、本年新收政府信息公开申请数量", "（二）部分公开", "合计", "2022年", "其他"];
    private static readonly string[] Headers = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "金额(万元)", "2023年", "2023", "上年数", "序号"];
    private static readonly string[] Values = ["0", "12", "3.5", "1,236", "45件", "-", "/", "无", "2046", "12 5", "", "十二", "100%"];

    [Fact]
    public void Seeded_random_tables_never_throw_and_keep_spans_true()
    {
        var random = new Random(20221231);
        for (var round = 0; round < 300; round++)
        {
            var layout = random.Next(3) == 0;
            var separator = layout ? "\n" : "|";
            var columns = random.Next(1, 5);
            var builder = new StringBuilder();
            for (var row = random.Next(0, 6); row >= 0; row--)
            {
                var header = random.Next(4) == 0;
                builder.Append(header ? Pick(random, Headers) : Pick(random, Labels));
                for (var c = 0; c < columns; c++)
                {
                    builder.Append(separator).Append(header ? Pick(random, Headers) : Pick(random, Values));
                }

                builder.Append('\n');
            }

            var text = builder.ToString();
            var recognition = Recognizer.Recognize(text, [], random.Next(2) == 0 ? 2021 : null);
            foreach (var m in recognition.Metrics)
            {
                text[m.Span.Start..m.Span.End].Should().Be(m.Text, $"round {round}: {text}");
                double.IsFinite(m.Value).Should().BeTrue();
            }

            recognition.Metrics.Select(m => m.Span.Start).Should().BeInAscendingOrder($"round {round}: {text}");
        }
    }

    [Fact]
    public void Every_numeric_cell_of_a_stacked_bar_table_gives_one_metric()
    {
        // Any count of tables stacked in one block, each under its own header row.
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var builder = new StringBuilder();
            var expected = 0;
            for (var table = random.Next(1, 4); table > 0; table--)
            {
                var columns = random.Next(1, 4);
                builder.Append("信息内容");
                for (var c = 0; c < columns; c++)
                {
                    builder.Append('|').Append(Headers[1 + c]);
                }

                builder.Append('\n');
                for (var row = random.Next(1, 4); row > 0; row--)
                {
                    builder.Append(Labels[random.Next(5)]);
                    for (var c = 0; c < columns; c++)
                    {
                        builder.Append('|').Append(random.Next(0, 1000));
                    }

                    builder.Append('\n');
                    expected += columns;
                }
            }

            var metrics = Recognizer.Recognize(builder.ToString(), [], 2021).Metrics;
            metrics.Should().HaveCount(expected, builder.ToString());
            metrics.Should().OnlyContain(m => m.Table == true && m.Unit == "件" && m.Subject != null && !m.Subject.Contains('|'), builder.ToString());
        }
    }

    [Fact]
    public void A_long_layout_table_is_read_in_linear_time()
    {
        const int rows = 6_250;
        var metrics = Recognizer.Recognize(LongTable(rows), [], 2021).Metrics;
        var loose = Recognizer.Recognize(Numbers(25_000), [], 2021).Metrics;

        metrics.Should().HaveCount(2 * rows);
        metrics.Should().OnlyContain(m => m.Unit == "件" && (m.Subject == "行政规范性文件本年制发件数" || m.Subject == "行政规范性文件现行有效件数"));
        loose.Should().BeEmpty("numbers with no header are no table");

        // Work, not time: eight times the rows may cost about eight times as much, not sixty-four.
        LinearWork.Assert(rows, n => Work(LongTable(n)), "a table of rows one cell per line");
        LinearWork.Assert(25_000, n => Work(Numbers(n)), "numbers one per line with no header");

        static string LongTable(int count) => "信息内容\n本年制发件数\n现行有效件数\n" + string.Concat(Enumerable.Repeat("行政规范性文件\n12\n56\n", count));
        static string Numbers(int count) => string.Concat(Enumerable.Repeat("7\n", count));
        static Action Work(string text) => () => Recognizer.Recognize(text, [], 2021);
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];
}
