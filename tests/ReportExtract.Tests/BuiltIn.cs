using ReportExtract.Forms;
using ReportExtract.Metrics;
using ReportExtract.Normalization;
using ReportExtract.Region;
using ReportExtract.Sections;
using ReportExtract.Segmentation;

namespace ReportExtract.Tests;

/// <summary>
/// The built-in dictionaries and catalogs, each loaded once for the whole test run and shared by the test classes
/// that only read them (the library keeps no such cache; its pipeline builder shares them between stages).
/// </summary>
internal static class BuiltIn
{
    private static readonly Lazy<JiebaSegmenter> LazySegmenter = new(JiebaSegmenter.LoadEmbedded);
    private static readonly Lazy<TraditionalToSimplifiedConverter> LazyConverter = new(TraditionalToSimplifiedConverter.LoadEmbedded);
    private static readonly Lazy<PageChromeRemover> LazyChrome = new(PageChromeRemover.LoadEmbedded);
    private static readonly Lazy<RegionResolver> LazyRegions = new(RegionResolver.LoadEmbedded);
    private static readonly Lazy<FormCatalog> LazyForms = new(FormCatalog.LoadBuiltIn);
    private static readonly Lazy<IndicatorCatalog> LazyCatalog = new(IndicatorCatalog.LoadBuiltIn);
    private static readonly Lazy<SectionKindLexicon> LazySectionKinds = new(SectionKindLexicon.LoadEmbedded);

    public static JiebaSegmenter Segmenter => LazySegmenter.Value;

    public static TraditionalToSimplifiedConverter Converter => LazyConverter.Value;

    public static PageChromeRemover Chrome => LazyChrome.Value;

    public static RegionResolver Regions => LazyRegions.Value;

    public static FormCatalog Forms => LazyForms.Value;

    public static IndicatorCatalog Catalog => LazyCatalog.Value;

    public static SectionKindLexicon SectionKinds => LazySectionKinds.Value;
}
