using System.Collections.Concurrent;
using System.Text;
using ReportExtract.Model;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>Offsets of converted text: exact maps on known cases, invariants on seeded random text, thread safety.</summary>
public sealed class TraditionalToSimplifiedMappingTests
{
    private static readonly TraditionalToSimplifiedConverter Converter = BuiltIn.Converter;

    // Pieces random text is made of: phrases (same and other lengths), one-to-many characters, supplementary keys
    // and values, simplified and neutral characters, Latin, digits, punctuation, line ends and lone surrogates.
    private static readonly string[] Pieces =
    [
        "乾隆", "乾乾淨淨", "乾", "二噁英", "噁", "瞭解", "瞭望", "藉口", "憑藉", "覆蓋", "答覆", "於", "樊於期",
        "著", "後", "臺灣", "颱風", "檯", "髮", "發", "鍾", "鐘", "錢鍾書", "麼", "麪", "徵", "夥", "係", "繫",
        "國家", "區域", "執法", "與", "為", "說", "這", "們", "個",
        "𩀨", "𨋢", "𧝞", "䂎", "䆉", "𠀀", "𠮷",
        "国家", "这", "们", "区", "台", "后", "中", "文", "大",
        "a", "Z", "0", "9", " ", "\t", "，", "。", "；", "！", "(", ")", "¥",
        "\n", "\r\n", "\uD800", "\uDC00", "\uD800a",
    ];

    [Theory]
    [InlineData("乾隆臺灣", "乾隆台湾", new[] { 0, 1, 2, 3 }, new[] { 1, 2, 3, 4 })]
    [InlineData("二噁英", "二𫫇英", new[] { 0, 0, 0, 0 }, new[] { 3, 3, 3, 3 })] // phrase grows: whole range
    [InlineData("𩀨a", "𫕚a", new[] { 0, 1, 2 }, new[] { 1, 2, 3 })] // pair to pair: unit by unit
    [InlineData("x䂎", "x𥎝", new[] { 0, 1, 1 }, new[] { 1, 2, 2 })] // BMP to pair: both units from one
    [InlineData("𨋢。", "䢂。", new[] { 0, 2 }, new[] { 2, 3 })] // pair to BMP: one unit from two
    public void ConvertMapped_maps_known_cases(string input, string output, int[] starts, int[] ends)
    {
        var mapped = Converter.ConvertMapped(input);
        mapped.Text.Should().Be(output);
        Enumerable.Range(0, output.Length).Select(mapped.OriginalStart).Should().Equal(starts);
        Enumerable.Range(0, output.Length).Select(mapped.OriginalEnd).Should().Equal(ends);
    }

    [Fact]
    public void ConvertMapped_copies_lone_surrogates()
    {
        // Attributes cannot carry lone surrogates, hence not an InlineData case.
        var mapped = Converter.ConvertMapped("\uD800臺\uDC00");
        mapped.Text.Should().Be("\uD800台\uDC00");
        Enumerable.Range(0, 3).Select(mapped.OriginalStart).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Random_text_maps_soundly_and_converts_like_Convert()
    {
        var random = new Random(20231201);
        for (var round = 0; round < 400; round++)
        {
            var input = RandomText(random, random.Next(0, 120));
            var mapped = Converter.ConvertMapped(input);
            mapped.Text.Should().Be(Converter.Convert(input), "input {0}", Escape(input));
            ShouldBeSoundMap(mapped, input);

            var (simplified, script) = Converter.Simplify(input);
            ShouldBeSoundMap(simplified, input);
            if (script is ScriptKind.Simplified or ScriptKind.None)
            {
                simplified.Text.Should().Be(input);
            }
        }
    }

    [Fact]
    public void Converting_from_many_threads_gives_the_same_results()
    {
        var inputs = Directory.GetFiles(OpenCcGolden.InputDirectory, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f, Encoding.UTF8)).ToArray();
        var expected = inputs.Select(Converter.Convert).ToArray();
        var failures = new ConcurrentBag<string>();
        var instances = new ConcurrentBag<TraditionalToSimplifiedConverter>();

        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var converter = BuiltIn.Converter;
            instances.Add(converter);
            var k = i % inputs.Length;
            if (!string.Equals(converter.Convert(inputs[k]), expected[k], StringComparison.Ordinal)
                || !string.Equals(converter.ConvertMapped(inputs[k]).Text, expected[k], StringComparison.Ordinal)
                || !string.Equals(converter.Simplify(inputs[k]).Text.Text, expected[k], StringComparison.Ordinal))
            {
                failures.Add($"iteration {i}, input {k}");
            }
        });

        failures.Should().BeEmpty();
        instances.Distinct().Should().ContainSingle();
    }

    /// <summary>Every unit maps inside the input, ranges only move forward, and together they tile the input.</summary>
    internal static void ShouldBeSoundMap(MappedText mapped, string input)
    {
        mapped.Original.Should().BeSameAs(input);
        var text = mapped.Text;
        if (text.Length == 0)
        {
            input.Should().BeEmpty();
            return;
        }

        mapped.OriginalStart(0).Should().Be(0, "the first unit starts the input ({0})", Escape(input));
        mapped.OriginalEnd(text.Length - 1).Should().Be(input.Length, "the last unit ends the input ({0})", Escape(input));
        for (var k = 0; k < text.Length; k++)
        {
            var (start, end) = (mapped.OriginalStart(k), mapped.OriginalEnd(k));
            if (start < 0 || end > input.Length || start >= end)
            {
                Assert.Fail($"unit {k} maps to [{start}, {end}) outside input of {input.Length} ({Escape(input)})");
            }

            if (k > 0)
            {
                var (previousStart, previousEnd) = (mapped.OriginalStart(k - 1), mapped.OriginalEnd(k - 1));
                var sameRange = start == previousStart && end == previousEnd;
                if (!sameRange && start != previousEnd)
                {
                    Assert.Fail($"unit {k} maps to [{start}, {end}) after [{previousStart}, {previousEnd}): not contiguous ({Escape(input)})");
                }
            }
        }
    }

    private static string RandomText(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }
}
