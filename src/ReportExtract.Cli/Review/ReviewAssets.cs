using ReportExtract.Common;

namespace ReportExtract.Cli.Review;

/// <summary>The review page's stylesheet and script, embedded in the assembly and inlined into every page.</summary>
internal sealed class ReviewAssets
{
    private ReviewAssets(string style, string script)
    {
        Style = style;
        Script = script;
    }

    /// <summary>The page's CSS.</summary>
    public string Style { get; }

    /// <summary>The page's JavaScript.</summary>
    public string Script { get; }

    /// <summary>The stylesheet and script embedded in the CLI assembly.</summary>
    public static ReviewAssets LoadEmbedded() => new(Read("review.css"), Read("review.js"));

    private static string Read(string name)
    {
        var text = EmbeddedData.ReadText(typeof(ReviewAssets).Assembly, "ReportExtract.Cli.Review." + name);

        // Inlined between <style>/<script> tags: a closing tag inside would end the element early.
        return text.Contains("</", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"the review page resource {name} must not contain '</'")
            : text;
    }
}
