using System.Runtime.InteropServices;

namespace ReportExtract.Region;

/// <summary>
/// Finds the place names of each source: every name the matcher knows, less those that run into a word tail (北京路),
/// and among overlapping names the longest and most trustworthy (浙江 over 江山 in 浙江山区).
/// </summary>
internal sealed class RegionMentionCollector(RegionNameMatcher matcher, RegionWordTails wordTails)
{
    // Within a cluster of overlapping names: the longest, then the most trustworthy, then the first.
    private readonly Comparison<RegionNameMatch> _bestFirst = (a, b) =>
    {
        var byLength = (b.End - b.Start).CompareTo(a.End - a.Start);
        if (byLength != 0)
        {
            return byLength;
        }

        var byStrength = matcher.Surfaces[a.Surface].Strength.CompareTo(matcher.Surfaces[b.Surface].Strength);
        return byStrength != 0 ? byStrength : a.Start.CompareTo(b.Start);
    };

    /// <summary>The mentions of every source, source by source in order of trust, each source's in text order.</summary>
    public List<RegionMention> Collect(string organization, string title, string body)
    {
        var mentions = new List<RegionMention>();
        var scratch = new List<RegionNameMatch>();
        var cluster = new List<RegionNameMatch>();
        foreach (var source in RegionSources.All)
        {
            var text = source switch
            {
                RegionSource.Organization => organization,
                RegionSource.Title => title,
                _ => body,
            };
            scratch.Clear();
            matcher.FindAll(text, scratch);
            SelectNonOverlapping(text, scratch, source, mentions, cluster);
        }

        return mentions;
    }

    /// <summary>Keeps, among overlapping occurrences, the longest and most trustworthy (浙江 over 江山 in 浙江山区).</summary>
    private void SelectNonOverlapping(string text, List<RegionNameMatch> matches, RegionSource source, List<RegionMention> into, List<RegionNameMatch> cluster)
    {
        // By start, and at one start the longest first: how overlapping names are grouped. The matcher gives them by
        // start and at one start shortest first, so reversing each start's run is the whole sort.
        LongestFirstAtEachStart(matches);

        var clusterEnd = -1;
        foreach (var m in matches)
        {
            if (wordTails.Follows(text, m.End, matcher.Surfaces[m.Surface]))
            {
                // 北京路: not a place, and no part of a cluster.
                continue;
            }

            if (m.Start >= clusterEnd && cluster.Count > 0)
            {
                AddCluster(cluster, source, into);
            }

            cluster.Add(m);
            clusterEnd = Math.Max(clusterEnd, m.End);
        }

        AddCluster(cluster, source, into);
    }

    /// <summary>Reverses each run of occurrences with one start (which come shortest first).</summary>
    private static void LongestFirstAtEachStart(List<RegionNameMatch> matches)
    {
        var span = CollectionsMarshal.AsSpan(matches);
        for (var run = 0; run < span.Length;)
        {
            var end = run + 1;
            while (end < span.Length && span[end].Start == span[run].Start)
            {
                end++;
            }

            span[run..end].Reverse();
            run = end;
        }
    }

    /// <summary>Adds the best non-overlapping occurrences of one cluster of overlapping ones, and empties the cluster.</summary>
    private void AddCluster(List<RegionNameMatch> cluster, RegionSource source, List<RegionMention> into)
    {
        if (cluster.Count == 0)
        {
            return;
        }

        if (cluster.Count == 1)
        {
            var only = matcher.Surfaces[cluster[0].Surface];
            into.Add(new RegionMention(source, cluster[0].Start, cluster[0].End, only, only.Candidates));
            cluster.Clear();
            return;
        }

        cluster.Sort(_bestFirst);

        var first = into.Count;
        foreach (var m in cluster)
        {
            var overlaps = false;
            for (var i = first; i < into.Count && !overlaps; i++)
            {
                overlaps = m.Start < into[i].End && into[i].Start < m.End;
            }

            if (!overlaps)
            {
                var surface = matcher.Surfaces[m.Surface];
                into.Add(new RegionMention(source, m.Start, m.End, surface, surface.Candidates));
            }
        }

        into.Sort(first, into.Count - first, RegionMentionByStart.Instance);
        cluster.Clear();
    }
}
