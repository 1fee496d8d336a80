using System.Text;
using ReportExtract.Model;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// Parity with the real <c>opencc -c t2s</c>: Golden/opencc/input is traditional text, Golden/opencc/expected is
/// OpenCC's output for it (tools/opencc/regenerate.sh makes both; these tests need no OpenCC).
/// </summary>
public sealed class TraditionalToSimplifiedParityTests
{
    private static readonly TraditionalToSimplifiedConverter Converter = BuiltIn.Converter;

    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(OpenCcGolden.InputDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void Corpus_is_at_least_200_KB_of_traditional_text_with_expected_output_for_every_file()
    {
        var inputs = Directory.GetFiles(OpenCcGolden.InputDirectory, "*.txt");
        inputs.Sum(f => new FileInfo(f).Length).Should().BeGreaterThanOrEqualTo(200 * 1024);
        foreach (var input in inputs)
        {
            File.Exists(Path.Combine(OpenCcGolden.ExpectedDirectory, Path.GetFileName(input))).Should().BeTrue(input);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Convert_matches_opencc_t2s(string file)
    {
        var (input, expected) = OpenCcGolden.Read(file);
        OpenCcGolden.ShouldMatch(Converter.Convert(input), expected, file);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void ConvertMapped_gives_the_same_text_and_keeps_the_original(string file)
    {
        var (input, expected) = OpenCcGolden.Read(file);
        var mapped = Converter.ConvertMapped(input);
        mapped.Original.Should().BeSameAs(input);
        OpenCcGolden.ShouldMatch(mapped.Text, expected, file);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Simplify_detects_the_corpus_as_traditional_and_gives_opencc_output(string file)
    {
        var (input, expected) = OpenCcGolden.Read(file);
        var (text, script) = Converter.Simplify(input);
        script.Should().Be(ScriptKind.Traditional);
        OpenCcGolden.ShouldMatch(text.Text, expected, file);
    }

    [Fact]
    public void Dictionaries_are_embedded_and_OpenCC_notice_ships_next_to_them()
    {
        var names = typeof(TraditionalToSimplifiedConverter).Assembly.GetManifestResourceNames();
        foreach (var dictionary in new[] { "TSPhrases", "TSCharacters", "STCharacters", "TWVariants", "HKVariants" })
        {
            names.Should().Contain($"ReportExtract.Resources.OpenCC/{dictionary}.txt");
        }

        var folder = Path.Combine(OpenCcGolden.RepositoryRoot, "src", "ReportExtract", "Resources", "OpenCC");
        File.ReadAllText(Path.Combine(folder, "NOTICE")).Should().Contain("Apache License, Version 2.0");
        File.ReadAllText(Path.Combine(folder, "LICENSE")).Should().Contain("Apache License");
    }

    [Fact]
    public void Nul_does_not_end_the_line_unlike_opencc()
    {
        // `printf '臺\0灣' | opencc -c t2s` prints only 台: a C-string artifact, not a conversion rule.
        Converter.Convert("臺\0灣").Should().Be("台\0湾");
    }

    [Theory]
    [InlineData("bishan-planning-resources-2023.txt")]
    [InlineData("fuling-maan-subdistrict-2021.txt")]
    [InlineData("wenling-government-2021.txt")]
    [InlineData("wenling-housing-bureau-2021.txt")]
    public void Simplified_samples_come_out_unchanged(string sample)
    {
        var input = File.ReadAllText(Path.Combine(OpenCcGolden.RepositoryRoot, "samples", sample), Encoding.UTF8);
        var (text, script) = Converter.Simplify(input);
        script.Should().Be(ScriptKind.Simplified);
        text.Text.Should().BeSameAs(input);
        text.ToOriginal(0, input.Length).Should().Be((0, input.Length));
    }

    [Fact]
    public void Traditional_sample_is_detected_and_converted_like_opencc()
    {
        var input = File.ReadAllText(
            Path.Combine(OpenCcGolden.RepositoryRoot, "samples", "longhu-urban-management-2023-traditional.txt"), Encoding.UTF8);
        var (_, expected) = OpenCcGolden.Read("longhu-urban-management-2023-traditional.txt");
        var (text, script) = Converter.Simplify(input);
        script.Should().Be(ScriptKind.Traditional);
        OpenCcGolden.ShouldMatch(text.Text, expected, "longhu sample");
    }
}

/// <summary>Finds and compares the OpenCC golden files.</summary>
internal static class OpenCcGolden
{
    public static string RepositoryRoot => Repository.Root;

    public static string InputDirectory => Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Golden", "opencc", "input");

    public static string ExpectedDirectory => Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Golden", "opencc", "expected");

    public static (string Input, string Expected) Read(string file) =>
        (File.ReadAllText(Path.Combine(InputDirectory, file), Encoding.UTF8),
         File.ReadAllText(Path.Combine(ExpectedDirectory, file), Encoding.UTF8));

    /// <summary>Compares line by line (line ends included) and names the first differing lines.</summary>
    public static void ShouldMatch(string actual, string expected, string because)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return;
        }

        var actualLines = actual.Split('\n');
        var expectedLines = expected.Split('\n');
        var report = new StringBuilder();
        report.Append(because).Append(": output differs from opencc -c t2s").AppendLine();
        var shown = 0;
        for (var i = 0; i < Math.Max(actualLines.Length, expectedLines.Length) && shown < 5; i++)
        {
            var a = i < actualLines.Length ? actualLines[i] : "<missing line>";
            var e = i < expectedLines.Length ? expectedLines[i] : "<missing line>";
            if (string.Equals(a, e, StringComparison.Ordinal))
            {
                continue;
            }

            var column = 0;
            while (column < a.Length && column < e.Length && a[column] == e[column])
            {
                column++;
            }

            report.Append("line ").Append(i + 1).Append(", column ").Append(column + 1).AppendLine()
                .Append("  expected: ").Append(e.Replace("\r", "\\r", StringComparison.Ordinal)).AppendLine()
                .Append("  actual:   ").Append(a.Replace("\r", "\\r", StringComparison.Ordinal)).AppendLine();
            shown++;
        }

        report.Append("line counts: expected ").Append(expectedLines.Length).Append(", actual ").Append(actualLines.Length);
        Assert.Fail(report.ToString());
    }
}
