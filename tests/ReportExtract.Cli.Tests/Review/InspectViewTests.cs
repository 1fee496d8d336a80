using System.Text.Json;
using ReportExtract.Cli.Commands;
using ReportExtract.Cli.Review;
using ReportExtract.Model;

namespace ReportExtract.Cli.Tests.Review;

/// <summary><c>reportx inspect</c>: plain text when redirected, colors on a terminal.</summary>
public sealed class InspectViewTests
{
    private const char Escape = '\u001b';

    [Fact]
    public void Plain_view_of_a_record_shows_metadata_sections_metrics_and_bracketed_numbers()
    {
        var text = Render(ReviewFixtures.Record(), terminal: false);

        text.Should().NotContain(Escape.ToString(), "plain output has no ANSI codes");
        Lines(text).Should().Contain(l => l.StartsWith("title ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("某市司法局2023年法治政府建设年度报告", StringComparison.Ordinal));
        Lines(text).Should().Contain(l => l.StartsWith("document date ", StringComparison.Ordinal) && l.Contains("2024-01-15", StringComparison.Ordinal));
        Lines(text).Should().Contain(l => l.StartsWith("region ", StringComparison.Ordinal) && l.Contains("浙江省 (330000)", StringComparison.Ordinal));
        Lines(text).Should().Contain(l => l.StartsWith("warning ", StringComparison.Ordinal) && l.Contains("<markup> & \"quotes\"", StringComparison.Ordinal));

        // The tree: every heading with its path and kind, children indented under their parent.
        var tree = Lines(text).SkipWhile(l => l != "Sections").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        tree.Should().HaveCount(5);
        tree[1].Should().EndWith("1  一、主要举措和成效  [achievements]");
        tree[2].Should().EndWith("1.1  （一）严格规范执法  [achievements]");
        tree[2].IndexOf('1', StringComparison.Ordinal).Should().BeGreaterThan(tree[1].IndexOf('1', StringComparison.Ordinal), "a child is indented under its parent");
        tree[4].Should().EndWith("2  二、存在的不足和原因  [shortcomings]");

        // The table: one markdown row per metric, cells in column order.
        var rows = Lines(text).SkipWhile(l => !l.StartsWith("Metrics (", StringComparison.Ordinal)).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        rows[0].Should().Equal("#", "value", "unit", "kind", "qualifier", "subject", "indicator", "year", "section");
        var metrics = ReviewFixtures.Record().Metrics;
        rows.Skip(2).Should().HaveCount(metrics.Length);
        rows[2].Should().Equal("1", "32", "件", "case", "-", "行政处罚案件", "penalty_cases", "2023", "1.1");
        rows[4][4].Should().Be("increase");
        rows[8].Should().Equal("7", "90", "%", "rate", "about", "执法人员持证率", "-", "2023", "2");

        // Sentences: the number in 【】 where it stands.
        text.Should().Contain("#1  " + ReviewFixtures.ExtensionB + "全年办理行政处罚案件【32件】，罚没款12.5万元，同比增长15%。");
        text.Should().Contain("#2  " + ReviewFixtures.ExtensionB + "全年办理行政处罚案件32件，罚没款【12.5万元】，");
        text.Should().Contain("#7  执法人员持证率【约为90%】，仍需提高。");
        text.Should().Contain(ReviewFixtures.Hostile, "report text is printed as text, never parsed as console markup");
    }

    [Fact]
    public void A_long_sentence_stays_on_one_line_in_plain_text_and_folds_after_its_number_on_a_terminal()
    {
        var filler = string.Concat(Enumerable.Repeat("持续推进严格规范公正文明执法", 30));
        var record = ReviewFixtures.Record() with
        {
            Metrics = [ReviewFixtures.Record().Metrics[0] with { Sentence = filler + "全年办理行政处罚案件32件。" }],
        };

        Lines(Render(record, terminal: false)).Should().Contain("#1  " + filler + "全年办理行政处罚案件【32件】。");

        var terminal = Lines(Render(record, terminal: true));
        terminal.Should().Contain(l => l.Contains("#1", StringComparison.Ordinal) && l.Contains("持续推进", StringComparison.Ordinal),
            "the sentence starts on the line of its number, folded at the edge, not pushed whole to the next line");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Console_markup_in_a_report_is_printed_as_written(bool terminal)
    {
        const string title = "[red]某局[/]年度报告 [link=http://x]点我[/] [";
        var record = ReviewFixtures.Record() with { Title = title, Organization = "[bold]", Metrics = [ReviewFixtures.Record().Metrics[0] with { Subject = "[/]" }] };

        var text = Render(record, terminal);

        text.Should().Contain(title).And.Contain("[bold]").And.Contain("[/]");
    }

    [Fact]
    public void Terminal_view_colors_the_number_instead_of_bracketing_it()
    {
        var text = Render(ReviewFixtures.Record(), terminal: true);

        text.Should().Contain(Escape.ToString());
        text.Should().NotContain("【32件】");
        var at = text.IndexOf("全年办理行政处罚案件", StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        var rest = text[(at + "全年办理行政处罚案件".Length)..];
        rest.Should().StartWith(Escape + "[", "the number starts a styled run").And.Contain("32件" + Escape + "[0m");
    }

    [Fact]
    public void Inspect_of_a_real_sample_agrees_with_its_record_and_has_no_ansi_codes_when_redirected()
    {
        const string sample = "samples/wenling-housing-bureau-2021.txt";
        var run = ReviewRun.Of("inspect", sample);
        run.ExitCode.Should().Be(0, run.Stderr);
        var text = run.Text;
        var record = JsonDocument.Parse(ReviewRun.Of("extract", sample, "--quiet").Text).RootElement;

        text.Should().NotContain(Escape.ToString());
        text.Should().StartWith("== " + (record.GetProperty("title").GetString() ?? sample) + " ==");
        Lines(text).Should().Contain(l => l.StartsWith("sha256 ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(record.GetProperty("source").GetProperty("sha256").GetString()!, StringComparison.Ordinal));
        var metrics = record.GetProperty("metrics").EnumerateArray().ToList();
        text.Should().Contain($"Metrics ({metrics.Count})");
        for (var i = 0; i < metrics.Count; i++)
        {
            var line = Lines(text).Single(l => l.StartsWith($"#{i + 1}  ", StringComparison.Ordinal));
            line.Should().Contain(InspectView.PlainOpen).And.Contain(InspectView.PlainClose);
        }

        var sections = CountSections(record.GetProperty("sections"));
        text.Should().Contain(sections == 0 ? "(no sections found)" : $"{sections} sections");
    }

    [Fact]
    public void Inspect_refuses_a_directory_with_a_hint_and_fails_on_a_missing_or_binary_file()
    {
        var directory = ReviewRun.Of("inspect", "samples/");
        directory.ExitCode.Should().Be(2);
        directory.Stderr.Should().Contain("extract samples/ --out review.html");

        var missing = ReviewRun.Of("inspect", "samples/no-such-report.txt");
        missing.ExitCode.Should().Be(1, "a missing input is a failed input, as for extract");
        missing.Stderr.Should().Contain("samples/no-such-report.txt: no such file or directory");
        missing.Stdout.Should().BeEmpty();

        var binary = ReviewRun.Of("inspect", typeof(Program).Assembly.Location);
        binary.ExitCode.Should().Be(1);
        binary.Stderr.Should().Contain("reportx.dll: ").And.Contain("binary");
    }

    internal static string Render(ReportRecord record, bool terminal)
    {
        var writer = new StringWriter();
        var console = InspectCommand.CreateConsole(writer, terminal);
        if (terminal)
        {
            console.Profile.Width = 160;
        }

        new InspectView(console, terminal).Render(record);
        return writer.ToString();
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd('\r', ' '))];

    private static int CountSections(JsonElement sections) =>
        sections.EnumerateArray().Sum(s => 1 + CountSections(s.GetProperty("sections")));
}
