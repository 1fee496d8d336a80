using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ReportExtract.Cli.Inputs;
using ReportExtract.Cli.Processing;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>--shard splits a run without coordination; --file-timeout gives up on one report, not the batch; --out is checked first.</summary>
public sealed class ShardAndTimeoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Shards_partition_the_inputs_and_keep_the_input_order(int count)
    {
        var list = MakeReports(30);

        var shards = Enumerable.Range(1, count).Select(k => Paths(Run("extract", "--files-from", list, "--shard", $"{k}/{count}"))).ToList();

        var all = Paths(Run("extract", "--files-from", list));
        shards.SelectMany(s => s).Should().BeEquivalentTo(all, "the shards together are the full run");
        shards.SelectMany(s => s).Should().OnlyHaveUniqueItems("no input is in two shards");
        foreach (var shard in shards)
        {
            shard.Should().Equal(all.Where(shard.Contains), "each shard keeps the input order");
        }

        shards.Should().OnlyContain(s => s.Count > 0, "30 paths spread over at most 5 shards leave none empty");
    }

    [Fact]
    public void A_shard_is_chosen_by_the_path_as_given_so_every_machine_agrees()
    {
        // Expected values computed outside .NET: first 8 bytes of sha256("reports/a.txt") big-endian, mod N, plus 1.
        InputShard.ShardOf("reports/a.txt", 7).Should().Be(6);
        InputShard.ShardOf("reports/a.txt", 1000).Should().Be(662);
        InputShard.ShardOf("x/2021/report-00001.txt", 3).Should().Be(2);
        InputShard.ShardOf("-", 1000).Should().Be(250);
        InputShard.ShardOf(@"reports\a.txt", 1000).Should().Be(662, "Windows separators are read as '/'");
    }

    [Fact]
    public void A_shard_of_one_is_the_whole_list()
    {
        var list = MakeReports(5);

        Paths(Run("extract", "--files-from", list, "--shard", "1/1")).Should().HaveCount(5);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    public void A_shard_that_is_not_K_of_N_is_a_usage_error(string shard)
    {
        var result = Run("extract", RepoPaths.Samples, "--shard", shard);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.ErrorLines.Should().Contain($"reportx: --shard '{shard}' is not K/N with 1 <= K <= N: write e.g. --shard 3/8 for the third of eight shards");
    }

    [Fact]
    public void The_help_says_what_the_shard_hash_reads()
    {
        var help = Run("extract", "--help").Text;

        help.Should().Contain("--shard").And.Contain("SHA-256 of its path as given").And.Contain("--file-timeout");
    }

    [Fact]
    public void A_report_over_the_time_limit_becomes_one_error_line_and_the_batch_goes_on()
    {
        // Eight megabytes of report text cannot be extracted in a millisecond; the small inputs may or may not be.
        var big = new StringBuilder();
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Samples, RepoPaths.SampleNames[0]));
        while (big.Length < 4 << 20)
        {
            big.Append(sample);
        }

        _temp.Write("big.txt", big.ToString());
        _temp.Write("small.txt", "2021年共办理行政复议案件12件。\n");

        var result = Run("extract", "big.txt", "small.txt", "missing.txt", "--file-timeout", "1ms", "--jobs", "2");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Where(l => l.Contains("big.txt", StringComparison.Ordinal))
            .Should().Equal("reportx: big.txt: gave up after 1ms (see --file-timeout)");

        // Every input is accounted for once, in order: the batch did not stop at the slow one.
        var written = Paths(result);
        var failed = result.ErrorLines.Where(l => l.Contains(".txt:", StringComparison.Ordinal)).Select(l => l["reportx: ".Length..l.IndexOf(".txt:", StringComparison.Ordinal)] + ".txt");
        written.Concat(failed).Should().BeEquivalentTo(["big.txt", "small.txt", "missing.txt"]);
        result.ErrorLines.Should().Contain("reportx: missing.txt: no such file or directory");
        result.ErrorLines.Last().Should().StartWith("reportx: ").And.Contain("failed");
    }

    [Fact]
    public async Task An_item_that_never_finishes_gets_the_timeout_result_and_the_others_keep_their_order()
    {
        using var never = new ManualResetEventSlim(false);
        var scheduler = new OrderedParallel(jobs: 2, window: 4);
        // Long enough that no trivial item runs over it even on a loaded machine; item 3 never finishes at all.
        var timeout = new ItemTimeout<int, string>(TimeSpan.FromSeconds(3), item => $"gave up on {item}");

        var results = new List<string>();
        await foreach (var result in scheduler.RunAsync(Enumerable.Range(0, 12).ToList(), Work, beforeWaiting: null, timeout))
        {
            results.Add(result);
        }

        results.Should().Equal(Enumerable.Range(0, 12).Select(i => i == 3 ? "gave up on 3" : $"done {i}"));

        string Work(int item)
        {
            if (item == 3)
            {
                never.Wait();
            }

            return $"done {item}";
        }
    }

    [Fact]
    public void The_default_time_limit_lets_a_large_report_through()
    {
        var result = Run("extract", RepoPaths.Samples);

        result.ExitCode.Should().Be(0, result.Stderr);
        Paths(result).Should().HaveCount(RepoPaths.SampleNames.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("3d")]
    public void A_time_limit_that_is_not_a_duration_is_a_usage_error(string value)
    {
        var result = Run("extract", RepoPaths.Samples, "--file-timeout", value);

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().Contain(l => l.StartsWith($"reportx: --file-timeout '{value}' is not a duration", StringComparison.Ordinal));
    }

    [Fact]
    public void An_out_file_in_a_directory_that_refuses_files_is_a_usage_error_before_any_work()
    {
        // /sys refuses new files even to root, which ignores permission bits elsewhere.
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/kernel"))
        {
            return;
        }

        var reads = 0;
        var options = new CliRunOptions
        {
            WorkingDirectory = _temp.Path,
            OpenRead = path =>
            {
                Interlocked.Increment(ref reads);
                return CliEnvironment.OpenFile(path);
            },
        };

        var result = Reportx.Run(options, "extract", RepoPaths.Samples, "--out", "/sys/kernel/reportx-out.jsonl");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().HaveElementAt(0, "reportx: --out /sys/kernel/reportx-out.jsonl: cannot write there (permission denied); choose another file or directory");
        reads.Should().Be(0, "no report is read when the output cannot be written");
    }

    [Fact]
    public void A_device_as_out_is_written_in_place_and_a_full_one_is_a_clear_error()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/full"))
        {
            return;
        }

        var full = Run("extract", RepoPaths.Samples, "--out", "/dev/full", "--format", "jsonl");
        var nothing = Run("extract", RepoPaths.Samples, "--out", "/dev/null", "--format", "csv");

        full.ExitCode.Should().Be(1);
        full.ErrorLines.Should().Equal("reportx: cannot write /dev/full: No space left on device");
        nothing.ExitCode.Should().Be(0, nothing.Stderr);
        Directory.GetFiles("/dev", ".full.*").Should().BeEmpty("no temporary file is made beside a device");
        Directory.GetFiles("/dev", ".null.*").Should().BeEmpty();
    }

    [Fact]
    public async Task Ctrl_c_while_a_read_blocks_exits_130_and_leaves_no_out_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A suite started from a background job (`cmd &`, nohup, some CI runners) inherits SIGINT ignored, as shells
        // set it for background commands, and a process that ignores SIGINT never sees Ctrl+C: GNU env restores the
        // default a terminal's foreground job has, so the test checks reportx and not how the suite was started.
        var command = DefaultSigintAvailable.Value
            ? new[] { "env", "--default-signal=INT", "dotnet" }
            : ["dotnet"];
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = _temp.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in command[1..].Concat([Path.Combine(AppContext.BaseDirectory, "reportx.dll"), "extract", "-", "--out", "out.jsonl"]))
        {
            start.ArgumentList.Add(arg);
        }

        // Standard input stays open and empty, so reading the input "-" blocks until the signal.
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        SpinWait.SpinUntil(() => Directory.GetFiles(_temp.Path, ".out.jsonl.*").Length > 0, TimeSpan.FromMinutes(5))
            .Should().BeTrue("the run opens its hidden output file before reading");

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        // Wait for the process itself (the guard only catches a hang): Ctrl+C ends the run even while a read blocks,
        // and the message is written when the signal comes, so it is there however slowly the process winds down.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(hang.Token);
        process.ExitCode.Should().Be(130);
        (await stderr).Should().Be("reportx: interrupted" + Environment.NewLine, "one message, written once");
        _temp.AllFiles().Should().BeEmpty("an interrupted run leaves no output file, partial or hidden");
    }

    [Fact]
    public void A_batch_of_scraper_garbage_gives_a_record_or_one_error_line_per_input()
    {
        var random = new Random(5);
        var binary = new byte[4096];
        random.NextBytes(binary);
        _temp.Write("a-binary.txt", binary);
        _temp.Write("b-broken-utf8.txt", [.. Encoding.UTF8.GetBytes("全年办理行政复议案件36件，"), 0xC3, 0x28, 0xE2, 0x82, .. Encoding.UTF8.GetBytes("行政诉讼8起。\n")]);
        _temp.Write("c-long-line.txt", string.Concat(Enumerable.Repeat("办理案件32件涉及金额539万元", 20_000)));
        _temp.Write("d-digits.txt", new string('9', 100_000) + "件\n");
        _temp.Write("e-brackets.txt", new string('（', 20_000) + "12件" + new string('）', 20_000));
        _temp.Write("f-broken.html", "<html><body><p>一、主要成效<p>办理案件36件<td>8起</div></span><!-- ");
        _temp.Write("g-empty.txt", string.Empty);
        _temp.CopySample(RepoPaths.SampleNames[0], "h-sample.txt");

        var result = Run("extract", ".", "--include", "*.txt", "--include", "*.html");

        result.ExitCode.Should().Be(1, "two inputs are refused");
        Paths(result).Should().Equal("./b-broken-utf8.txt", "./c-long-line.txt", "./d-digits.txt", "./e-brackets.txt", "./f-broken.html", "./h-sample.txt");
        result.ErrorLines.Should().StartWith(["reportx: ./a-binary.txt: the file holds binary data (NUL bytes), not text", "reportx: ./g-empty.txt: the file is empty"]);
        result.ErrorLines.Should().HaveCount(3, "one line per refused input and the summary");
    }

    /// <summary>True when <c>env --default-signal</c> (GNU coreutils 8.31 and later) can reset an inherited SIG_IGN.</summary>
    private static readonly Lazy<bool> DefaultSigintAvailable = new(() =>
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT", "true"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Writes <paramref name="count"/> small reports under nested directories and a --files-from list naming them.</summary>
    private string MakeReports(int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"r{i % 3}/report-{i:D3}.txt";
            _temp.Write(name, $"某某区{2000 + i}年法治政府建设情况报告\n一、主要成效\n全年办理行政复议案件{i + 1}件。\n");
            names.Add(name);
        }

        return _temp.Write("list.txt", string.Join('\n', names) + "\n");
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);

    private static List<string> Paths(CliResult result) =>
        [.. result.Lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("source").GetProperty("path").GetString()!)];
}
