using System.Runtime.CompilerServices;

namespace ReportExtract.Tests.Sections;

/// <summary>Spec and golden files are read from the source tree, next to the tests that own them.</summary>
internal static class TestFiles
{
    /// <summary>The test project's directory.</summary>
    public static string ProjectDirectory { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([ProjectDirectory, .. parts]);

    private static string Locate([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
}
