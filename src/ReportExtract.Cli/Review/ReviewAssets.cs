using ReportExtract.Common;

namespace ReportExtract.Cli.Review;

/// <summary>The review page's stylesheet and script, embedded in the assembly and inlined into every page.</summary>
internal static class ReviewAssets
{
    private static readonly Lazy<string> LazyStyle = new(() => Read("review.css"));
    private static readonly Lazy<string> LazyScript = new(() => Read("review.js"));

    /// <summary>The page's CSS.</summary>
    public static string Style => LazyStyle.Value;

    /// <summary>The page's JavaScript.</summary>
    public static string Script => LazyScript.Value;

    private static string Read(string name)
    {
        var text = EmbeddedData.ReadText(typeof(ReviewAssets).Assembly, "ReportExtract.Cli.Review." + name);

        // Inlined between <style>/<script> tags: a closing tag inside would end the element early.
        return text.Contains("</", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"the review page resource {name} must not contain '</'")
            : text;
    }
}
