using ReportExtract.Decoding;
using ReportExtract.Forms;
using ReportExtract.Metadata;
using ReportExtract.Metrics;
using ReportExtract.Normalization;
using ReportExtract.Region;
using ReportExtract.Sections;
using ReportExtract.Segmentation;
using ReportExtract.Tables;

namespace ReportExtract;

/// <summary>
/// Builds a <see cref="ReportPipeline"/> in the open: holds the options and the data the stages share (indicator
/// catalog, forms, dictionaries and lexicons), builds each stage once, and lets a test or a library user put in a
/// stage or a data set of their own.
/// </summary>
/// <remarks>
/// Data is loaded on first use and shared between the stages that read it: one indicator catalog names the metric
/// stage's figures, the form stage's cells and the record's indicator summary; one unit lexicon serves the metric,
/// table and form stages; one jieba segmenter cuts every clause. A builder is meant for one thread; the pipelines it
/// builds are immutable and serve every thread of a batch.
/// </remarks>
public sealed class ReportPipelineBuilder
{
    private IndicatorCatalog? _catalog;
    private FormCatalog? _forms;
    private JiebaSegmenter? _segmenter;
    private SectionKindLexicon? _sectionKinds;
    private UnitLexicon? _units;
    private TableWords? _tableWords;

    private TextDecoder? _decoder;
    private TextNormalizer? _normalizer;
    private SectionSplitter? _sectionSplitter;
    private MetadataExtractor? _metadataExtractor;
    private MetricRecognizer? _metricRecognizer;
    private FormRecognizer? _formRecognizer;

    /// <summary>A builder of the standard pipeline, read with <paramref name="options"/>.</summary>
    public ReportPipelineBuilder(ExtractOptions options = default) => Options = options;

    /// <summary>The options the stages are built with.</summary>
    public ExtractOptions Options { get; }

    /// <summary>The indicator catalog: built-in plus <see cref="ExtractOptions.CatalogPath"/>, read on first use.</summary>
    public IndicatorCatalog Catalog => _catalog ??= IndicatorCatalog.Load(Options.CatalogPath);

    /// <summary>The standard forms: built-in plus <see cref="ExtractOptions.FormsPath"/>, read on first use.</summary>
    public FormCatalog Forms => _forms ??= FormCatalog.Load(Options.FormsPath);

    /// <summary>The word segmenter the metric stage cuts clauses with (jieba's dictionary, read on first use).</summary>
    public JiebaSegmenter Segmenter => _segmenter ??= JiebaSegmenter.LoadEmbedded();

    /// <summary>The lexicon that names top-level sections (Resources/Sections/section-kinds.txt, read on first use).</summary>
    public SectionKindLexicon SectionKinds => _sectionKinds ??= SectionKindLexicon.LoadEmbedded();

    /// <summary>Units, shared by the metric, table and form stages.</summary>
    internal UnitLexicon Units => _units ??= UnitLexicon.LoadEmbedded();

    /// <summary>The words of table cells (placeholders, totals, unit labels, year suffixes), shared by the normalizer's
    /// HTML tables and the metric and form stages' table readers.</summary>
    internal TableWords TableWords => _tableWords ??= TableWords.LoadEmbedded();

    /// <summary>Uses <paramref name="catalog"/> instead of <see cref="ExtractOptions.CatalogPath"/>'s.</summary>
    public ReportPipelineBuilder UseCatalog(IndicatorCatalog catalog) => Set(ref _catalog, catalog);

    /// <summary>Uses <paramref name="forms"/> instead of <see cref="ExtractOptions.FormsPath"/>'s.</summary>
    public ReportPipelineBuilder UseForms(FormCatalog forms) => Set(ref _forms, forms);

    /// <summary>Cuts clauses with <paramref name="segmenter"/> (one with a user dictionary, say).</summary>
    public ReportPipelineBuilder UseSegmenter(JiebaSegmenter segmenter) => Set(ref _segmenter, segmenter);

    /// <summary>Names top-level sections with <paramref name="kinds"/>.</summary>
    public ReportPipelineBuilder UseSectionKinds(SectionKindLexicon kinds) => Set(ref _sectionKinds, kinds);

    /// <summary>Tells table cells with <paramref name="words"/> in every stage that reads tables.</summary>
    internal ReportPipelineBuilder UseTableWords(TableWords words) => Set(ref _tableWords, words);

    /// <summary>Decodes with <paramref name="decoder"/> instead of the one <see cref="ExtractOptions.Encoding"/> makes.</summary>
    public ReportPipelineBuilder UseDecoder(TextDecoder decoder) => Set(ref _decoder, decoder);

    /// <summary>Normalizes with <paramref name="normalizer"/> instead of the one <see cref="ExtractOptions.KeepScript"/> makes.</summary>
    public ReportPipelineBuilder UseNormalizer(TextNormalizer normalizer) => Set(ref _normalizer, normalizer);

    /// <summary>Splits sections with <paramref name="splitter"/> (which then names them itself).</summary>
    public ReportPipelineBuilder UseSectionSplitter(SectionSplitter splitter) => Set(ref _sectionSplitter, splitter);

    /// <summary>Finds title, organization, dates, numbers and region with <paramref name="extractor"/>.</summary>
    public ReportPipelineBuilder UseMetadataExtractor(MetadataExtractor extractor) => Set(ref _metadataExtractor, extractor);

    /// <summary>Recognizes figures with <paramref name="recognizer"/>; its catalog then names the record's indicators too.</summary>
    public ReportPipelineBuilder UseMetricRecognizer(MetricRecognizer recognizer) => Set(ref _metricRecognizer, recognizer);

    /// <summary>Reads the standard forms with <paramref name="recognizer"/>.</summary>
    public ReportPipelineBuilder UseFormRecognizer(FormRecognizer recognizer) => Set(ref _formRecognizer, recognizer);

    /// <summary>Builds every stage not given, once, and the pipeline over them.</summary>
    public ReportPipeline Build()
    {
        // Loading the dictionaries, the region trie and the catalog is most of a cold start: the independent
        // stages load side by side (a one-file run starts that much sooner on two cores).
        var tableWords = TableWords;
        var normalizer = _normalizer is { } givenNormalizer
            ? Task.FromResult(givenNormalizer)
            : Task.Run(() => new TextNormalizer(Options.KeepScript, TraditionalToSimplifiedConverter.LoadEmbedded(), PageChromeRemover.LoadEmbedded(), tableWords));
        var metadata = _metadataExtractor is { } givenMetadata
            ? Task.FromResult(givenMetadata)
            : Task.Run(() => new MetadataExtractor(MetadataLexicon.LoadEmbedded(), RegionResolver.LoadEmbedded()));
        var decoder = _decoder ?? new TextDecoder(Options.Encoding);
        var sections = _sectionSplitter ?? new SectionSplitter(SectionKinds);
        var metrics = _metricRecognizer ?? new MetricRecognizer(
            Catalog, new JiebaClauseSegmenter(Segmenter), Units, QualifierLexicon.LoadEmbedded(), MetricExclusions.LoadEmbedded(), tableWords);
        var forms = _formRecognizer ?? new FormRecognizer(Forms, metrics.Catalog, new FormLexicon(), Units, tableWords);
        return new ReportPipeline(
            Options, decoder, normalizer.GetAwaiter().GetResult(), sections, metadata.GetAwaiter().GetResult(), metrics, forms);
    }

    private ReportPipelineBuilder Set<T>(ref T? field, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        field = value;
        return this;
    }
}
