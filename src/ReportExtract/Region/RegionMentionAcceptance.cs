using System.Collections.Immutable;

namespace ReportExtract.Region;

/// <summary>
/// Decides which mentions count and narrows homonyms by the places around them: full names count on their own,
/// a name right after its own province or city is that one's, and weak names (short forms, two-character full
/// names, everyday words) need another accepted name of their city or province.
/// </summary>
internal sealed class RegionMentionAcceptance(RegionDivisions divisions)
{
    /// <summary>Marks the mentions that count as accepted and narrows their candidates.</summary>
    /// <param name="sources">The text of each source, indexed by <see cref="RegionSource"/>.</param>
    /// <returns>
    /// True when every mention was settled by the first pass: accepted by its own strength or its predecessor's, or
    /// an everyday word that only a predecessor could accept and whose predecessor is settled. Such a mention is
    /// settled by the mentions before it alone: what mentions after it (the text's, after the organization's and the
    /// title's) accept cannot change it.
    /// </returns>
    public bool Accept(string[] sources, List<RegionMention> mentions)
    {
        var state = new AcceptanceState(divisions);
        var allAtOnce = true;
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var narrowed = NarrowByPredecessor(sources[(int)m.Source], m, Predecessor(mentions, k));
            if (narrowed is not null || m.Surface.Strength == RegionNameStrength.Strong)
            {
                state.Take(m, narrowed ?? m.Candidates);
            }
            else if (Supportable(m))
            {
                // Support (or, for a weak name, its own source's trust) may accept it later.
                allAtOnce = false;
            }
        }

        if (allAtOnce)
        {
            // Nothing is left to support or vouch for.
            return true;
        }

        // Weak names lean on the others (汕头 → 龙湖, then 龙湖 → …) until nothing changes. Then the organization and
        // the title vouch for their own weak names (温岭住建局, 国家税务总局温岭税务局: an organization is a place plus an
        // agency name, a title opens with the organization), which may in turn support more names.
        AcceptSupported(sources, mentions, state);
        TrustOwnNames(sources, mentions, state);
        AcceptSupported(sources, mentions, state);
        return false;
    }

    /// <summary>Accepts the weak names that a predecessor or another accepted name supports, round after round until none is added.</summary>
    private void AcceptSupported(string[] sources, List<RegionMention> mentions, AcceptanceState state)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var k = 0; k < mentions.Count; k++)
            {
                var m = mentions[k];
                if (m.Accepted || m.Surface.Strength == RegionNameStrength.Strong)
                {
                    continue;
                }

                var kept = NarrowByPredecessor(sources[(int)m.Source], m, Predecessor(mentions, k))
                    ?? (Supportable(m) ? state.CachedSupport(m) : []);
                if (!kept.IsEmpty)
                {
                    state.Take(m, kept);
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// Whether another accepted name can vouch for <paramref name="m"/>: a weak name, and in an organization even a
    /// common-word full name, which is meant as a place there (城区人民政府) but like a weak name needs its city from
    /// elsewhere.
    /// </summary>
    private static bool Supportable(RegionMention m) =>
        m.Surface.Strength == RegionNameStrength.Weak || (m.Source == RegionSource.Organization && m.Surface.IsFull);

    /// <summary>Accepts the weak names of the organization and the one that opens the title.</summary>
    private static void TrustOwnNames(string[] sources, List<RegionMention> mentions, AcceptanceState state)
    {
        var titleStart = LeadingNonWordLength(sources[(int)RegionSource.Title]);
        foreach (var m in mentions)
        {
            if (!m.Accepted && m.Surface.Strength == RegionNameStrength.Weak
                && (m.Source == RegionSource.Organization || (m.Source == RegionSource.Title && m.Start == titleStart)))
            {
                state.Take(m, m.Candidates);
            }
        }
    }

    private static int LeadingNonWordLength(string text)
    {
        var i = 0;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static RegionMention? Predecessor(List<RegionMention> mentions, int k) =>
        k > 0 && mentions[k - 1].Source == mentions[k].Source ? mentions[k - 1] : null;

    /// <summary>
    /// 南京市鼓楼区, 北京市 大兴区, 浙江温岭: a name right after an accepted ancestor (spaces aside) is that ancestor's.
    /// Null when there is no such predecessor.
    /// </summary>
    private ImmutableArray<int>? NarrowByPredecessor(string source, RegionMention m, RegionMention? previous)
    {
        if (previous is null || !previous.Accepted || !source.AsSpan(previous.End, m.Start - previous.End).IsWhiteSpace())
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<int>();
        foreach (var c in m.Candidates)
        {
            foreach (var a in previous.Candidates)
            {
                if (a != c && divisions.IsSelfOrAncestor(a, c))
                {
                    builder.Add(c);
                    break;
                }
            }
        }

        return builder.Count == 0 ? null : builder.ToImmutable();
    }

    /// <summary>
    /// What has been accepted so far: the divisions named, the same with all their ancestors (汕头 is vouched for by a
    /// named 龙湖区), and the support of each surface since the last new name.
    /// </summary>
    private sealed class AcceptanceState(RegionDivisions divisions)
    {
        private readonly HashSet<int> _mentioned = [];
        private readonly HashSet<int> _mentionedOrAbove = [];
        private readonly Dictionary<RegionSurface, ImmutableArray<int>> _supportCache = new(ReferenceEqualityComparer.Instance);
        private int _supportVersion;

        /// <summary>Accepts <paramref name="m"/> with <paramref name="candidates"/>, and records what it names.</summary>
        public void Take(RegionMention m, ImmutableArray<int> candidates)
        {
            // 本溪 is the city before the county of the same name, 承德 the city before 承德县.
            if (!m.Surface.IsFull && candidates.Length > 1)
            {
                var top = candidates.Min(c => divisions[c].Level);
                candidates = [.. candidates.Where(c => divisions[c].Level == top)];
            }

            m.Candidates = candidates;
            m.Accepted = true;
            foreach (var c in candidates)
            {
                _mentioned.Add(c);
                var i = c;
                while (i >= 0 && _mentionedOrAbove.Add(i))
                {
                    i = divisions[i].Parent;
                }
            }
        }

        /// <summary>
        /// The candidates of a weak name that an accepted name vouches for. Support depends on the surface and on what
        /// has been named so far, not on the occurrence: a text that repeats 温岭 ten thousand times asks once per round.
        /// </summary>
        public ImmutableArray<int> CachedSupport(RegionMention m)
        {
            if (_supportVersion != _mentioned.Count)
            {
                _supportCache.Clear();
                _supportVersion = _mentioned.Count;
            }

            if (!_supportCache.TryGetValue(m.Surface, out var kept))
            {
                _supportCache[m.Surface] = kept = Supported(m);
            }

            return kept;
        }

        private ImmutableArray<int> Supported(RegionMention m)
        {
            var candidates = m.Candidates;
            var kept = 0;
            foreach (var c in candidates)
            {
                kept += IsSupported(m.Surface, c) ? 1 : 0;
            }

            // Most names have one reading: hand back the same array rather than a copy.
            return kept == candidates.Length ? candidates
                : kept == 0 ? []
                : [.. candidates.Where(c => IsSupported(m.Surface, c))];
        }

        private bool IsSupported(RegionSurface surface, int c)
        {
            if (_mentioned.Contains(c))
            {
                return true;
            }

            var d = divisions[c];
            return d.Level switch
            {
                // 赵县 and 范县 (示范县!) need their own city; a longer short form (温岭) may lean on the province.
                RegionLevel.County => surface.IsFull ? _mentioned.Contains(d.Parent) : AnyMentionedFrom(d.Parent),
                RegionLevel.City => _mentioned.Contains(d.Parent) || _mentionedOrAbove.Contains(c),
                _ => false,
            };
        }

        private bool AnyMentionedFrom(int index)
        {
            for (var i = index; i >= 0; i = divisions[i].Parent)
            {
                if (_mentioned.Contains(i))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
