using ReportExtract.Forms;

namespace ReportExtract.Tests.Forms;

/// <summary>
/// The constructed form reports of the golden tests (Fixtures/forms): invented agencies and figures written by
/// <see cref="FormWriter"/> from the form catalog, one per layout and trap. The files are committed so that the CLI
/// tests and a reader can open them; <see cref="FormGoldenTests"/> keeps them equal to what the writer makes.
/// </summary>
public static class FormFixtures
{
    /// <summary>One fixture: its file, form, layout, script, agency and year, and a change applied to its cells.</summary>
    public sealed record Fixture(string File, string Form, FormLayout Layout, bool Traditional, string Organization, int Year, int Seed,
        Func<Dictionary<string, double?>, Dictionary<string, double?>>? Change = null, int BlankEvery = 0, Func<Dictionary<string, double?>, string>? Opening = null);

    public static IReadOnlyList<Fixture> All { get; } =
    [
        new("html-rowspan-2019.html", "gip-2019", FormLayout.Html, false, "青溪县市场监督管理局", 2020, 101),
        new("html-rowspan-2021.html", "gip-2021", FormLayout.Html, false, "云岭市住房和城乡建设局", 2022, 102),
        new("pipe-runs-2021.txt", "gip-2021", FormLayout.Pipe, false, "东川区交通运输局", 2023, 103, BlankEvery: 5),
        new("tabs-2019.txt", "gip-2019", FormLayout.Tabs, false, "南湖区审计局", 2020, 104),
        new("aligned-2021.txt", "gip-2021", FormLayout.Aligned, false, "北山县人力资源和社会保障局", 2021, 105),
        new("pdf-spaces-2019.txt", "gip-2019", FormLayout.PdfSpaces, false, "石门区司法局", 2019, 106),
        new("one-per-line-2021.txt", "gip-2021", FormLayout.OnePerLine, false, "西江街道办事处", 2022, 107, BlankEvery: 4),
        new("traditional-2019.txt", "gip-2019", FormLayout.PipeOpen, true, "龙华县教育局", 2020, 108),
        new("partial-2021.txt", "gip-2021", FormLayout.OnePerLineBar, false, "临川镇人民政府", 2021, 109, Change: Cut),
        new("not-adding-up-2021.txt", "gip-2021", FormLayout.Pipe, false, "溪口县生态环境局", 2022, 110, Change: Break,
            Opening: c => $"2022年，溪口县生态环境局共收到政府信息公开申请{c["requests.new.total"] + 2}件，均已按时答复。"),
    ];

    /// <summary>The cells of <paramref name="fixture"/>.</summary>
    public static Dictionary<string, double?> Cells(Fixture fixture)
    {
        var cells = FormValuesMaker.Consistent(Form(fixture), new Random(fixture.Seed), fixture.BlankEvery);
        return fixture.Change is null ? cells : fixture.Change(cells);
    }

    /// <summary>The text of <paramref name="fixture"/> as the writer makes it.</summary>
    public static string Text(Fixture fixture)
    {
        var cells = Cells(fixture);
        return new FormWriter(Form(fixture), fixture.Layout, fixture.Traditional).Write(fixture.Organization, fixture.Year, cells, fixture.Opening?.Invoke(cells));
    }

    public static FormDefinition Form(Fixture fixture) => BuiltIn.Forms.Get(fixture.Form)!;

    /// <summary>An excerpt cut off inside table 三: table 二 and the first six rows of 三, nothing of 四.</summary>
    private static Dictionary<string, double?> Cut(Dictionary<string, double?> cells)
    {
        string[] rows = ["new", "carried_in", "granted", "partly", "withheld.state_secret", "withheld.prohibited"];
        return cells.Where(c => c.Key.StartsWith("active.", StringComparison.Ordinal) || rows.Any(r => c.Key.StartsWith($"requests.{r}.", StringComparison.Ordinal)))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>A published table that does not add up: one applicant total and one review total off by one.</summary>
    private static Dictionary<string, double?> Break(Dictionary<string, double?> cells)
    {
        cells["requests.total.natural_person"] = (cells["requests.total.natural_person"] ?? 0) + 1;
        cells["appeals.counts.review.total"] = (cells["appeals.counts.review.total"] ?? 0) + 1;
        return cells;
    }
}
