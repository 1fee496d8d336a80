using ReportExtract.Common;

namespace ReportExtract.Metrics;

/// <summary>
/// The words <see cref="YearScope"/> reads around a year: target words that move a figure to the year ahead
/// (Resources/Metrics/target-cues.txt) and comparison words before a year that is compared to rather than described
/// (Resources/Metrics/comparison-cues.txt). Read once by the metric stage; immutable.
/// </summary>
internal sealed class YearCues
{
    private YearCues(WordSearchValues targets, WordSet<bool> comparisons)
    {
        Targets = targets;
        Comparisons = comparisons;
    }

    /// <summary>Words after which a figure is a target for the year ahead (力争).</summary>
    public WordSearchValues Targets { get; }

    /// <summary>Words before a year that compare to it (较, 比); false: a longer word that does not.</summary>
    public WordSet<bool> Comparisons { get; }

    /// <summary>The cues of the embedded data files.</summary>
    public static YearCues LoadEmbedded() => new(
        new(EmbeddedData.ReadRows("Metrics/target-cues.txt").Select(r => r[0])),
        new(EmbeddedData.ReadRows("Metrics/comparison-cues.txt").Select(r => (r[0], r.Length < 2 || r[1] != "not"))));
}
