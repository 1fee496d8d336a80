using System.Text;
using ReportExtract.Metrics;

namespace ReportExtract.Tests.Metrics;

/// <summary>Properties every output keeps: spans inside the text and equal to the metric's text, order, speed.</summary>
public sealed class MetricInvariantTests
{
    private static readonly MetricRecognizer Recognizer = new();

    [Fact]
    public void Every_metric_of_every_sample_points_at_its_text()
    {
        foreach (var (name, year) in MetricTestFiles.Samples)
        {
            var text = MetricTestFiles.SampleText(name);
            var metrics = Recognizer.Recognize(text, MetricTestFiles.TopLevelSections(text), year).Metrics;
            metrics.Should().NotBeEmpty(name);
            foreach (var m in metrics)
            {
                m.Span.Start.Should().BeGreaterThanOrEqualTo(0);
                m.Span.End.Should().BeLessThanOrEqualTo(text.Length).And.BeGreaterThan(m.Span.Start);
                text[m.Span.Start..m.Span.End].Should().Be(m.Text, $"{name} at {m.Span.Start}");
                m.Sentence.Should().Contain(m.Text, $"{name}: the sentence holds the figure");
                m.Value.Should().BeGreaterThanOrEqualTo(0);
            }

            metrics.Select(m => m.Span.Start).Should().BeInAscendingOrder(name);
        }
    }

    [Fact]
    public void Seeded_random_text_never_throws_and_keeps_spans_true()
    {
        const string alphabet = "0123456789０１２３４５６７８９.,，。、 %％‰一二两三十百千万亿零〇余多约近超过以上以下左右件次人名份条项元万元亿元平方米亩个百分点成分之第年月日同比增长下降《》“”\"|()（）\n:：-至到的行政处罚案件诉讼复议";
        var random = new Random(20211231);
        for (var round = 0; round < 400; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 300);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var text = builder.ToString();
            var recognition = Recognizer.Recognize(text, [], random.Next(2) == 0 ? 2021 : null);
            foreach (var m in recognition.Metrics)
            {
                text[m.Span.Start..m.Span.End].Should().Be(m.Text, $"seed round {round}: {text}");
                double.IsFinite(m.Value).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void Long_digit_runs_and_megabyte_lines_stay_linear()
    {
        var digitMetrics = Recognizer.Recognize(new string('7', 100_000) + "件", [], 2021).Metrics;
        var lineMetrics = Recognizer.Recognize(RunOnLine(3_750), [], 2021).Metrics;

        digitMetrics.Should().BeEmpty("a 100,000-digit number overflows a double: no figure (and JSON has no infinity)");
        lineMetrics.Should().HaveCount(7_500);
        lineMetrics.Should().OnlyContain(m => m.Sentence.Length <= 400 && m.Sentence.Contains(m.Text, StringComparison.Ordinal), "a run-on line is quoted around each figure");

        // Work, not time: each input eight times as long may cost about eight times as much, not sixty-four.
        LinearWork.Assert(12_500, n => Work(new string('7', n) + "件"), "a long digit run");
        LinearWork.Assert(3_750, n => Work(RunOnLine(n)), "a line of a megabyte (at 8n) without a sentence end");
        LinearWork.Assert(25_000, n => Work(new string('|', n)), "a run of table bars");
        LinearWork.Assert(12_500, n => Work(string.Concat(Enumerable.Repeat("“《12件", n))), "quotes and title marks that never close");

        static string RunOnLine(int clauses) => string.Concat(Enumerable.Repeat("处理行政处罚案件32件,涉及金额539万元,", clauses));
        static Action Work(string text) => () => Recognizer.Recognize(text, [], 2021);
    }

    [Fact]
    public void One_recognizer_serves_many_threads_with_the_same_results()
    {
        var inputs = MetricTestFiles.Samples.Select(s => (Text: MetricTestFiles.SampleText(s.Name), s.Year)).ToArray();
        var expected = inputs.Select(i => Recognizer.Recognize(i.Text, [], i.Year).Metrics).ToArray();
        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var i = k % inputs.Length;
            results.Add(Recognizer.Recognize(inputs[i].Text, [], inputs[i].Year).Metrics.SequenceEqual(expected[i]));
        });
        results.Should().HaveCount(40).And.OnlyContain(same => same);
    }
}
