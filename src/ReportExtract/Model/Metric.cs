using System.Text.Json.Serialization;

namespace ReportExtract.Model;

/// <summary>One figure the report states, typed, with what it counts and where it stands.</summary>
/// <param name="Value">Canonical value: money in 元 with 万/亿 applied, percent as 80.05 for 80.05%.</param>
/// <param name="Unit">元, %, 个百分点, or the measure word (件, 次, 人次, 平方米 …).</param>
/// <param name="Delta">Set when the number is a change; <paramref name="Value"/> stays positive.</param>
/// <param name="Subject">What is counted or measured, simplified.</param>
/// <param name="Indicator">Catalog id such as <c>penalty_cases</c>.</param>
/// <param name="Year">Year the number describes.</param>
/// <param name="Section">Path of the innermost section holding it.</param>
/// <param name="Text">Surface of number and unit in the original input.</param>
/// <param name="Sentence">The sentence holding it, simplified.</param>
/// <param name="Table">True when read from a table cell; absent from the JSON otherwise (the schema allows only a boolean).</param>
/// <param name="Row">A table cell's row labels, outer to inner, joined with " / "; null in prose.</param>
/// <param name="Column">A table cell's column headers, top to bottom, joined with " / "; null in prose.</param>
/// <param name="Cell"><c>FORM:CELL</c> for a cell of a known standard form (<c>gip-2021:requests.new.natural_person</c>); else null.</param>
public sealed record Metric(
    MetricKind Kind,
    double Value,
    string Unit,
    Approximation? Approx,
    Delta? Delta,
    string? Subject,
    string? Indicator,
    int? Year,
    string? Section,
    string Text,
    TextSpan Span,
    string Sentence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Table = null,
    string? Row = null,
    string? Column = null,
    string? Cell = null);

/// <summary>What sort of figure a metric is.</summary>
public enum MetricKind
{
    Case,
    Amount,
    Rate,
    Count,
    Quantity,
}

/// <summary>How a qualifier bends the stated value (余 → over, 约 → about …).</summary>
public enum Approximation
{
    Over,
    AtLeast,
    About,
    Nearly,
    Under,
    AtMost,
}

/// <summary>Direction of a stated change (同比增长 / 下降).</summary>
public enum Delta
{
    Increase,
    Decrease,
}
