using System.Collections.Immutable;
using ReportExtract.Metrics;
using ReportExtract.Model;

namespace ReportExtract.Tests.Metrics;

/// <summary>The built-in catalog, user catalogs that add or replace entries, bad catalogs, and the report summary.</summary>
public sealed class IndicatorCatalogTests
{
    private static readonly string[] ShippedIds =
    [
        "litigation_cases", "litigation_lost", "litigation_loss_rate", "head_appearance_cases", "head_appearance_rate",
        "reconsideration_cases", "reconsideration_corrected", "reconsideration_correction_rate", "penalty_cases", "penalty_amount",
        "inspections", "licensing_items", "normative_documents", "legality_reviews", "contracts_reviewed", "major_decisions",
        "legal_opinions", "legal_advisors", "info_disclosed", "info_requests", "petitions", "mediations", "law_study_sessions",
        "publicity_materials", "enforcement_personnel",
    ];

    [Fact]
    public void The_built_in_catalog_ships_every_id_in_order()
    {
        IndicatorCatalog.LoadBuiltIn().Ids.Should().Equal(ShippedIds);
        IndicatorCatalog.Load(null).Ids.Should().Equal(ShippedIds);
    }

    [Fact]
    public void A_user_catalog_replaces_entries_by_id_and_appends_new_ones()
    {
        var path = WriteTemp("""
            {"indicators": [
              {"id": "penalty_cases", "label": "处罚", "kinds": ["case"], "units": ["件"], "rules": [{"subject": ["简易程序案件"]}]},
              {"id": "drills", "label": "演练次数", "kinds": ["count"], "units": ["次"], "rules": [{"subject": ["演练"]}]}
            ]}
            """);
        var catalog = IndicatorCatalog.Load(path);
        catalog.Ids.Should().HaveCount(ShippedIds.Length + 1);
        catalog.Ids[8].Should().Be("penalty_cases");
        catalog.Ids[^1].Should().Be("drills");

        var recognizer = new MetricRecognizer(catalog);
        var metrics = recognizer.Recognize("开展应急演练6次,办理简易程序案件12件,行政处罚案件30件。", [], 2021).Metrics;
        metrics.Select(m => m.Indicator).Should().Equal("drills", "penalty_cases", null);
        catalog.Summarize(metrics, [], 2021).Select(p => p.Key).Should().Equal("penalty_cases", "drills");
    }

    [Fact]
    public void A_user_catalog_rule_can_ask_for_words_after_the_figure_and_keep_words_out_of_its_clause_and_table_lead_in()
    {
        var path = WriteTemp("""
            {"indicators": [
              {"id": "trained", "label": "培训人数", "kinds": ["count"], "units": ["人", "名"],
               "rules": [{"subject": ["干部"], "after": ["参加培训"], "clause_exclude": ["上年"]}]},
              {"id": "drills", "label": "演练次数", "kinds": ["count"], "units": ["次", ""], "rules": [{"subject": ["演练"]}],
               "topic_exclude": ["计划"]}
            ]}
            """);
        var recognizer = new MetricRecognizer(IndicatorCatalog.Load(path));

        var prose = recognizer.Recognize("全县45名干部参加培训,上年12名干部参加培训,9名干部参加考试。", [], 2021).Metrics;
        prose.Select(m => m.Indicator).Should().Equal("trained", null, null);

        var tables = recognizer.Recognize("演练完成情况\n类别|演练\n全年|8\n\n下年演练计划\n项目|次数\n演练|10\n", [], 2021).Metrics;
        tables.Select(m => m.Indicator).Should().Equal("drills", null);
    }

    [Theory]
    [InlineData("{ not json", "not valid catalog JSON")]
    [InlineData("{\"indicators\": []}", "no \"indicators\" array")]
    [InlineData("{\"indicators\": [{\"label\": \"x\", \"rules\": [{\"subject\": [\"a\"]}]}]}", "has no \"id\"")]
    [InlineData("{\"indicators\": [{\"id\": \"a\", \"rules\": []}]}", "needs \"rules\"")]
    [InlineData("{\"indicators\": [{\"id\": \"a\", \"kinds\": [\"money\"], \"rules\": [{\"subject\": [\"a\"]}]}]}", "unknown kind 'money'")]
    [InlineData("{\"indicators\": [{\"id\": \"a\", \"rules\": [{\"subject\": [\"a\"]}]}, {\"id\": \"a\", \"rules\": [{\"subject\": [\"b\"]}]}]}", "appears twice")]
    [InlineData("{\"indicators\": [{\"id\": \"a\", \"subjects\": [\"a\"], \"rules\": [{\"subject\": [\"a\"]}]}]}", "not valid catalog JSON")]
    public void A_bad_catalog_is_a_clear_error_naming_the_file(string json, string message)
    {
        var path = WriteTemp(json);
        var act = () => IndicatorCatalog.Load(path);
        act.Should().Throw<InvalidDataException>().Where(e => e.Message.Contains(path, StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_catalog_file_is_a_clear_error()
    {
        var act = () => IndicatorCatalog.Load("/nonexistent/catalog.json");
        act.Should().Throw<InvalidDataException>().WithMessage("*nonexistent/catalog.json*cannot read*");
    }

    [Fact]
    public void The_summary_takes_the_first_report_year_mention_outside_plans()
    {
        const string text = "2020年,受理行政复议案件3件。2021年,受理行政复议案件5件,后又受理行政复议案件7件。\n四、明年工作安排\n受理行政复议案件9件。";
        var plans = text.IndexOf("四、", StringComparison.Ordinal);
        ImmutableArray<Section> sections =
        [
            new Section("1", 1, "一、", "成效", SectionKind.Achievements, new TextSpan(0, plans), []),
            new Section("4", 1, "四、", "明年工作安排", SectionKind.Plans, new TextSpan(plans, text.Length), []),
        ];
        var recognizer = new MetricRecognizer();
        var metrics = recognizer.Recognize(text, sections, 2021).Metrics;
        metrics.Select(m => m.Value).Should().Equal(3, 5, 7, 9);
        metrics.Select(m => m.Section).Should().Equal("1", "1", "1", "4");
        recognizer.Catalog.Summarize(metrics, sections, 2021).Get("reconsideration_cases").Should().Be(5);
        recognizer.Catalog.Summarize(metrics, sections, 2020).Get("reconsideration_cases").Should().Be(3);
        recognizer.Catalog.Summarize(metrics, sections, 2019).Should().BeEmpty();
    }

    [Fact]
    public void The_summary_prefers_a_whole_to_a_plain_figure_to_a_part_to_a_comparison()
    {
        var recognizer = new MetricRecognizer();
        const string text = "某镇查处违法建设案件5件,罚款7.79万元。全年共处罚款35.6万元。";
        var prose = recognizer.Recognize(text, [], 2021).Metrics;
        recognizer.Catalog.Summarize(prose, [], 2021).Get("penalty_amount").Should().Be(356000, "a total (共) beats one unit's figure stated first");

        const string compared = "行政复议案件较上年的12件有所增加,今年办理18件,其中纠错3件。";
        Metric At(string figure, double value, string id) => new(
            MetricKind.Case, value, "件", null, null, "行政复议案件", id, 2021, null, figure,
            new TextSpan(compared.IndexOf(figure, StringComparison.Ordinal), compared.IndexOf(figure, StringComparison.Ordinal) + figure.Length), compared);
        ImmutableArray<Metric> sentence = [At("12件", 12, "reconsideration_cases"), At("18件", 18, "reconsideration_cases"), At("3件", 3, "reconsideration_cases")];
        recognizer.Catalog.Summarize(sentence, [], 2021).Get("reconsideration_cases").Should().Be(18, "the report's own figure beats the one it is compared with, and a part (其中)");

        Metric Cell(string row, double value, int start) => new(
            MetricKind.Case, value, "件", null, null, "行政处罚-" + row, "penalty_cases", 2021, null, value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new TextSpan(start, start + 3), row + "|" + value, Table: true, Row: row, Column: "行政处罚");
        ImmutableArray<Metric> table = [Cell("罚款", 200, 0), Cell("警告", 93, 10), Cell("合计", 293, 20)];
        recognizer.Catalog.Summarize(table, [], 2021).Get("penalty_cases").Should().Be(293, "a table's 合计 row is the whole");
        recognizer.Catalog.Summarize([.. table.Select(m => m with { Delta = Delta.Increase })], [], 2021).Should().BeEmpty("a change never answers");
    }

    [Fact]
    public void A_table_column_that_states_a_change_never_answers_an_indicator()
    {
        var recognizer = new MetricRecognizer();
        Metric Cell(string column, double value, int start) => new(
            MetricKind.Count, value, "件", null, null, "行政许可" + column, "licensing_items", 2019, null, value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new TextSpan(start, start + 3), "行政许可|" + value, Table: true, Row: "行政许可", Column: column);

        // The 2019 form's 本年增/减 column stands before 处理决定数量 and may be negative.
        ImmutableArray<Metric> row = [Cell("本年增/减", -1, 0), Cell("处理决定数量", 446, 10)];
        recognizer.Catalog.Summarize(row, [], 2019).Get("licensing_items").Should().Be(446);
        recognizer.Catalog.Summarize([row[0] with { Column = "增减" }], [], 2019).Should().BeEmpty("a change alone answers nothing");
    }

    private static string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "reportx-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
