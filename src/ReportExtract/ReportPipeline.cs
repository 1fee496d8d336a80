using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ReportExtract.Decoding;
using ReportExtract.Forms;
using ReportExtract.Metadata;
using ReportExtract.Metrics;
using ReportExtract.Model;
using ReportExtract.Normalization;
using ReportExtract.Sections;

namespace ReportExtract;

/// <summary>A record, or the one-line reason an input produced none.</summary>
/// <param name="OriginalText">The decoded original input the record's spans count code points of (null with an error).</param>
public readonly record struct ExtractResult(ReportRecord? Record, string? Error, string? OriginalText = null);

/// <summary>
/// The whole extraction, top to bottom: decode → normalize → sections → metadata → metrics → forms and checks → record.
/// Stages are built once (by <see cref="ReportPipelineBuilder"/>) and are immutable, so one pipeline serves every thread of a batch.
/// </summary>
public sealed class ReportPipeline
{
    private readonly TextDecoder _decoder;
    private readonly TextNormalizer _normalizer;
    private readonly SectionSplitter _sections;
    private readonly MetadataExtractor _metadata;
    private readonly MetricRecognizer _metrics;
    private readonly FormRecognizer _forms;

    internal ReportPipeline(
        ExtractOptions options,
        TextDecoder decoder,
        TextNormalizer normalizer,
        SectionSplitter sections,
        MetadataExtractor metadata,
        MetricRecognizer metrics,
        FormRecognizer forms)
    {
        Options = options;
        _decoder = decoder;
        _normalizer = normalizer;
        _sections = sections;
        _metadata = metadata;
        _metrics = metrics;
        _forms = forms;
    }

    /// <summary>The options the pipeline was built with.</summary>
    public ExtractOptions Options { get; }

    /// <summary>The indicator catalog in use (built-in plus <see cref="ExtractOptions.CatalogPath"/>): the metric stage's.</summary>
    public IndicatorCatalog Catalog => _metrics.Catalog;

    /// <summary>The standard forms in use (built-in plus <see cref="ExtractOptions.FormsPath"/>).</summary>
    public FormCatalog Forms => _forms.Catalog;

    /// <summary>Builds every standard stage once: a shortcut for <c>new ReportPipelineBuilder(options).Build()</c>.</summary>
    public static ReportPipeline Create(ExtractOptions options = default) => new ReportPipelineBuilder(options).Build();

    /// <summary>Extracts one report from its raw bytes; <paramref name="path"/> is reported as given.</summary>
    public ExtractResult Extract(string path, ReadOnlySpan<byte> bytes) => Extract(path, bytes, CancellationToken.None);

    /// <summary>
    /// Extracts one report; <paramref name="cancellationToken"/> is checked between stages, so a caller that gave up
    /// on a slow report (a per-file time limit) stops the work at the next stage instead of running it to the end.
    /// </summary>
    public ExtractResult Extract(string path, ReadOnlySpan<byte> bytes, CancellationToken cancellationToken)
    {
        var decoding = _decoder.Decode(bytes);
        if (decoding.Decoded is not { } decoded)
        {
            return new ExtractResult(null, decoding.Rejection);
        }

        // The source's hash and size are taken now: past this point nothing reads the input bytes, so a large
        // report's bytes (a third of what extraction holds) can be collected while the later stages allocate.
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var length = bytes.Length;

        cancellationToken.ThrowIfCancellationRequested();
        var normalized = _normalizer.Normalize(decoded, TextNormalizer.IsMarkupPath(path));
        var text = normalized.Text;
        cancellationToken.ThrowIfCancellationRequested();
        var sections = _sections.Split(text);
        var metadata = _metadata.Extract(text, sections);
        cancellationToken.ThrowIfCancellationRequested();
        var recognition = _metrics.Recognize(text, sections, metadata.ReportYear);
        var forms = _forms.Recognize(text, sections, recognition.Metrics, metadata.ReportYear);
        var metrics = forms.Metrics;
        var indicators = Catalog.Summarize(metrics, sections, metadata.ReportYear);
        cancellationToken.ThrowIfCancellationRequested();

        // Stages speak in normalized offsets; the record speaks in code points of the original.
        var spans = new SpanMapper(normalized.Mapped);
        var record = new ReportRecord
        {
            Source = new SourceInfo(path, sha256, length, decoded.Encoding, normalized.Script),
            Title = metadata.Title,
            Organization = metadata.Organization,
            ReportYear = metadata.ReportYear,
            DocumentDate = metadata.DocumentDate,
            PublishedDate = metadata.PublishedDate,
            DocumentNumber = metadata.DocumentNumber,
            IndexNumber = metadata.IndexNumber,
            Region = metadata.Region,
            Sections = spans.MapSections(sections),
            Metrics = spans.MapMetrics(metrics),
            Indicators = indicators,
            Forms = forms.Forms,
            Checks = forms.Checks,
            Warnings = [.. decoded.Warnings, .. normalized.Warnings, .. metadata.Warnings, .. recognition.Warnings, .. forms.Warnings],
        };
        return new ExtractResult(record, null, decoded.Text);
    }

    /// <summary>Turns normalized UTF-16 spans into original code point spans, and surfaces into original text.</summary>
    private sealed class SpanMapper(MappedText mapped)
    {
        private readonly CodePointIndex _codePoints = new(mapped.Original);

        // Normalization changed nothing and no character needs two units: every offset already counts code points of
        // the original and every surface already is the original's, so the stages' sections and metrics stand as they are.
        private bool Identity => mapped.IsIdentity && _codePoints.IsIdentity;

        public ImmutableArray<Section> MapSections(ImmutableArray<Section> sections)
        {
            if (sections.IsEmpty || Identity)
            {
                return sections;
            }

            var result = new Section[sections.Length];
            for (var i = 0; i < result.Length; i++)
            {
                var s = sections[i];
                result[i] = s with { Span = ToCodePoints(mapped.ToOriginal(s.Span.Start, s.Span.End)), Sections = MapSections(s.Sections) };
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }

        public ImmutableArray<Metric> MapMetrics(ImmutableArray<Metric> metrics)
        {
            if (Identity)
            {
                return metrics;
            }

            var result = new Metric[metrics.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = MapMetric(metrics[i]);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }

        // A metric's surface is cut from the original only here: a section's would be a large copy nobody reads.
        private Metric MapMetric(Metric metric)
        {
            var (start, end) = mapped.ToOriginal(metric.Span.Start, metric.Span.End);
            return metric with { Span = ToCodePoints((start, end)), Text = mapped.Original[start..end] };
        }

        private TextSpan ToCodePoints((int Start, int End) utf16) =>
            new(_codePoints.ToCodePoint(utf16.Start), _codePoints.ToCodePoint(utf16.End));
    }
}
