using System.Text.Json.Nodes;
using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>The schema check the other tests rely on does reject broken records.</summary>
public sealed class RecordSchemaTests
{
    [Theory]
    [InlineData("title")]
    [InlineData("metrics")]
    [InlineData("source")]
    public void A_record_missing_a_required_field_is_rejected(string field)
    {
        var record = SampleRecord();
        record.Remove(field);

        RecordSchema.Errors(record.ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void A_record_with_a_wrong_type_or_pattern_is_rejected()
    {
        var wrongYear = SampleRecord();
        wrongYear["report_year"] = "2021";
        var wrongHash = SampleRecord();
        wrongHash["source"]!["sha256"] = "not-a-hash";

        RecordSchema.Errors(wrongYear.ToJsonString()).Should().NotBeEmpty();
        RecordSchema.Errors(wrongHash.ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void The_unchanged_record_is_valid()
    {
        RecordSchema.Errors(SampleRecord().ToJsonString()).Should().BeEmpty();
    }

    private static JsonObject SampleRecord() =>
        JsonNode.Parse(Reportx.Run("extract", "samples/" + RepoPaths.SampleNames[0]).Lines[0])!.AsObject();
}
