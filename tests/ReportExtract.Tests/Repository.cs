using System.Text.Json;

namespace ReportExtract.Tests;

/// <summary>The repository the tests read in place: its root (where ReportExtract.sln lives) and the spec files below it.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ReportExtract.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path below this test project's folder (tests/ReportExtract.Tests).</summary>
    public static string TestPath(params string[] parts) => Path.Combine([Root, "tests", "ReportExtract.Tests", .. parts]);

    /// <summary>(file, case name) of every case in the JSON spec files of <paramref name="directory"/>: arrays of objects with a "name".</summary>
    public static TheoryData<string, string> SpecCaseNames(string directory)
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                data.Add(Path.GetFileName(file), c.GetProperty("name").GetString()!);
            }
        }

        return data;
    }
}
