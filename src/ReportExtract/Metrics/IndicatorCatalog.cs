using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportExtract.Common;
using ReportExtract.Model;

namespace ReportExtract.Metrics;

/// <summary>
/// One way a metric can be an indicator: subject words, and words the context must or must not hold. The context is the
/// figure's comma clause and the one before it, or, with <paramref name="Sentence"/>, its whole sentence up to the figure
/// (受理行政复议申请15件,…,其中维持9件,撤销2件) with a run-in heading that opens its line; <see cref="ClauseExclude"/>
/// words must not stand in the figure's own comma clause (上年结转申请2件), whatever the clause before says.
/// </summary>
public sealed record IndicatorRule(ImmutableArray<string> Subject, ImmutableArray<string> Context, ImmutableArray<string> ContextExclude, bool Sentence = false)
{
    /// <summary>Words that must not stand in the figure's own comma clause.</summary>
    public ImmutableArray<string> ClauseExclude { get; init; } = [];

    /// <summary>Words one of which must stand after the figure in its comma clause (8名干部|取得执法资格), when given.</summary>
    public ImmutableArray<string> After { get; init; } = [];
}

/// <summary>A canonical indicator: id, label, the figures it takes and the rules that recognize it.</summary>
public sealed record IndicatorDefinition(
    string Id,
    string Label,
    ImmutableArray<MetricKind> Kinds,
    ImmutableArray<string> Units,
    ImmutableArray<IndicatorRule> Rules,
    ImmutableArray<string> Exclude)
{
    /// <summary>Words that, in the lead-in of a table (its caption, the sentence before it), make its cells no figure of this
    /// indicator: a table of 行政复议 cases by matter (行政处罚 | 政府信息公开) counts review cases, not penalties.</summary>
    public ImmutableArray<string> TopicExclude { get; init; } = [];
}

/// <summary>The canonical indicators analysts compare across reports (Resources/Metrics/indicators.json plus a user file).</summary>
public sealed class IndicatorCatalog
{
    private const string BuiltInName = "indicators.json";

    private readonly FrozenDictionary<string, IndicatorDefinition> _byId;
    private readonly ImmutableArray<CompiledDefinition> _compiled;
    private readonly IndicatorPrefilter _prefilter;
    private readonly SummaryCues _cues = new();

    private IndicatorCatalog(ImmutableArray<IndicatorDefinition> definitions)
    {
        Definitions = definitions;
        Ids = [.. definitions.Select(d => d.Id)];
        _byId = definitions.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        _prefilter = new IndicatorPrefilter(definitions);
        _compiled = [.. definitions.Select(d => new CompiledDefinition(d, _prefilter))];
    }

    /// <summary>A definition with its word lists turned into vectorized searchers, built once per catalog.</summary>
    private sealed class CompiledDefinition(IndicatorDefinition definition, IndicatorPrefilter prefilter)
    {
        public string Id { get; } = definition.Id;
        public WordSearchValues Exclude { get; } = new(definition.Exclude);
        public WordSearchValues TopicExclude { get; } = new(definition.TopicExclude);

        public ImmutableArray<CompiledRule> Rules { get; } = [.. definition.Rules.Select(r => new CompiledRule(r, prefilter))];
    }

    /// <summary>A rule with its word lists turned into vectorized searchers.</summary>
    private sealed class CompiledRule(IndicatorRule rule, IndicatorPrefilter prefilter)
    {
        public ImmutableArray<string> Subject { get; } = rule.Subject;

        /// <summary>The prefilter's number of each subject word (-1 for the empty word).</summary>
        public ImmutableArray<int> SubjectIds { get; } = [.. rule.Subject.Select(prefilter.WordId)];
        public WordSearchValues? Context { get; } = Of(rule.Context);
        public WordSearchValues? ContextExclude { get; } = Of(rule.ContextExclude);
        public bool Sentence { get; } = rule.Sentence;
        public WordSearchValues? ClauseExclude { get; } = Of(rule.ClauseExclude);
        public WordSearchValues? After { get; } = Of(rule.After);

        private static WordSearchValues? Of(ImmutableArray<string> words) => words.IsEmpty ? null : new(words);
    }

    /// <summary>The built-in catalog (each call reads it afresh).</summary>
    public static IndicatorCatalog LoadBuiltIn() => new(Parse(EmbeddedData.ReadText("Metrics/" + BuiltInName), "built-in " + BuiltInName));

    /// <summary>Indicator ids in catalog order (the wide CSV's columns).</summary>
    public ImmutableArray<string> Ids { get; }

    /// <summary>The definitions in catalog order.</summary>
    public ImmutableArray<IndicatorDefinition> Definitions { get; }

    /// <summary>The definition of <paramref name="id"/>, or null.</summary>
    public IndicatorDefinition? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The built-in catalog, with the entries of <paramref name="extraCatalogPath"/> (same format) replacing those of the
    /// same id in place and the others appended. A bad file throws <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static IndicatorCatalog Load(string? extraCatalogPath)
    {
        if (string.IsNullOrEmpty(extraCatalogPath))
        {
            return LoadBuiltIn();
        }

        string json;
        try
        {
            json = File.ReadAllText(extraCatalogPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"catalog {extraCatalogPath}: cannot read it ({e.Message})", e);
        }

        return LoadBuiltIn().Merge(Parse(json, extraCatalogPath));
    }

    /// <summary>This catalog with <paramref name="extra"/> entries replacing same-id ones and appending new ones.</summary>
    public IndicatorCatalog Merge(IEnumerable<IndicatorDefinition> extra)
    {
        var list = Definitions.ToList();
        foreach (var definition in extra)
        {
            var k = list.FindIndex(d => d.Id == definition.Id);
            if (k >= 0)
            {
                list[k] = definition;
            }
            else
            {
                list.Add(definition);
            }
        }

        return new IndicatorCatalog([.. list]);
    }

    /// <summary>
    /// The indicator id of a figure: <paramref name="context"/> is its comma clause and the one before, up to the figure;
    /// <paramref name="sentence"/> its sentence up to the figure (empty: the same as the context); <paramref name="clause"/>
    /// its own comma clause (empty: the context); <paramref name="topic"/> the lead-in of the table a cell belongs to
    /// (empty in prose); <paramref name="after"/> the rest of the figure's comma clause after it. The best rule is the one with the longest matching subject word; ties go to catalog order.
    /// Changes never take an indicator.
    /// </summary>
    public string? Classify(MetricKind kind, string unit, Delta? delta, string? subject, ReadOnlySpan<char> context, ReadOnlySpan<char> sentence = default,
        ReadOnlySpan<char> clause = default, ReadOnlySpan<char> topic = default, ReadOnlySpan<char> after = default)
    {
        if (sentence.IsEmpty)
        {
            sentence = context;
        }

        if (clause.IsEmpty)
        {
            clause = context;
        }

        if (delta is not null || subject is null)
        {
            return null;
        }

        string? best = null;
        var bestLength = 0;
        // Cheap rejections first, for all definitions at once: kind, unit, any subject word at all.
        Span<ulong> candidates = stackalloc ulong[_prefilter.Words];
        Span<ulong> contained = stackalloc ulong[_prefilter.WordSetLength];
        _prefilter.Candidates(kind, unit, subject, candidates, contained);
        for (var w = 0; w < candidates.Length; w++)
        {
            for (var bits = candidates[w]; bits != 0; bits &= bits - 1)
            {
                var definition = _compiled[(w << 6) + BitOperations.TrailingZeroCount(bits)];
                if (subject.AsSpan().ContainsAny(definition.Exclude) || topic.ContainsAny(definition.TopicExclude))
                {
                    continue;
                }

                foreach (var rule in definition.Rules)
                {
                    var length = LongestContained(rule, contained, bestLength);
                    var where = rule.Sentence ? sentence : context;
                    if (length > bestLength
                        && (rule.Context is null || where.ContainsAny(rule.Context))
                        && (rule.ContextExclude is null || !where.ContainsAny(rule.ContextExclude))
                        && (rule.ClauseExclude is null || !clause.ContainsAny(rule.ClauseExclude))
                        && (rule.After is null || after.ContainsAny(rule.After)))
                    {
                        best = definition.Id;
                        bestLength = length;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Per id, the figure that answers it for the report year outside plan sections, in catalog order: a whole (共, 合计,
    /// a table's 合计/总计 cell) before a plain figure, a plain one before a part (其中), a part before a comparison
    /// (较上年的); ties go to the first mention (<see cref="SummaryCues"/>).
    /// </summary>
    public IndicatorValues Summarize(ImmutableArray<Metric> metrics, ImmutableArray<Section> sections, int? reportYear)
    {
        var found = new Dictionary<string, (double Value, int Rank)>(StringComparer.Ordinal);
        var cues = _cues;
        for (var i = 0; i < metrics.Length; i++)
        {
            var metric = metrics[i];
            if (metric.Indicator is not { } id || !_byId.ContainsKey(id) || metric.Delta is not null
                || (reportYear is not null && metric.Year != reportYear) || InPlans(sections, metric.Span.Start))
            {
                continue;
            }

            var rank = cues.Rank(metrics, i);
            if (rank == SummaryCues.Change)
            {
                continue;
            }

            if (!found.TryGetValue(id, out var best) || rank < best.Rank)
            {
                found[id] = (metric.Value, rank);
            }
        }

        return new IndicatorValues(Ids.Where(found.ContainsKey).Select(id => new KeyValuePair<string, double>(id, found[id].Value)));
    }

    /// <summary>True when <paramref name="position"/> lies in a section of kind <see cref="SectionKind.Plans"/>.</summary>
    public static bool InPlans(ImmutableArray<Section> sections, int position)
    {
        foreach (var section in sections)
        {
            if (position >= section.Span.Start && position < section.Span.End)
            {
                return section.Kind == SectionKind.Plans || InPlans(section.Sections, position);
            }
        }

        return false;
    }

    /// <summary>
    /// The length of the longest subject word of <paramref name="rule"/> that the subject holds (<paramref name="contained"/>,
    /// found by the prefilter's one reading of it) when it is longer than <paramref name="floor"/>, else
    /// <paramref name="floor"/>: a rule must beat the best match so far.
    /// </summary>
    private static int LongestContained(CompiledRule rule, ReadOnlySpan<ulong> contained, int floor)
    {
        var longest = floor;
        var words = rule.Subject;
        var ids = rule.SubjectIds;
        for (var k = 0; k < words.Length; k++)
        {
            if (words[k].Length > longest && IndicatorPrefilter.Holds(contained, ids[k]))
            {
                longest = words[k].Length;
            }
        }

        return longest;
    }

    private static ImmutableArray<IndicatorDefinition> Parse(string json, string source)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.CatalogFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"catalog {source}: not valid catalog JSON ({e.Message})", e);
        }

        if (file?.Indicators is not { Count: > 0 } entries)
        {
            throw new InvalidDataException($"catalog {source}: no \"indicators\" array; see the built-in indicators.json for the format");
        }

        var result = ImmutableArray.CreateBuilder<IndicatorDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            var where = $"catalog {source}: indicator #{index + 1}";
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                throw new InvalidDataException($"{where} has no \"id\"");
            }

            if (!seen.Add(entry.Id))
            {
                throw new InvalidDataException($"{where}: id '{entry.Id}' appears twice");
            }

            if (entry.Rules is not { Count: > 0 } || entry.Rules.Any(r => r.Subject is not { Count: > 0 } || r.Subject.Any(string.IsNullOrEmpty)))
            {
                throw new InvalidDataException($"{where} ('{entry.Id}') needs \"rules\", each with a non-empty \"subject\" list");
            }

            var kinds = ImmutableArray.CreateBuilder<MetricKind>();
            foreach (var kind in entry.Kinds ?? [])
            {
                kinds.Add(kind switch
                {
                    "case" => MetricKind.Case,
                    "amount" => MetricKind.Amount,
                    "rate" => MetricKind.Rate,
                    "count" => MetricKind.Count,
                    "quantity" => MetricKind.Quantity,
                    _ => throw new InvalidDataException($"{where} ('{entry.Id}'): unknown kind '{kind}' (case, amount, rate, count, quantity)"),
                });
            }

            result.Add(new IndicatorDefinition(
                entry.Id,
                entry.Label ?? entry.Id,
                kinds.ToImmutable(),
                [.. entry.Units ?? []],
                [.. entry.Rules.Select(r => new IndicatorRule([.. r.Subject!], [.. r.Context ?? []], [.. r.ContextExclude ?? []], r.Sentence) { ClauseExclude = [.. r.ClauseExclude ?? []], After = [.. r.After ?? []] })],
                [.. entry.Exclude ?? []]) { TopicExclude = [.. entry.TopicExclude ?? []] });
        }

        return result.ToImmutable();
    }

    internal sealed class CatalogFile
    {
        public string? Description { get; set; }
        public List<CatalogEntry>? Indicators { get; set; }
    }

    internal sealed class CatalogEntry
    {
        public string? Id { get; set; }
        public string? Label { get; set; }
        public List<string>? Kinds { get; set; }
        public List<string>? Units { get; set; }
        public List<CatalogRule>? Rules { get; set; }
        public List<string>? Exclude { get; set; }
        public List<string>? TopicExclude { get; set; }
    }

    internal sealed class CatalogRule
    {
        public List<string>? Subject { get; set; }
        public List<string>? Context { get; set; }
        public List<string>? ContextExclude { get; set; }
        public bool Sentence { get; set; }
        public List<string>? ClauseExclude { get; set; }
        public List<string>? After { get; set; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(IndicatorCatalog.CatalogFile))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
