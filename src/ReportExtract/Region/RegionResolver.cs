using System.Collections.Immutable;
using ReportExtract.Model;

namespace ReportExtract.Region;

/// <summary>The division found for a report (null when none is certain) and why it stopped where it did.</summary>
public sealed record RegionResolution(RegionInfo? Region, ImmutableArray<string> Warnings)
{
    /// <summary>No division and nothing to say.</summary>
    public static RegionResolution None { get; } = new(null, []);
}

/// <summary>
/// Resolves the GB/T 2260 division of a reporting body from its organization, the report title and the text.
/// </summary>
/// <remarks>
/// <para>
/// The first source that names a place decides (organization, then title, then text); the later ones only
/// settle homonyms (鼓楼区 of 南京 or of 福州) and vouch for short forms. The answer is walked down from the
/// province: a level is taken only when one child clearly wins, so an undecidable name leaves the result at
/// the last certain level, with a warning. In running text a lower level must also carry a fair share of its
/// parent's own mentions, so that a provincial report citing its cities stays provincial.
/// </para>
/// <para>
/// Full names of three or more characters count on their own. Short forms (温岭, 汕头) and two-character
/// full names (赵县) need another mention of their city or province, unless they stand in the organization
/// or open the title. Names that are also everyday words (城区, 江山, 公安: Resources/Region/common-words.txt)
/// count only right after their own province or city (北京市大兴区).
/// </para>
/// <para>
/// Municipalities and 省直辖县级行政区划 have no city level: their counties come back with <c>City</c> null
/// (重庆市, null, 璧山区), which is how analysts write them.
/// </para>
/// </remarks>
public sealed class RegionResolver
{
    private const int Organization = 0;
    private const int Title = 1;
    private const int Body = 2;

    private const double FullNameWeight = 2;
    private const double ShortFormWeight = 1;

    // In running text a lower level must carry at least this share of its parent's own mentions: a
    // provincial report that cites 杭州 a few times is still the province's.
    private const double BodyDescentShare = 0.5;
    private const double MunicipalityDescentShare = 0.25;

    // In running text the winning child must also outweigh its strongest sibling this many times.
    private const double BodySiblingMargin = 2;

    private const double ShortLineFactor = 3;
    private const int ShortLineLength = 40;

    private static readonly Lazy<RegionResolver> LazyDefault = new(() => new RegionResolver(RegionDivisions.LoadEmbedded()));

    private static readonly double[] ContextWeight = [100, 10, 1];

    private readonly RegionDivisions _divisions;
    private readonly RegionNameMatcher _matcher;

    internal RegionResolver(RegionDivisions divisions)
    {
        _divisions = divisions;
        _matcher = new RegionNameMatcher(divisions);
    }

    /// <summary>The resolver over the embedded division table, built on first use; thread-safe.</summary>
    public static RegionResolver Default => LazyDefault.Value;

    internal RegionDivisions Divisions => _divisions;

    internal RegionNameMatcher Matcher => _matcher;

    /// <summary>The division of the body that wrote <paramref name="text"/>.</summary>
    /// <param name="organization">Issuing body as found by metadata extraction, simplified; may be null.</param>
    /// <param name="title">The report's title line, simplified; may be null.</param>
    /// <param name="text">The normalized report text.</param>
    public RegionResolution Resolve(string? organization, string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] sources = [organization ?? string.Empty, title ?? string.Empty, text];

        var mentions = new List<Mention>();
        var scratch = new List<RegionNameMatch>();
        for (var s = 0; s < sources.Length; s++)
        {
            scratch.Clear();
            _matcher.FindAll(sources[s], scratch);
            SelectNonOverlapping(sources[s], scratch, s, mentions);
        }

        Accept(sources, mentions);

        var primary = -1;
        foreach (var m in mentions)
        {
            if (m.Accepted && (primary < 0 || m.Source < primary))
            {
                primary = m.Source;
            }
        }

        return primary < 0 ? RegionResolution.None : Descend(mentions, primary, text);
    }

    /// <summary>Keeps, among overlapping occurrences, the longest and most trustworthy (浙江 over 江山 in 浙江山区).</summary>
    private void SelectNonOverlapping(string source, List<RegionNameMatch> matches, int sourceIndex, List<Mention> into)
    {
        matches.RemoveAll(m => FollowedByWordTail(source, m));
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

        var cluster = new List<RegionNameMatch>();
        var clusterEnd = -1;
        foreach (var m in matches)
        {
            if (m.Start >= clusterEnd && cluster.Count > 0)
            {
                Flush();
            }

            cluster.Add(m);
            clusterEnd = Math.Max(clusterEnd, m.End);
        }

        Flush();

        void Flush()
        {
            if (cluster.Count == 0)
            {
                return;
            }

            if (cluster.Count == 1)
            {
                var only = _matcher.Surfaces[cluster[0].Surface];
                into.Add(new Mention(sourceIndex, cluster[0].Start, cluster[0].End, only, only.Candidates));
                cluster.Clear();
                return;
            }

            cluster.Sort((a, b) =>
            {
                var byLength = (b.End - b.Start).CompareTo(a.End - a.Start);
                if (byLength != 0)
                {
                    return byLength;
                }

                var byStrength = _matcher.Surfaces[a.Surface].Strength.CompareTo(_matcher.Surfaces[b.Surface].Strength);
                return byStrength != 0 ? byStrength : a.Start.CompareTo(b.Start);
            });

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
                    var surface = _matcher.Surfaces[m.Surface];
                    into.Add(new Mention(sourceIndex, m.Start, m.End, surface, surface.Candidates));
                }
            }

            into.Sort(first, into.Count - first, MentionByStart.Instance);
            cluster.Clear();
        }
    }

    /// <summary>
    /// 区域, 区块, 县域, 市场: the full name's suffix is really the start of another word; 北京路, 延安街:
    /// a short form before 路, 街, 镇, 乡, 村 names a street or a town, not the county.
    /// </summary>
    private bool FollowedByWordTail(string source, RegionNameMatch m)
    {
        var surface = _matcher.Surfaces[m.Surface];
        if (m.End >= source.Length)
        {
            return false;
        }

        var next = source[m.End];
        if (!surface.IsFull)
        {
            // 横峰街道, 新河镇: towns and villages share names with counties anywhere in the country; but
            // 璧山乡村振兴, 涪陵镇街, 温岭村民 are the county's own words.
            var after = m.End + 1 < source.Length ? source[m.End + 1] : '\0';
            return next switch
            {
                '路' or '街' => true,
                '镇' => after != '街',
                '乡' => after is not ('村' or '镇'),
                '村' => after is not ('民' or '级'),
                _ => source.AsSpan(m.End).StartsWith("大道", StringComparison.Ordinal)
                    || source.AsSpan(m.End).StartsWith("社区", StringComparison.Ordinal),
            };
        }

        return surface.Text[^1] switch
        {
            // 璧山区分局 and 鼓楼区分别 are the district: 区分 is left alone.
            '区' => next is '域' or '块' or '间',
            '县' => next is '域',
            '市' => next is '场',
            _ => false,
        };
    }

    /// <summary>Decides which occurrences count and narrows homonyms by the places around them.</summary>
    private void Accept(string[] sources, List<Mention> mentions)
    {
        var leading = new int[sources.Length];
        for (var s = 0; s < sources.Length; s++)
        {
            var i = 0;
            while (i < sources[s].Length && !char.IsLetterOrDigit(sources[s][i]))
            {
                i++;
            }

            leading[s] = i;
        }

        // Divisions named so far, and the same with all their ancestors (汕头 is vouched for by a named 龙湖区).
        var mentioned = new HashSet<int>();
        var mentionedOrAbove = new HashSet<int>();
        var supportCache = new Dictionary<RegionSurface, ImmutableArray<int>>(ReferenceEqualityComparer.Instance);
        var supportVersion = 0;
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var narrowed = NarrowByPredecessor(sources[m.Source], m, Predecessor(mentions, k));
            if (narrowed is not null || m.Surface.Strength == RegionNameStrength.Strong)
            {
                Take(m, narrowed ?? m.Candidates);
            }
        }

        // Weak names lean on the others (汕头 → 龙湖, then 龙湖 → …): repeat while something changes. Then the
        // organization and the title vouch for their own weak names (温岭住建局, 国家税务总局温岭税务局: an
        // organization is a place plus an agency name, a title opens with the organization), which may in
        // turn support more names.
        var trusted = false;
        while (true)
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

                    // In an organization even a common-word full name is meant as a place (城区人民政府), but
                    // like a weak name it needs its city from elsewhere.
                    var supportable = m.Surface.Strength == RegionNameStrength.Weak
                        || (m.Source == Organization && m.Surface.IsFull);
                    var kept = NarrowByPredecessor(sources[m.Source], m, Predecessor(mentions, k))
                        ?? (supportable ? CachedSupport(m) : []);
                    if (!kept.IsEmpty)
                    {
                        Take(m, kept);
                        changed = true;
                    }
                }
            }

            if (trusted)
            {
                break;
            }

            trusted = true;
            foreach (var m in mentions)
            {
                if (!m.Accepted && m.Surface.Strength == RegionNameStrength.Weak
                    && (m.Source == Organization || (m.Source == Title && m.Start == leading[m.Source])))
                {
                    Take(m, m.Candidates);
                }
            }
        }

        // Support depends on the surface and on what has been named so far, not on the occurrence: a text that
        // repeats 温岭 ten thousand times asks once per round.
        ImmutableArray<int> CachedSupport(Mention m)
        {
            if (supportVersion != mentioned.Count)
            {
                supportCache.Clear();
                supportVersion = mentioned.Count;
            }

            if (!supportCache.TryGetValue(m.Surface, out var kept))
            {
                supportCache[m.Surface] = kept = Supported(m, mentioned, mentionedOrAbove);
            }

            return kept;
        }

        void Take(Mention m, ImmutableArray<int> candidates)
        {
            // 本溪 is the city before the county of the same name, 承德 the city before 承德县.
            if (!m.Surface.IsFull && candidates.Length > 1)
            {
                var top = candidates.Min(c => _divisions[c].Level);
                candidates = [.. candidates.Where(c => _divisions[c].Level == top)];
            }

            m.Candidates = candidates;
            m.Accepted = true;
            foreach (var c in candidates)
            {
                mentioned.Add(c);
                var i = c;
                while (i >= 0 && mentionedOrAbove.Add(i))
                {
                    i = _divisions[i].Parent;
                }
            }
        }
    }

    private static Mention? Predecessor(List<Mention> mentions, int k) =>
        k > 0 && mentions[k - 1].Source == mentions[k].Source ? mentions[k - 1] : null;

    /// <summary>
    /// 南京市鼓楼区, 北京市 大兴区, 浙江温岭: a name right after an accepted ancestor (spaces aside) is that ancestor's.
    /// Null when there is no such predecessor.
    /// </summary>
    private ImmutableArray<int>? NarrowByPredecessor(string source, Mention m, Mention? previous)
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
                if (a != c && _divisions.IsSelfOrAncestor(a, c))
                {
                    builder.Add(c);
                    break;
                }
            }
        }

        return builder.Count == 0 ? null : builder.ToImmutable();
    }

    /// <summary>The candidates of a weak name that another accepted name vouches for.</summary>
    private ImmutableArray<int> Supported(Mention m, HashSet<int> mentioned, HashSet<int> mentionedOrAbove)
    {
        var candidates = m.Candidates;
        var kept = 0;
        foreach (var c in candidates)
        {
            kept += IsSupported(c) ? 1 : 0;
        }

        // Most names have one reading: hand back the same array rather than a copy.
        return kept == candidates.Length ? candidates
            : kept == 0 ? []
            : [.. candidates.Where(IsSupported)];

        bool IsSupported(int c)
        {
            if (mentioned.Contains(c))
            {
                return true;
            }

            var d = _divisions[c];
            return d.Level switch
            {
                // 赵县 and 范县 (示范县!) need their own city; a longer short form (温岭) may lean on the province.
                RegionLevel.County => m.Surface.IsFull ? mentioned.Contains(d.Parent) : AnyMentionedFrom(d.Parent),
                RegionLevel.City => mentioned.Contains(d.Parent) || mentionedOrAbove.Contains(c),
                _ => false,
            };
        }

        bool AnyMentionedFrom(int index)
        {
            for (var i = index; i >= 0; i = _divisions[i].Parent)
            {
                if (mentioned.Contains(i))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Walks from the provinces down while one child clearly carries the primary source.</summary>
    private RegionResolution Descend(List<Mention> mentions, int primary, string body)
    {
        // mass[s][d]: weight of the accepted mentions of source s that fall inside d's subtree (each mention once).
        var mass = new Dictionary<int, double>[3];
        var own = new Dictionary<int, double>();
        for (var s = 0; s < mass.Length; s++)
        {
            mass[s] = [];
        }

        var chain = new List<int>();
        var lines = new LineLengths(body);
        foreach (var m in mentions)
        {
            if (!m.Accepted)
            {
                continue;
            }

            var w = m.Surface.IsFull ? FullNameWeight : ShortFormWeight;
            if (m.Source == Body && m.Surface.IsFull && lines.IsShortLine(m.Start))
            {
                // A short line with a full name (发布单位, the title, the signature) names the body itself.
                w *= ShortLineFactor;
            }

            chain.Clear();
            foreach (var c in m.Candidates)
            {
                for (var i = c; i >= 0; i = _divisions[i].Parent)
                {
                    if (!chain.Contains(i))
                    {
                        chain.Add(i);
                    }
                }

                if (m.Source == primary)
                {
                    own[c] = own.GetValueOrDefault(c) + w;
                }
            }

            foreach (var i in chain)
            {
                mass[m.Source][i] = mass[m.Source].GetValueOrDefault(i) + w;
            }
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        var current = -1;
        while (true)
        {
            var children = mass[primary]
                .Where(kv => _divisions[kv.Key].Parent == current)
                .Select(kv => (Index: kv.Key, Mass: kv.Value, Context: Context(kv.Key)))
                .OrderByDescending(x => x.Mass).ThenByDescending(x => x.Context).ThenBy(x => x.Index)
                .ToList();
            if (children.Count == 0)
            {
                break;
            }

            var best = children[0];
            if (primary == Body
                && (best.Mass < BodyThreshold(current, best.Index)
                    || (children.Count > 1 && best.Mass < BodySiblingMargin * children[1].Mass)))
            {
                // A city's report names its counties one after another; a county's names itself above all.
                break;
            }

            var tied = children.TakeWhile(x => x.Mass == best.Mass && x.Context == best.Context).Select(x => x.Index).ToList();
            if (tied.Count > 1)
            {
                var warning = TieWarning(mentions, primary, tied, current);
                if (warning is not null)
                {
                    warnings.Add(warning);
                }

                break;
            }

            current = best.Index;
        }

        return new RegionResolution(current < 0 ? null : ToInfo(current), warnings.ToImmutable());

        double BodyThreshold(int parent, int child)
        {
            if (parent < 0)
            {
                return FullNameWeight;
            }

            // 重庆市 is named as often as a city would be (重庆市人民政府, 重庆市XX条例): its districts need less.
            var share = _divisions[child].Level == RegionLevel.County && _divisions[parent].Level == RegionLevel.Province
                ? MunicipalityDescentShare
                : BodyDescentShare;
            return share * own.GetValueOrDefault(parent);
        }

        double Context(int index)
        {
            var sum = 0.0;
            for (var s = 0; s < mass.Length; s++)
            {
                if (s != primary)
                {
                    sum += ContextWeight[s] * mass[s].GetValueOrDefault(index);
                }
            }

            return sum;
        }
    }

    private string? TieWarning(List<Mention> mentions, int primary, List<int> tied, int current)
    {
        var kept = current < 0 ? "left unresolved" : $"kept at {_divisions[current].Name}";
        foreach (var m in mentions)
        {
            if (m.Accepted && m.Source == primary
                && tied.Count(t => m.Candidates.Any(c => _divisions.IsSelfOrAncestor(t, c))) > 1)
            {
                var where = string.Join(", ", m.Candidates.Select(Label).Distinct());
                return $"region: {m.Surface.Text} is ambiguous ({where}); {kept}";
            }
        }

        // Running text that names several places about equally says little about who wrote it.
        return primary == Body ? null : $"region: several divisions fit equally ({string.Join(", ", tied.Select(t => _divisions[t].Name))}); {kept}";
    }

    /// <summary>The parent a homonym is told apart by: the city of a county, the province of a city.</summary>
    private string Label(int index)
    {
        var parent = _divisions[index].Parent;
        return parent < 0 ? _divisions[index].Name : _divisions[parent].Name;
    }

    private RegionInfo ToInfo(int index)
    {
        string? province = null, city = null, county = null;
        for (var i = index; i >= 0; i = _divisions[i].Parent)
        {
            var d = _divisions[i];
            switch (d.Level)
            {
                case RegionLevel.Province:
                    province = d.Name;
                    break;
                case RegionLevel.City:
                    city = d.Name;
                    break;
                default:
                    county = d.Name;
                    break;
            }
        }

        return new RegionInfo(_divisions[index].Code, province, city, county);
    }

    /// <summary>Tells whether a position lies on a short line; positions must come in increasing order.</summary>
    private struct LineLengths(string text)
    {
        private int _end = -1;
        private bool _short;

        public bool IsShortLine(int position)
        {
            if (position >= _end)
            {
                var newline = position == 0 ? -1 : text.LastIndexOf('\n', position - 1, position - Math.Max(_end, 0));
                var start = newline < 0 ? Math.Max(_end, 0) : newline + 1;
                var next = text.IndexOf('\n', position);
                _end = next < 0 ? text.Length : next;
                _short = _end - start <= ShortLineLength || text.AsSpan(start, _end - start).Trim().Length <= ShortLineLength;
            }

            return _short;
        }
    }

    /// <summary>One occurrence of a place name; candidates narrow as context is weighed.</summary>
    private sealed class Mention(int source, int start, int end, RegionSurface surface, ImmutableArray<int> candidates)
    {
        public int Source { get; } = source;
        public int Start { get; } = start;
        public int End { get; } = end;
        public RegionSurface Surface { get; } = surface;
        public ImmutableArray<int> Candidates { get; set; } = candidates;
        public bool Accepted { get; set; }
    }

    private sealed class MentionByStart : IComparer<Mention>
    {
        public static MentionByStart Instance { get; } = new();

        public int Compare(Mention? x, Mention? y) => x!.Start.CompareTo(y!.Start);
    }
}
