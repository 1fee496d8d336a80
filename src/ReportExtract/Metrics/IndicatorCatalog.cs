using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;
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
    private readonly FrozenDictionary<string, int> _indexById;
    private readonly ImmutableArray<CompiledDefinition> _compiled;
    private readonly IndicatorPrefilter _prefilter;
    private readonly SummaryCues _cues = new();

    // The rules' words by the text they are asked of, each numbered once for the whole catalog: the figure's sentence
    // (context, context-exclude and clause-exclude words: the context and the own clause end where the sentence
    // does), the table's lead-in and the words after the figure. The subject's words are the prefilter's.
    private readonly NumberedWords _contextWords;
    private readonly NumberedWords _topicWords;
    private readonly NumberedWords _afterWords;

    private IndicatorCatalog(ImmutableArray<IndicatorDefinition> definitions)
    {
        Definitions = definitions;
        Ids = [.. definitions.Select(d => d.Id)];
        _byId = definitions.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        _indexById = Enumerable.Range(0, definitions.Length).ToFrozenDictionary(i => definitions[i].Id, StringComparer.Ordinal);
        _prefilter = new IndicatorPrefilter(definitions);
        var rules = definitions.SelectMany(d => d.Rules).ToList();
        _contextWords = new NumberedWords(rules.SelectMany(r => r.Context.Concat(r.ContextExclude).Concat(r.ClauseExclude)));
        _topicWords = new NumberedWords(definitions.SelectMany(d => d.TopicExclude));
        _afterWords = new NumberedWords(rules.SelectMany(r => r.After));
        _compiled = [.. definitions.Select(d => new CompiledDefinition(d, this))];
    }

    /// <summary>A definition with its word lists turned into masks over the catalog's numbered words, built once per catalog.</summary>
    private sealed class CompiledDefinition(IndicatorDefinition definition, IndicatorCatalog catalog)
    {
        public string Id { get; } = definition.Id;
        public WordMask Exclude { get; } = catalog._prefilter.Mask(definition.Exclude);
        public WordMask TopicExclude { get; } = catalog._topicWords.MaskOf(definition.TopicExclude);

        public ImmutableArray<CompiledRule> Rules { get; } = [.. definition.Rules.Select(r => new CompiledRule(r, catalog))];
    }

    /// <summary>A rule with its word lists turned into masks (an empty list asks nothing).</summary>
    private sealed class CompiledRule(IndicatorRule rule, IndicatorCatalog catalog)
    {
        public ImmutableArray<string> Subject { get; } = rule.Subject;

        /// <summary>The prefilter's number of each subject word (-1 for the empty word).</summary>
        public ImmutableArray<int> SubjectIds { get; } = [.. rule.Subject.Select(catalog._prefilter.WordId)];
        public WordMask Context { get; } = catalog._contextWords.MaskOf(rule.Context);
        public WordMask ContextExclude { get; } = catalog._contextWords.MaskOf(rule.ContextExclude);
        public bool Sentence { get; } = rule.Sentence;
        public WordMask ClauseExclude { get; } = catalog._contextWords.MaskOf(rule.ClauseExclude);
        public WordMask After { get; } = catalog._afterWords.MaskOf(rule.After);

        /// <summary>Whether the rule asks anything of the sentence, the context or the own clause.</summary>
        public bool AsksContext => !Context.IsEmpty || !ContextExclude.IsEmpty || !ClauseExclude.IsEmpty;
    }

    /// <summary>The built-in catalog (each call reads it afresh).</summary>
    public static IndicatorCatalog LoadBuiltIn() => new(IndicatorCatalogJson.Parse(EmbeddedData.ReadText("Metrics/" + BuiltInName), "built-in " + BuiltInName));

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

        return LoadBuiltIn().Merge(IndicatorCatalogJson.Parse(json, extraCatalogPath));
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

        // Each text is searched once, for the words of every rule, when the first rule that needs it asks.
        Span<ulong> inSentence = stackalloc ulong[_contextWords.SetLength];
        Span<ulong> inContext = stackalloc ulong[_contextWords.SetLength];
        Span<ulong> inClause = stackalloc ulong[_contextWords.SetLength];
        Span<ulong> inTopic = stackalloc ulong[_topicWords.SetLength];
        Span<ulong> inAfter = stackalloc ulong[_afterWords.SetLength];
        bool contextRead = false, topicRead = false, afterRead = false;
        for (var w = 0; w < candidates.Length; w++)
        {
            for (var bits = candidates[w]; bits != 0; bits &= bits - 1)
            {
                var definition = _compiled[(w << 6) + BitOperations.TrailingZeroCount(bits)];
                if (definition.Exclude.Meets(contained))
                {
                    continue;
                }

                if (!definition.TopicExclude.IsEmpty && Meets(definition.TopicExclude, _topicWords, topic, inTopic, ref topicRead))
                {
                    continue;
                }

                foreach (var rule in definition.Rules)
                {
                    var length = LongestContained(rule, contained, bestLength);
                    if (length <= bestLength)
                    {
                        continue;
                    }

                    if (rule.AsksContext && !contextRead)
                    {
                        ReadSentence(sentence, context, clause, inSentence, inContext, inClause);
                        contextRead = true;
                    }

                    ReadOnlySpan<ulong> where = rule.Sentence ? inSentence : inContext;
                    if ((rule.Context.IsEmpty || rule.Context.Meets(where))
                        && !rule.ContextExclude.Meets(where)
                        && !rule.ClauseExclude.Meets(inClause)
                        && (rule.After.IsEmpty || Meets(rule.After, _afterWords, after, inAfter, ref afterRead)))
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
    /// Finds the context words in <paramref name="sentence"/>, <paramref name="context"/> and <paramref name="clause"/>. In
    /// prose the context and the own clause are suffixes of the sentence (all end at the figure; in a table cell all
    /// three are its path): one pass over the sentence answers all three. Other spans are read one by one.
    /// </summary>
    private void ReadSentence(ReadOnlySpan<char> sentence, ReadOnlySpan<char> context, ReadOnlySpan<char> clause,
        Span<ulong> inSentence, Span<ulong> inContext, Span<ulong> inClause)
    {
        if (SuffixAt(sentence, context) is { } contextFrom && SuffixAt(sentence, clause) is { } clauseFrom)
        {
            _contextWords.Find(sentence, inSentence, contextFrom, inContext, clauseFrom, inClause);
            return;
        }

        _contextWords.Find(sentence, inSentence);
        _contextWords.Find(context, inContext);
        _contextWords.Find(clause, inClause);
    }

    /// <summary>Where <paramref name="part"/> starts in <paramref name="whole"/> when it is a suffix of it (the same memory), else null.</summary>
    private static int? SuffixAt(ReadOnlySpan<char> whole, ReadOnlySpan<char> part) =>
        whole.Overlaps(part, out var offset) && offset >= 0 && offset + part.Length == whole.Length ? offset : null;

    /// <summary>Whether <paramref name="text"/> holds a word of <paramref name="mask"/>, searching it for all <paramref name="words"/> on the first question only.</summary>
    private static bool Meets(WordMask mask, NumberedWords words, ReadOnlySpan<char> text, Span<ulong> found, ref bool read)
    {
        if (!read)
        {
            words.Find(text, found);
            read = true;
        }

        return mask.Meets(found);
    }

    /// <summary>
    /// Per id, the figure that answers it for the report year outside plan sections, in catalog order: a whole (共, 合计,
    /// a table's 合计/总计 cell) before a plain figure, a plain one before a part (其中), a part before a comparison
    /// (较上年的); ties go to the first mention (<see cref="SummaryCues"/>).
    /// </summary>
    public IndicatorValues Summarize(ImmutableArray<Metric> metrics, ImmutableArray<Section> sections, int? reportYear)
    {
        // The best figure so far per definition, by catalog index (rank int.MaxValue: none yet).
        Span<(double Value, int Rank)> found = _compiled.Length <= 64 ? stackalloc (double, int)[_compiled.Length] : new (double, int)[_compiled.Length];
        found.Fill((0, int.MaxValue));
        var count = 0;
        var cues = _cues;
        for (var i = 0; i < metrics.Length; i++)
        {
            var metric = metrics[i];
            if (metric.Indicator is not { } id || !_indexById.TryGetValue(id, out var index) || metric.Delta is not null
                || (reportYear is not null && metric.Year != reportYear) || InPlans(sections, metric.Span.Start))
            {
                continue;
            }

            var rank = cues.Rank(metrics, i);
            if (rank == SummaryCues.Change)
            {
                continue;
            }

            if (rank < found[index].Rank)
            {
                count += found[index].Rank == int.MaxValue ? 1 : 0;
                found[index] = (metric.Value, rank);
            }
        }

        var values = new KeyValuePair<string, double>[count];
        for (int index = 0, k = 0; k < count; index++)
        {
            if (found[index].Rank != int.MaxValue)
            {
                values[k++] = new KeyValuePair<string, double>(_compiled[index].Id, found[index].Value);
            }
        }

        return new IndicatorValues(values);
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
}
