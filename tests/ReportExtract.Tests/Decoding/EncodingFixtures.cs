namespace ReportExtract.Tests.Decoding;

/// <summary>Files of the repository the tests read in place: the encoding fixtures and the samples.</summary>
internal static class EncodingFixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (ReportExtract.sln) is not above the test binaries");
    });

    public static string RepositoryRoot => Root.Value;

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Fixtures", "encodings", name));

    public static string Utf8(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Fixtures", "encodings", name));

    public static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "samples", name));
}
