using System.Text;
using ReportExtract.Model;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The prebuilt script table (Resources/Normalization/script-evidence.tsv) against the OpenCC dictionaries it is made
/// from, its counting against a plain reference count, and the converter's lazy loading of the dictionaries.
/// </summary>
public sealed class ScriptEvidenceTests
{
    // Pieces of random text: traditional-only, simplified-only and neutral Han (BMP and supplementary), characters
    // of both worlds, Latin, digits, punctuation, line ends and lone surrogates.
    private static readonly string[] Pieces =
    [
        "國", "們", "這", "臺", "颱", "眾", "𩀨", "𨋢", "国", "们", "这", "风", "𫕚", "䢂", "台", "后", "乾", "群", "峰",
        "中", "文", "𠀀", "𠮷", "㐀", "豈", "a", "Z", "0", " ", "，", "。", "\n", "\r\n", "\uD800", "\uDC00", "\uD800a",
        "\uDBFF\uDFFF",
    ];

    [Fact]
    public void The_prebuilt_table_holds_exactly_what_the_dictionaries_give()
    {
        // If this fails, the dictionaries changed: run tools/opencc/script-evidence.py and commit the table.
        var table = ScriptEvidence.LoadEmbedded();
        var expected = OpenCcDictionary.ClassifyEmbedded().ToDictionary(e => e.CodePoint, e => e.Script);
        expected.Should().NotBeEmpty();
        for (var codePoint = 0; codePoint <= 0x3FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                table.Of(codePoint).Should().Be(0);
                continue;
            }

            var script = table.Of(codePoint);
            if (script != expected.GetValueOrDefault(codePoint))
            {
                script.Should().Be(expected.GetValueOrDefault(codePoint), "U+{0:X4} ({1})", codePoint, char.ConvertFromUtf32(codePoint));
            }
        }

        expected.Keys.Should().OnlyContain(cp => cp <= 0x3FFFF, "every script-specific character was compared above");
    }

    [Fact]
    public void The_table_rejects_a_row_of_no_script() =>
        ((Action)(() => _ = new ScriptEvidence([('國', 3)]))).Should().Throw<ArgumentException>();

    [Fact]
    public void Counting_random_text_agrees_with_a_code_point_by_code_point_count()
    {
        var table = ScriptEvidence.LoadEmbedded();
        var random = new Random(20261207);
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 60);
            for (var k = 0; k < length; k++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var input = text.ToString();
            table.Count(input).Should().Be(ReferenceCount(table, input), "input {0}", string.Concat(input.Select(c => $"\\u{(int)c:X4}")));
        }
    }

    [Theory]
    [InlineData("國家們", 2, 0, true)]
    [InlineData("国家𫕚", 0, 2, true)]
    [InlineData("𠀀", 0, 0, true)] // supplementary Han, no evidence
    [InlineData("abc，。", 0, 0, false)]
    public void Counts_known_cases(string text, int traditional, int simplified, bool han) =>
        ScriptEvidence.LoadEmbedded().Count(text).Should().Be((traditional, simplified, han));

    [Fact]
    public void Simplified_text_is_normalized_without_loading_the_dictionaries()
    {
        var loads = 0;
        var converter = new TraditionalToSimplifiedConverter(ScriptEvidence.LoadEmbedded(), () =>
        {
            Interlocked.Increment(ref loads);
            return OpenCcDictionary.LoadEmbedded();
        });
        var pipeline = new ReportPipelineBuilder().UseNormalizer(new TextNormalizer(false, converter, BuiltIn.Chrome)).Build();

        var simplified = pipeline.Extract("simplified.txt", File.ReadAllBytes(Sample("wenling-government-2021.txt")));
        simplified.Record!.Source.Script.Should().Be(ScriptKind.Simplified);
        converter.DetectScript("國家").Should().Be(ScriptKind.Traditional);
        loads.Should().Be(0, "detecting the script reads the prebuilt table only");
        converter.DictionaryLoaded.Should().BeFalse();

        var traditional = pipeline.Extract("traditional.txt", File.ReadAllBytes(Sample("longhu-urban-management-2023-traditional.txt")));
        traditional.Record!.Source.Script.Should().Be(ScriptKind.Traditional);
        loads.Should().Be(1);
        converter.DictionaryLoaded.Should().BeTrue();
    }

    [Fact]
    public void Parallel_first_conversions_load_the_dictionaries_once_and_agree()
    {
        var loads = 0;
        var converter = new TraditionalToSimplifiedConverter(ScriptEvidence.LoadEmbedded(), () =>
        {
            Interlocked.Increment(ref loads);
            return OpenCcDictionary.LoadEmbedded();
        });
        var text = File.ReadAllText(Sample("longhu-urban-management-2023-traditional.txt"), Encoding.UTF8);
        var expected = BuiltIn.Converter.Simplify(text).Text.Text;

        var results = new string[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = converter.Simplify(text).Text.Text);

        loads.Should().Be(1);
        results.Should().AllBe(expected);
    }

    // The count as the converter first defined it: code point by code point, pairs joined, lone surrogates neutral.
    private static (int, int, bool) ReferenceCount(ScriptEvidence table, string text)
    {
        int traditional = 0, simplified = 0;
        var han = false;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            han |= codePoint is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);
            var script = codePoint is >= 0xD800 and <= 0xDFFF ? 0 : table.Of(codePoint);
            traditional += script == ScriptEvidence.TraditionalOnly ? 1 : 0;
            simplified += script == ScriptEvidence.SimplifiedOnly ? 1 : 0;
        }

        return (traditional, simplified, han);
    }

    private static string Sample(string name) => Path.Combine(OpenCcGolden.RepositoryRoot, "samples", name);
}
