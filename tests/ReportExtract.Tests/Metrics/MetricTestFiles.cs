using System.Collections.Immutable;
using System.Text;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>Where the metric tests find their spec files, samples and golden files, and a stand-in for the upstream stages.</summary>
internal static class MetricTestFiles
{
    /// <summary>The repository root (where ReportExtract.sln lives).</summary>
    public static string Root => Repository.Root;

    public static string SpecDirectory => Path.Combine(Root, "tests", "ReportExtract.Tests", "Specs", "metrics");

    public static string GoldenDirectory => Path.Combine(Root, "tests", "ReportExtract.Tests", "Golden", "metrics");

    /// <summary>The five samples, with the report year each covers.</summary>
    public static readonly (string Name, int Year)[] Samples =
    [
        ("wenling-housing-bureau-2021", 2021),
        ("wenling-government-2021", 2021),
        ("longhu-urban-management-2023-traditional", 2023),
        ("bishan-planning-resources-2023", 2023),
        ("fuling-maan-subdistrict-2021", 2021),
    ];

    /// <summary>
    /// A sample's text after the minimal normalization later stages promise (LF line ends, full-width ASCII folded).
    /// The traditional sample is read from its simplified fixture (opencc t2s with the pinyin noise removed; see the
    /// README next to the golden files), since script conversion is the normalizer's job, not this stage's.
    /// </summary>
    public static string SampleText(string name)
    {
        var path = name.EndsWith("-traditional", StringComparison.Ordinal)
            ? Path.Combine(GoldenDirectory, "inputs", name.Replace("-traditional", "-simplified", StringComparison.Ordinal) + ".txt")
            : Path.Combine(Root, "samples", name + ".txt");
        return MinimalNormalize(File.ReadAllText(path));
    }

    /// <summary>LF line ends; full-width ASCII and U+3000 folded to ASCII, one UTF-16 unit for one, so offsets hold.</summary>
    public static string MinimalNormalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                continue;
            }

            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' when c is not ('，' or '：' or '；' or '（' or '）' or '！' or '？') => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Top-level sections from lines that open with 一、 二、 …: enough structure for section paths and the plan rule
    /// without depending on the section stage. A heading naming 安排/计划/思路/打算 is a plans section.
    /// </summary>
    public static ImmutableArray<Section> TopLevelSections(string text)
    {
        var starts = new List<(int Start, string Marker, string Title)>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var mark = line.IndexOf('、');
            if (mark is > 0 and <= 2 && "一二三四五六七八九十".Contains(line[0], StringComparison.Ordinal) && line.Length < 60)
            {
                starts.Add((lineStart, line[..(mark + 1)].ToString(), line[(mark + 1)..].ToString()));
            }

            lineStart = lineEnd + 1;
        }

        var sections = ImmutableArray.CreateBuilder<Section>();
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1].Start : text.Length;
            var title = starts[k].Title;
            var kind = title.Contains("安排", StringComparison.Ordinal) || title.Contains("计划", StringComparison.Ordinal)
                || title.Contains("思路", StringComparison.Ordinal) || title.Contains("打算", StringComparison.Ordinal)
                ? SectionKind.Plans
                : SectionKind.Other;
            sections.Add(new Section((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, starts[k].Marker, title, kind, new TextSpan(starts[k].Start, end), []));
        }

        return sections.ToImmutable();
    }
}
