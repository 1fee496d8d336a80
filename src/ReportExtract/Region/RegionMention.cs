using System.Collections.Immutable;

namespace ReportExtract.Region;

/// <summary>One occurrence of a place name; its candidates narrow, and it is accepted, as context is weighed.</summary>
internal sealed class RegionMention(RegionSource source, int start, int end, RegionSurface surface, ImmutableArray<int> candidates)
{
    public RegionSource Source { get; } = source;

    public int Start { get; } = start;

    public int End { get; } = end;

    public RegionSurface Surface { get; } = surface;

    public ImmutableArray<int> Candidates { get; set; } = candidates;

    public bool Accepted { get; set; }
}

/// <summary>Orders mentions of one source by where they start.</summary>
internal sealed class RegionMentionByStart : IComparer<RegionMention>
{
    public static RegionMentionByStart Instance { get; } = new();

    public int Compare(RegionMention? x, RegionMention? y) => x!.Start.CompareTo(y!.Start);
}
