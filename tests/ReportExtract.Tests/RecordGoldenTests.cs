using ReportExtract.Model;
using ReportExtract.Tests.Decoding;

namespace ReportExtract.Tests;

/// <summary>
/// Whole records of the five real samples, every stage together, against reviewed golden files
/// (Golden/records/*.json). Set REPORTX_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class RecordGoldenTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(Path.Combine(EncodingFixtures.RepositoryRoot, "samples"), "*.txt").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_record_matches_its_golden_file(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(EncodingFixtures.RepositoryRoot, "samples", name));
        var result = Pipeline.Extract("samples/" + name, bytes);
        result.Error.Should().BeNull();
        var actual = ReportJson.Serialize(result.Record!, indented: true).ReplaceLineEndings("\n") + "\n";

        var path = Path.Combine(EncodingFixtures.RepositoryRoot, "tests", "ReportExtract.Tests", "Golden", "records", Path.ChangeExtension(name, ".json"));
        GoldenFile.Check(path, actual, name);
    }
}
