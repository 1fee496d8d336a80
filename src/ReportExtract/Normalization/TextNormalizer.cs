using System.Collections.Immutable;
using ReportExtract.Decoding;
using ReportExtract.Model;
using ReportExtract.Tables;

namespace ReportExtract.Normalization;

/// <summary>Clean simplified text for later stages, mapped back to the original.</summary>
public sealed record NormalizedText(MappedText Mapped, ScriptKind Script, ImmutableArray<string> Warnings)
{
    /// <summary>The text later stages read.</summary>
    public string Text => Mapped.Text;
}

/// <summary>
/// Turns decoded input into the clean simplified text every later stage reads, keeping a map from each of its
/// positions to the decoded original. Stages return their input untouched when they have nothing to do, so clean
/// simplified text passes through without copies.
/// </summary>
public sealed class TextNormalizer
{
    private readonly bool _keepScript;
    private readonly HtmlTextExtractor _html;
    private readonly WidthNormalizer _width = new();
    private readonly PinyinAnnotationRemover _pinyin = new();
    private readonly TraditionalToSimplifiedConverter _simplifier;
    private readonly PageChromeRemover _chrome;
    private readonly CharacterCensus _census;

    /// <summary>Normalizes to simplified script.</summary>
    public TextNormalizer()
        : this(false)
    {
    }

    /// <summary><paramref name="keepScript"/> skips traditional→simplified conversion (the script is still reported).</summary>
    public TextNormalizer(bool keepScript)
        : this(keepScript, TraditionalToSimplifiedConverter.LoadEmbedded(), PageChromeRemover.LoadEmbedded())
    {
    }

    /// <summary>A normalizer that converts (or, with <paramref name="keepScript"/>, only detects) script with <paramref name="simplifier"/> and drops page furniture with <paramref name="chrome"/>.</summary>
    public TextNormalizer(bool keepScript, TraditionalToSimplifiedConverter simplifier, PageChromeRemover chrome)
        : this(keepScript, simplifier, chrome, TableWords.LoadEmbedded())
    {
    }

    /// <summary>As above, with the table words the HTML extractor tells figure cells by (the pipeline builder shares them).</summary>
    internal TextNormalizer(bool keepScript, TraditionalToSimplifiedConverter simplifier, PageChromeRemover chrome, TableWords tableWords)
    {
        ArgumentNullException.ThrowIfNull(simplifier);
        ArgumentNullException.ThrowIfNull(chrome);
        _html = new HtmlTextExtractor(tableWords);
        _keepScript = keepScript;
        _simplifier = simplifier;
        _chrome = chrome;
        _census = new CharacterCensus(simplifier.Evidence);
    }

    /// <summary>True for a path whose extension says HTML (.htm, .html); other input is sniffed for markup.</summary>
    public static bool IsMarkupPath(string path) =>
        path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Normalizes decoded text; <paramref name="isMarkup"/> says the input is known to be HTML.</summary>
    public NormalizedText Normalize(DecodedText decoded, bool isMarkup)
    {
        var text = MappedText.Identity(decoded.Text);
        if (isMarkup || HtmlTextExtractor.LooksLikeMarkup(decoded.Text))
        {
            text = _html.Extract(text);
        }

        // One pass over the characters says what width folding and script detection need to know (CharacterCensus
        // says why counting here, before folding and pinyin removal, counts what detection after them would).
        var census = _census.Take(text.Text);
        if (census.Foldable)
        {
            text = _width.Normalize(text);
        }

        // Pinyin annotations follow traditional characters, so they go before conversion can merge phrases.
        text = _pinyin.Remove(text);

        var script = TraditionalToSimplifiedConverter.DetectScript(census.Traditional, census.Simplified, census.Han);
        if (!_keepScript)
        {
            text = text.Then(_simplifier.Simplify(text.Text, script));
        }

        // Chrome patterns are simplified: after conversion they catch traditional pages too.
        text = _chrome.Remove(text);
        return new NormalizedText(text, script, []);
    }
}
