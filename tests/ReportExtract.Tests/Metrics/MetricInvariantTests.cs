using System.Diagnostics;
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
        var digits = new string('7', 100_000) + "件";
        var line = string.Concat(Enumerable.Repeat("处理行政处罚案件32件,涉及金额539万元,", 30_000)); // ~1 MB, no sentence end
        var bars = string.Concat(Enumerable.Repeat("|", 200_000));
        var quotes = string.Concat(Enumerable.Repeat("“《12件", 100_000));

        var watch = Stopwatch.StartNew();
        var digitMetrics = Recognizer.Recognize(digits, [], 2021).Metrics;
        var lineMetrics = Recognizer.Recognize(line, [], 2021).Metrics;
        Recognizer.Recognize(bars, [], 2021);
        Recognizer.Recognize(quotes, [], 2021);
        watch.Stop();

        digitMetrics.Should().BeEmpty("a 100,000-digit number overflows a double: no figure (and JSON has no infinity)");
        lineMetrics.Should().HaveCount(60_000);
        lineMetrics.Should().OnlyContain(m => m.Sentence.Length <= 400 && m.Sentence.Contains(m.Text, StringComparison.Ordinal), "a run-on line is quoted around each figure");
        // Generous for a loaded machine: quadratic work on these inputs would take minutes, linear work takes about a second.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "each input is linear work");
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
