using System.Text;
using System.Text.Json;

namespace ReportExtract.Tests.Forms;

/// <summary>
/// Version choice and tolerant label matching as JSON spec cases (Specs/forms): each case a report text, the form it
/// holds (or none) and cells it must give (null for a blank cell). Cells not listed are not asserted.
/// </summary>
public sealed class FormSpecTests
{
    private static readonly ReportPipeline Pipeline = ReportPipeline.Create();
    private static readonly string Directory = Repository.TestPath("Specs", "forms");

    public static TheoryData<string, string> Cases() => Repository.SpecCaseNames(Directory);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Form_spec_case(string file, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, file)));
        var c = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var year = c.GetProperty("year").GetInt32();
        var text = $"某某县某某局{year}年政府信息公开工作年度报告\n" + string.Join('\n', c.GetProperty("text").EnumerateArray().Select(l => l.GetString())) + "\n";
        var record = Pipeline.Extract("spec.txt", Encoding.UTF8.GetBytes(text)).Record!;

        var form = c.GetProperty("form").GetString();
        if (form is null)
        {
            record.Forms.Should().BeEmpty(name);
            return;
        }

        record.Forms.Select(f => f.Form).Should().Equal([form], name);
        var cells = record.Forms[0].Cells.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        foreach (var expected in c.GetProperty("cells").EnumerateObject())
        {
            cells.Should().ContainKey(expected.Name, name);
            cells[expected.Name].Should().Be(expected.Value.ValueKind == JsonValueKind.Null ? null : expected.Value.GetDouble(), $"{name}: {expected.Name}");
        }
    }
}
