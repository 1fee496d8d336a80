namespace ReportExtract.Cli.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory holding ReportExtract.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Schema => Path.Combine(Root, "schema", "record.schema.json");

    /// <summary>The sample reports, as the CLI lists them when given <c>samples/</c> (ordinal order).</summary>
    public static IReadOnlyList<string> SampleNames { get; } =
        [.. Directory.GetFiles(Path.Combine(FindRoot(), "samples"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportExtract.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ReportExtract.sln above {AppContext.BaseDirectory}");
    }
}
