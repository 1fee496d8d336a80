namespace ReportExtract.Tests;

/// <summary>
/// Golden files: compared with the current output, or rewritten from it when REPORTX_UPDATE_GOLDEN=1 (after a
/// deliberate change; then review the diff of every rewritten file as an analyst would).
/// </summary>
internal static class GoldenFile
{
    /// <summary>The environment variable that turns comparing into rewriting.</summary>
    public const string UpdateVariable = "REPORTX_UPDATE_GOLDEN";

    /// <summary>True when golden files and the fixtures they are made from are being rewritten.</summary>
    public static bool Updating { get; } = Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Rewrites <paramref name="path"/> with <paramref name="actual"/> when updating; then checks that the file holds
    /// exactly that, naming the first line that drifted.
    /// </summary>
    public static void Check(string path, string actual, string name)
    {
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"the golden file {path} exists (create it with {UpdateVariable}=1 and review it)");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var lines = actual.ReplaceLineEndings("\n").Split('\n');
        var first = Enumerable.Range(0, Math.Max(expected.Length, lines.Length))
            .FirstOrDefault(i => i >= expected.Length || i >= lines.Length || expected[i] != lines[i], -1);
        first.Should().Be(-1, $"{name}: line {first + 1} drifted from its golden file ({UpdateVariable}=1 rewrites it after a reviewed change):\n  golden: {Line(expected, first)}\n  actual: {Line(lines, first)}");
    }

    private static string Line(string[] lines, int i) => i >= 0 && i < lines.Length ? lines[i] : "(none)";
}
