using System.Text.RegularExpressions;

namespace ReportExtract.Tests;

/// <summary>
/// The checks anyone can run by hand (issue 15), kept true: one embedded-data reader, stage folders that depend only
/// downward, and source files short enough to do one job.
/// </summary>
public sealed partial class CodebaseLayoutTests
{
    private const int MaxLines = 400;

    private static readonly string Src = Path.Combine(Repository.Root, "src");

    [Fact]
    public void Embedded_data_is_opened_in_one_place()
    {
        var calls = SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select(line => (File: Relative(f), Line: line)))
            .Where(x => x.Line.Contains("GetManifestResourceStream", StringComparison.Ordinal))
            .Select(x => x.File)
            .ToList();

        calls.Should().Equal(["src/ReportExtract/Common/EmbeddedData.cs"], "every resource is read through EmbeddedData");
    }

    [Fact]
    public void No_static_field_or_property_holds_embedded_data()
    {
        // Data a stage reads is handed to it by the pipeline builder or loaded by the stage's constructor, so a test
        // or a library user can swap it; a static field loaded from a resource (directly, or lazily) is hidden state.
        var offenders = SourceFiles()
            .SelectMany(f => StaticMember().Matches(File.ReadAllText(f))
                .Where(m => m.Groups["init"].Value.Contains("EmbeddedData", StringComparison.Ordinal) || m.Groups["type"].Value.StartsWith("Lazy<", StringComparison.Ordinal)
                    || LoadCall().IsMatch(m.Groups["init"].Value))
                .Select(m => $"{Relative(f)}: {m.Groups["name"].Value}"))
            .ToList();

        offenders.Should().BeEmpty("stages get their data through constructors, not from static fields");
    }

    [Fact]
    public void The_static_data_check_sees_a_field_loaded_from_embedded_data()
    {
        // The pattern the check above relies on, on the three shapes it has to catch and two it must let pass.
        string[] caught =
        [
            "private static readonly WordSet<bool> Cues =\n        new(EmbeddedData.ReadRows(\"x.txt\").Select(r => (r[0], true)));",
            "private static readonly Lazy<uint[]> Bits = new(LoadBits);",
            "public static Words Default { get; } = Words.LoadEmbedded();",
        ];
        string[] passed =
        [
            "public static Words LoadEmbedded() => new(EmbeddedData.ReadRows(\"x.tsv\"));",
            "private static readonly SearchValues<char> Marks = SearchValues.Create(\"、和\");",
        ];

        caught.Should().AllSatisfy(code => StaticMember().Matches(code).Should().ContainSingle(m =>
            m.Groups["init"].Value.Contains("EmbeddedData", StringComparison.Ordinal) || m.Groups["type"].Value.StartsWith("Lazy<", StringComparison.Ordinal)
            || LoadCall().IsMatch(m.Groups["init"].Value)));
        passed.Should().AllSatisfy(code => StaticMember().Matches(code).Where(m =>
            m.Groups["init"].Value.Contains("EmbeddedData", StringComparison.Ordinal) || m.Groups["type"].Value.StartsWith("Lazy<", StringComparison.Ordinal)
            || LoadCall().IsMatch(m.Groups["init"].Value)).Should().BeEmpty());
    }

    [Theory]
    [InlineData("Sections", "Metadata")]
    [InlineData("Metadata", "Sections")]
    [InlineData("Region", "Metadata")]
    [InlineData("Region", "Sections")]
    [InlineData("Normalization", "Sections")]
    [InlineData("Common", "Decoding")]
    [InlineData("Common", "Normalization")]
    [InlineData("Common", "Sections")]
    [InlineData("Common", "Metadata")]
    [InlineData("Common", "Region")]
    [InlineData("Common", "Metrics")]
    [InlineData("Common", "Tables")]
    [InlineData("Common", "Forms")]
    public void A_stage_folder_does_not_use_a_stage_it_feeds(string folder, string forbidden)
    {
        var pattern = new Regex($@"^\s*using\s+ReportExtract\.{forbidden}\s*;|\bReportExtract\.{forbidden}\.[A-Z]|(?<![\w.]){forbidden}\.[A-Z]\w*(Recognizer|Finder|Splitter|Extractor|Lexicon|Text|Resolver)\b", RegexOptions.Multiline);
        var offenders = Directory.EnumerateFiles(Path.Combine(Src, "ReportExtract", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => pattern.IsMatch(File.ReadAllText(f)))
            .Select(Relative)
            .ToList();

        offenders.Should().BeEmpty($"{folder}/ must not depend on {forbidden}/");
    }

    [Fact]
    public void No_source_file_runs_over_400_lines()
    {
        var counts = SourceFiles(includeAllText: true).ToDictionary(Relative, f => File.ReadLines(f).Count());

        counts.Where(kv => kv.Value > MaxLines)
            .Select(kv => $"{kv.Key} ({kv.Value} lines)")
            .Should().BeEmpty($"a file past {MaxLines} lines is doing two jobs: split it along them");
    }

    [Fact]
    public void The_paths_contributing_names_exist()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "CONTRIBUTING.md"));
        var paths = RootPath().Matches(guide).Select(m => m.Groups["path"].Value).Distinct().ToList();

        paths.Should().NotBeEmpty();
        paths.Where(p => !File.Exists(Path.Combine(Repository.Root, p)) && !Directory.Exists(Path.Combine(Repository.Root, p)))
            .Should().BeEmpty("CONTRIBUTING.md names files and folders that exist");
    }

    // A static field or property with an initializer (= …; or { get; } = …;), not a method: the name is followed by
    // the initializer, never by a parameter list.
    [GeneratedRegex(@"\bstatic\s+(?:readonly\s+)?(?<type>[\w.]+(?:<[\w<>\[\],.?\s]*>)?(?:\[\])?\??)\s+(?<name>\w+)\s*(?:=>|=|\{\s*get;\s*\}\s*=)(?<init>[^;]*);")]
    private static partial Regex StaticMember();

    // A call that reads data: LoadEmbedded(), LoadBits, ReadRows(…).
    [GeneratedRegex(@"\bLoad\w*|\bRead(?!Only)\w*\s*\(")]
    private static partial Regex LoadCall();

    // A backticked path from the repository root, without placeholders such as <Stage>.
    [GeneratedRegex(@"`(?<path>(?:src|tests|schema)/[\w./-]+)`")]
    private static partial Regex RootPath();

    /// <summary>The code under src/ (C#, or every text file but data with <paramref name="includeAllText"/>), without build outputs.</summary>
    private static IEnumerable<string> SourceFiles(bool includeAllText = false) =>
        Directory.EnumerateFiles(Src, "*", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, "bin") && !IsUnder(f, "obj") && !IsUnder(f, "Resources"))
            .Where(f => includeAllText ? Path.GetExtension(f) is ".cs" or ".js" or ".css" or ".csproj" : Path.GetExtension(f) == ".cs")
            .Order(StringComparer.Ordinal);

    private static bool IsUnder(string path, string folder) =>
        Path.GetRelativePath(Src, path).Split(Path.DirectorySeparatorChar).SkipLast(1).Contains(folder);

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
}
