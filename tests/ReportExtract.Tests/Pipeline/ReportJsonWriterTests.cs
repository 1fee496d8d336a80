using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportExtract.Model;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests.Pipeline;

/// <summary>
/// The record writer the JSON outputs use writes what the serializer writes, byte for byte: on the records of the
/// samples and of the form fixtures (tables, forms, checks) and on a record with every optional value set.
/// </summary>
public sealed class ReportJsonWriterTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    public static TheoryData<string> Inputs()
    {
        var root = EncodingFixtures.RepositoryRoot;
        return [.. Directory.GetFiles(Path.Combine(root, "samples"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "ReportExtract.Tests", "Fixtures", "forms")))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Writes_the_serializers_bytes_for_an_extracted_record(string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(EncodingFixtures.RepositoryRoot, input));
        var record = Pipeline.Extract(input, bytes).Record!;

        Written(record, indented: false).Should().Be(ReportJson.Serialize(record));
        Written(record, indented: true).Should().Be(ReportJson.Serialize(record, indented: true));
    }

    [Fact]
    public void Writes_the_serializers_bytes_with_every_optional_value_set()
    {
        var record = Full();

        record.Metrics.Should().Contain(m => m.Table == true).And.Contain(m => m.Table == false).And.Contain(m => m.Table == null);
        Written(record, indented: false).Should().Be(ReportJson.Serialize(record));
        Written(record, indented: true).Should().Be(ReportJson.Serialize(record, indented: true));
    }

    [Fact]
    public void Writes_the_serializers_bytes_when_neighbouring_metrics_repeat_or_change_their_sentence_and_section()
    {
        // Repeated texts are encoded once and reused: runs of equal texts (equal but not the same string object
        // too), a text that comes back after another, nulls between, escapes, and a text changing on the last metric.
        string[] sentences = ["第一句\"引\"，共3件。", "第一句\"引\"，共3件。", new string("第一句\"引\"，共3件。".AsSpan()), "第二句\t𠀀5件。",
            "第一句\"引\"，共3件。", null!, null!, "第三句\u0001，7件。", "第三句\u0001，7件。", "末句8件。"];
        string?[] sections = ["1", "1", "1.2", "1.2", null, null, "1.2", "2", "2", "2"];
        var template = Full().Metrics[0];
        var record = Full() with
        {
            Metrics = [.. sentences.Select((sentence, i) => template with { Sentence = sentence, Section = sections[i], Value = i })],
        };

        Written(record, indented: false).Should().Be(ReportJson.Serialize(record));
        Written(record, indented: true).Should().Be(ReportJson.Serialize(record, indented: true));
        Written(record, indented: false, JavaScriptEncoder.Default).Should().Be(JsonSerializer.Serialize(
            record, new JsonSerializerOptions(ReportJson.Compact) { Encoder = JavaScriptEncoder.Default }));
    }

    [Fact]
    public void Hands_a_long_record_to_the_stream_in_pieces()
    {
        var record = Full() with { Metrics = [.. Enumerable.Repeat(Full().Metrics[0], 5000)] };
        var stream = new MaxWriteStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ReportJson.Compact.Encoder }))
        {
            ReportJsonWriter.Write(writer, record);
        }

        stream.Length.Should().Be(Encoding.UTF8.GetByteCount(ReportJson.Serialize(record)));
        stream.MaxWrite.Should().BeLessThan((int)stream.Length / 4, "the writer flushes as its buffer fills");
    }

    private static string Written(ReportRecord record, bool indented, JavaScriptEncoder? encoder = null)
    {
        var options = indented ? ReportJson.Indented : ReportJson.Compact;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder ?? options.Encoder, Indented = indented, NewLine = Environment.NewLine }))
        {
            ReportJsonWriter.Write(writer, record);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ReportRecord Full()
    {
        Metric Metric(bool? table, Approximation? approx, Delta? delta, double value) => new(
            MetricKind.Rate, value, "%", approx, delta, "结案率\"引号\"", "closure_rate", 2023, "1.2", "98.5%", new TextSpan(10, 15),
            "行政复议结案率98.5%，\n较上年增长\t𠀀。", table, table is null ? null : "合计 / 小计", table is null ? null : "总计", table == true ? "gip-2021:requests.total.natural_person" : null);

        return new ReportRecord
        {
            Source = new SourceInfo("dir/报告 1.txt", new string('a', 64), 123456789012, "gb18030", ScriptKind.Mixed),
            Title = "某县2023年法治政府建设年度报告",
            Organization = "某县人民政府",
            ReportYear = 2023,
            DocumentDate = new DateOnly(2024, 1, 5),
            PublishedDate = new DateOnly(999, 12, 31),
            DocumentNumber = "某政发〔2024〕1号",
            IndexNumber = "11330000/2024-00001",
            Region = new RegionInfo("331081", "浙江省", null, "温岭市"),
            Sections =
            [
                new Section("1", 1, "一、", "主要举措", SectionKind.Achievements, new TextSpan(0, 50),
                    [new Section("1.1", 2, "（一）", "", null, new TextSpan(3, 9), [])]),
                new Section("2", 1, "二、", "下一步", SectionKind.Plans, new TextSpan(50, 60), []),
            ],
            Metrics =
            [
                Metric(null, Approximation.AtLeast, Delta.Increase, 98.5),
                Metric(true, null, null, 0.1),
                Metric(false, Approximation.Nearly, Delta.Decrease, 1e21),
                Metric(null, null, null, -0.0),
            ],
            Indicators = new IndicatorValues([new("closure_rate", 98.5), new("cases_total", 1234567.25)]),
            Forms = new FormValues([new FormCells("gip-2021", [new("requests.new.total", 12), new("requests.new.natural_person", null)])]),
            Checks = [new CheckResult("gip-2021", "requests.balance", "natural_person", 3, 4.5, false), new CheckResult("gip-2021", "total", null, 1, 1, true)],
            Warnings = ["第一条\u0001警告", "<b>&amp;</b> \\ 'quote'"],
        };
    }

    /// <summary>Counts bytes and remembers the largest single write.</summary>
    private sealed class MaxWriteStream : Stream
    {
        private long _length;

        public int MaxWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            MaxWrite = Math.Max(MaxWrite, buffer.Length);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
