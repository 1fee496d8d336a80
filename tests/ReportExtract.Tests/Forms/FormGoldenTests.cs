using ReportExtract.Model;

namespace ReportExtract.Tests.Forms;

/// <summary>
/// Whole records of the constructed form reports (Fixtures/forms) against reviewed golden files (Golden/forms). Set
/// REPORTX_UPDATE_GOLDEN=1 to rewrite fixtures and records after a deliberate change, then review the diff.
/// </summary>
public sealed class FormGoldenTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();

    public static TheoryData<string> Files() => [.. FormFixtures.All.Select(f => f.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_file_is_what_the_writer_makes(string file)
    {
        var fixture = FormFixtures.All.Single(f => f.File == file);
        var path = Repository.TestPath("Fixtures", "forms", file);
        var text = FormFixtures.Text(fixture);
        if (GoldenFile.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        File.ReadAllText(path).Should().Be(text);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Record_matches_its_golden_file(string file)
    {
        var bytes = File.ReadAllBytes(Repository.TestPath("Fixtures", "forms", file));
        var record = Pipeline.Extract("forms/" + file, bytes).Record!;
        var actual = ReportJson.Serialize(record, indented: true).ReplaceLineEndings("\n") + "\n";
        var path = Repository.TestPath("Golden", "forms", Path.ChangeExtension(file, ".json"));
        GoldenFile.Check(path, actual, file);
    }

    /// <summary>Every fixture gives back the cells it was made from (the golden files could drift together with a bug).</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Record_holds_the_cells_the_fixture_was_made_from(string file)
    {
        var fixture = FormFixtures.All.Single(f => f.File == file);
        var cells = FormFixtures.Cells(fixture);
        var record = Pipeline.Extract("forms/" + file, File.ReadAllBytes(Repository.TestPath("Fixtures", "forms", file))).Record!;
        record.Forms.Should().ContainSingle().Which.Form.Should().Be(fixture.Form);
        record.Forms[0].Cells.Should().BeEquivalentTo(cells.Select(c => KeyValuePair.Create(c.Key, c.Value)));
    }

    [Fact]
    public void A_table_that_does_not_add_up_fails_its_checks_and_names_them()
    {
        var record = Pipeline.Extract("forms/x.txt", File.ReadAllBytes(Repository.TestPath("Fixtures", "forms", "not-adding-up-2021.txt"))).Record!;
        var failed = record.Checks.Where(c => !c.Holds).Select(c => $"{c.Check}:{c.Scope}").ToList();
        failed.Should().BeEquivalentTo("requests.balance:natural_person", "requests.results:natural_person", "requests.applicants:total", "appeals.review:");
        record.Warnings.Should().Contain(w => w.Contains("check requests.balance (natural_person) fails", StringComparison.Ordinal)
            && w.Contains("requests.new + requests.carried_in = ", StringComparison.Ordinal) && w.Contains(" but requests.total + requests.carried_out = ", StringComparison.Ordinal));
        record.Warnings.Should().Contain(w => w.Contains("check appeals.review fails", StringComparison.Ordinal));
        record.Warnings.Should().Contain(w => w.Contains("requests.new.total is", StringComparison.Ordinal) && w.Contains("the text says", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partial_table_gives_only_its_cells_and_only_the_checks_it_completes()
    {
        var record = Pipeline.Extract("forms/x.txt", File.ReadAllBytes(Repository.TestPath("Fixtures", "forms", "partial-2021.txt"))).Record!;
        record.Forms[0].Cells.Select(c => c.Key).Should().NotContain(k => k.StartsWith("appeals.", StringComparison.Ordinal) || k.StartsWith("requests.total.", StringComparison.Ordinal));
        record.Checks.Select(c => c.Check).Distinct().Should().Equal("requests.applicants");
        record.Checks.Should().OnlyContain(c => c.Holds);
    }
}
