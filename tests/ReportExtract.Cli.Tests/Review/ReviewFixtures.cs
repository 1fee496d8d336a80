using System.Collections.Immutable;
using System.Text;
using ReportExtract.Model;
using ReportExtract.Normalization;

namespace ReportExtract.Cli.Tests.Review;

/// <summary>
/// Hand-made records with metrics and sections over a report text written for these tests (the recognizers are
/// not needed to check how outputs show their results), plus an in-process runner of the real command line.
/// </summary>
internal static class ReviewFixtures
{
    /// <summary>A CJK Extension B character: one code point, two UTF-16 units.</summary>
    public const string ExtensionB = "\U00020000";

    /// <summary>Text that would break out of the page or inject markup if it were not escaped.</summary>
    public const string Hostile = "</script><img src=x onerror=\"document.title='pwned'\"><b>&amp;";

    /// <summary>The report text: headings, a character outside the BMP before the first figure, and hostile markup.</summary>
    public static readonly string Text =
        "某市司法局2023年法治政府建设年度报告\n"
        + "一、主要举措和成效\n"
        + "（一）严格规范执法。" + ExtensionB + "全年办理行政处罚案件32件，罚没款12.5万元，同比增长15%。\n"
        + "（二）深化普法宣传。开展培训5次，" + Hostile + "群众满意度达到98.5%。\n"
        + "二、存在的不足和原因\n"
        + "执法人员持证率约为90%，仍需提高。\n";

    /// <summary>A report record over <see cref="Text"/> with five metrics (one nested in another) and three sections.</summary>
    public static ReportRecord Record(string path = "reports/某市司法局-2023.txt") => new()
    {
        Source = new SourceInfo(path, new string('a', 64), Encoding.UTF8.GetByteCount(Text), "utf-8", ScriptKind.Simplified),
        Title = "某市司法局2023年法治政府建设年度报告",
        Organization = "某市司法局",
        ReportYear = 2023,
        DocumentDate = new DateOnly(2024, 1, 15),
        PublishedDate = new DateOnly(2024, 1, 20),
        DocumentNumber = "某司〔2024〕3号",
        Region = new RegionInfo("330000", "浙江省", null, null),
        Sections =
        [
            Section("1", 1, "一、", "主要举措和成效", SectionKind.Achievements, "一、主要举措和成效", "二、存在",
            [
                Section("1.1", 2, "（一）", "严格规范执法", SectionKind.Achievements, "（一）严格规范执法", "（二）深化", []),
                Section("1.2", 2, "（二）", "深化普法宣传", SectionKind.Achievements, "（二）深化普法宣传", "二、存在", []),
            ]),
            Section("2", 1, "二、", "存在的不足和原因", SectionKind.Shortcomings, "二、存在的不足和原因", null, []),
        ],
        Metrics =
        [
            Metric("32件", 0, MetricKind.Case, 32, "件", null, null, "行政处罚案件", "penalty_cases", 2023, "1.1"),
            Metric("12.5万元", 0, MetricKind.Amount, 125000, "元", null, null, "罚没款", "penalty_amount", 2023, "1.1"),
            Metric("同比增长15%", 0, MetricKind.Rate, 15, "%", null, Delta.Increase, "罚没款", null, 2023, "1.1"),
            Metric("15%", 0, MetricKind.Rate, 15, "%", null, null, "罚没款增幅", null, 2023, "1.1"),
            Metric("5次", 0, MetricKind.Count, 5, "次", null, null, "培训", "training_sessions", 2023, "1.2"),
            Metric("98.5%", 0, MetricKind.Rate, 98.5, "%", null, null, Hostile, "satisfaction_rate", 2022, "1.2"),
            Metric("约为90%", 0, MetricKind.Rate, 90, "%", Approximation.About, null, "执法人员持证率", null, 2023, "2"),
        ],
        Indicators = new IndicatorValues([new("penalty_cases", 32), new("penalty_amount", 125000)]),
        Warnings = ["a warning with <markup> & \"quotes\""],
    };

    /// <summary>Code point offset of UTF-16 offset <paramref name="utf16"/> in <see cref="Text"/>.</summary>
    public static int CodePoint(int utf16) => new CodePointIndex(Text).ToCodePoint(utf16);

    /// <summary>A metric whose span is the <paramref name="occurrence"/>-th place of <paramref name="surface"/> in <see cref="Text"/>.</summary>
    public static Metric Metric(
        string surface, int occurrence, MetricKind kind, double value, string unit, Approximation? approx, Delta? delta,
        string? subject, string? indicator, int? year, string? section)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = Text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        }

        at.Should().BeGreaterThanOrEqualTo(0, "the fixture text holds {0}", surface);
        var sentenceStart = Text.LastIndexOfAny(['\n', '。'], at) + 1;
        var sentenceEnd = Text.IndexOfAny(['。', '\n'], at) + 1;
        var span = new TextSpan(CodePoint(at), CodePoint(at + surface.Length));
        return new Metric(kind, value, unit, approx, delta, subject, indicator, year, section, surface, span, Text[sentenceStart..sentenceEnd]);
    }

    private static Section Section(string path, int level, string marker, string title, SectionKind kind, string startsWith, string? endsBefore, ImmutableArray<Section> children)
    {
        var start = Text.IndexOf(startsWith, StringComparison.Ordinal);
        var end = endsBefore is null ? Text.Length : Text.IndexOf(endsBefore, StringComparison.Ordinal);
        return new Section(path, level, marker, title, kind, new TextSpan(CodePoint(start), CodePoint(end)), children);
    }
}

/// <summary>The repository the tests run from, and scratch directories.</summary>
internal static class ReviewPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportExtract.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ReportExtract.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The directory holding ReportExtract.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The sample reports, full paths, in ordinal order (as <c>reportx extract samples/</c> lists them).</summary>
    public static IReadOnlyList<string> Samples =>
        [.. Directory.GetFiles(Path.Combine(Root, "samples"), "*.txt").Order(StringComparer.Ordinal)];

    /// <summary>A new empty directory under the system's temporary directory.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "reportx-review-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>One in-process run of the real <c>reportx</c> entry point.</summary>
internal sealed record ReviewRun(int ExitCode, byte[] Stdout, string Stderr)
{
    public string Text => new UTF8Encoding(false).GetString(Stdout);

    /// <summary>Runs <c>reportx <paramref name="args"/></c> from the repository root.</summary>
    public static ReviewRun Of(params string[] args) => Of(stdoutIsTerminal: false, args);

    public static ReviewRun Of(bool stdoutIsTerminal, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            Stdout = stdout,
            Stderr = TextWriter.Synchronized(stderr),
            Stdin = new MemoryStream(),
            WorkingDirectory = ReviewPaths.Root,
            StdoutIsTerminal = stdoutIsTerminal,
        };
        var exitCode = Program.RunAsync(args, environment).GetAwaiter().GetResult();
        return new ReviewRun(exitCode, stdout.ToArray(), stderr.ToString());
    }
}
