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
    public void Broken_metrics_and_sections_are_rejected_through_the_schema_definitions()
    {
        // These rules live under $defs: they are only checked when the draft 2020-12 references resolve.
        var record = SampleRecord();
        record["metrics"]!.AsArray().Should().NotBeEmpty("the sample states figures");
        record["sections"]!.AsArray().Should().NotBeEmpty("the sample has headings");

        var wrongKind = SampleRecord();
        wrongKind["metrics"]![0]!["kind"] = "money";
        var longSpan = SampleRecord();
        longSpan["metrics"]![0]!["span"] = new JsonArray(1, 2, 3);
        var negativeSpan = SampleRecord();
        negativeSpan["sections"]![0]!["span"] = new JsonArray(-1, 2);
        var wrongPath = SampleRecord();
        wrongPath["sections"]![0]!["path"] = "1..2";

        RecordSchema.Errors(wrongKind.ToJsonString()).Should().NotBeEmpty();
        RecordSchema.Errors(longSpan.ToJsonString()).Should().NotBeEmpty();
        RecordSchema.Errors(negativeSpan.ToJsonString()).Should().NotBeEmpty();
        RecordSchema.Errors(wrongPath.ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void The_unchanged_record_is_valid()
    {
        RecordSchema.Errors(SampleRecord().ToJsonString()).Should().BeEmpty();
    }

    private static JsonObject SampleRecord() =>
        JsonNode.Parse(Reportx.Run("extract", "samples/" + RepoPaths.SampleNames[0]).Lines[0])!.AsObject();
}
