namespace ReportExtract.Tests.Decoding;

/// <summary>Files of the repository the tests read in place: the encoding fixtures and the samples.</summary>
internal static class EncodingFixtures
{
    public static string RepositoryRoot => Repository.Root;

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Fixtures", "encodings", name));

    public static string Utf8(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "ReportExtract.Tests", "Fixtures", "encodings", name));

    public static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "samples", name));
}
