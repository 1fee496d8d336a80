using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ReportExtract.Model;

namespace ReportExtract.Region;

/// <summary>
/// Walks from the provinces down while one child clearly carries the deciding source: a level is taken only when
/// one child wins, so an undecidable name leaves the result at the last certain level, with a warning.
/// </summary>
internal sealed class RegionDescent(RegionDivisions divisions)
{
    // A full name says more than a short form (温岭市 over 温岭, which may also be a word of something else).
    private const double FullNameWeight = 2;
    private const double ShortFormWeight = 1;

    // In running text a lower level must carry at least this share of its parent's own mentions: a
    // provincial report that cites 杭州 a few times is still the province's.
    private const double BodyDescentShare = 0.5;
    private const double MunicipalityDescentShare = 0.25;

    // In running text the winning child must also outweigh its strongest sibling this many times.
    private const double BodySiblingMargin = 2;

    // A short line with a full name (发布单位, the title, the signature) names the body itself.
    private const double ShortLineFactor = 3;
    private const int ShortLineLength = 40;

    /// <summary>The division the accepted mentions of <paramref name="primary"/> lead to, with the others as context.</summary>
    public RegionResolution Descend(List<RegionMention> mentions, RegionSource primary, string body) =>
        Walk(mentions, primary, body, byMassAlone: false)!;

    /// <summary>
    /// The same walk when the deciding source's mass alone settles every level (one child heaviest), or null where
    /// two children tie in mass and what the other sources say would decide. Such a walk is the same whatever the
    /// other sources say, as long as they leave the deciding source's mass as it is.
    /// </summary>
    public RegionResolution? DescendByMassAlone(List<RegionMention> mentions, RegionSource primary) =>
        primary == RegionSource.Body ? null : Walk(mentions, primary, string.Empty, byMassAlone: true);

    private RegionResolution? Walk(List<RegionMention> mentions, RegionSource primary, string body, bool byMassAlone)
    {
        var mass = Weigh(mentions, primary, body);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var children = new List<Child>();
        var current = -1;
        while (true)
        {
            children.Clear();
            foreach (var (index, sums) in mass.All)
            {
                if (sums.Has(primary) && divisions[index].Parent == current)
                {
                    children.Add(new Child(index, sums.Of(primary), mass.Context(index, primary)));
                }
            }

            if (children.Count == 0)
            {
                break;
            }

            children.Sort(Child.HeaviestFirst);

            var best = children[0];
            if (byMassAlone && children.Count > 1 && children[1].Mass == best.Mass)
            {
                return null;
            }

            if (primary == RegionSource.Body
                && (best.Mass < BodyThreshold(mass, current, best.Index)
                    || (children.Count > 1 && best.Mass < BodySiblingMargin * children[1].Mass)))
            {
                // A city's report names its counties one after another; a county's names itself above all.
                break;
            }

            var ties = 1;
            while (ties < children.Count && children[ties].Mass == best.Mass && children[ties].Context == best.Context)
            {
                ties++;
            }

            if (ties > 1)
            {
                var tied = children.GetRange(0, ties).ConvertAll(x => x.Index);
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
    }

    /// <summary>Adds up the weight of the accepted mentions of each source over each division's subtree (each mention once).</summary>
    private MentionMass Weigh(List<RegionMention> mentions, RegionSource primary, string body)
    {
        var mass = new MentionMass();
        var chain = new List<int>();
        var lines = new LineLengths(body);
        foreach (var m in mentions)
        {
            if (!m.Accepted)
            {
                continue;
            }

            var w = m.Surface.IsFull ? FullNameWeight : ShortFormWeight;
            if (m.Source == RegionSource.Body && m.Surface.IsFull && lines.IsShortLine(m.Start))
            {
                w *= ShortLineFactor;
            }

            chain.Clear();
            foreach (var c in m.Candidates)
            {
                for (var i = c; i >= 0; i = divisions[i].Parent)
                {
                    if (!chain.Contains(i))
                    {
                        chain.Add(i);
                    }
                }

                if (m.Source == primary)
                {
                    mass.AddOwn(c, w);
                }
            }

            foreach (var i in chain)
            {
                mass.Add(m.Source, i, w);
            }
        }

        return mass;
    }

    /// <summary>The mass a child of <paramref name="parent"/> needs in running text to be taken.</summary>
    private double BodyThreshold(MentionMass mass, int parent, int child)
    {
        if (parent < 0)
        {
            return FullNameWeight;
        }

        // 重庆市 is named as often as a city would be (重庆市人民政府, 重庆市XX条例): its districts need less.
        var share = divisions[child].Level == RegionLevel.County && divisions[parent].Level == RegionLevel.Province
            ? MunicipalityDescentShare
            : BodyDescentShare;
        return share * mass.Own(parent);
    }

    private string? TieWarning(List<RegionMention> mentions, RegionSource primary, List<int> tied, int current)
    {
        var kept = current < 0 ? "left unresolved" : $"kept at {divisions[current].Name}";
        foreach (var m in mentions)
        {
            if (m.Accepted && m.Source == primary
                && tied.Count(t => m.Candidates.Any(c => divisions.IsSelfOrAncestor(t, c))) > 1)
            {
                var where = string.Join(", ", m.Candidates.Select(Label).Distinct());
                return $"region: {m.Surface.Text} is ambiguous ({where}); {kept}";
            }
        }

        // Running text that names several places about equally says little about who wrote it.
        return primary == RegionSource.Body ? null : $"region: several divisions fit equally ({string.Join(", ", tied.Select(t => divisions[t].Name))}); {kept}";
    }

    /// <summary>The parent a homonym is told apart by: the city of a county, the province of a city.</summary>
    private string Label(int index)
    {
        var parent = divisions[index].Parent;
        return parent < 0 ? divisions[index].Name : divisions[parent].Name;
    }

    private RegionInfo ToInfo(int index)
    {
        string? province = null, city = null, county = null;
        for (var i = index; i >= 0; i = divisions[i].Parent)
        {
            var d = divisions[i];
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

        return new RegionInfo(divisions[index].Code, province, city, county);
    }

    /// <summary>A child of the level being decided: its mass in the deciding source and what the other sources say for it.</summary>
    private readonly record struct Child(int Index, double Mass, double Context)
    {
        /// <summary>By mass, then context, heaviest first; then by index, so the order is total.</summary>
        public static readonly Comparison<Child> HeaviestFirst = (a, b) =>
        {
            var byMass = b.Mass.CompareTo(a.Mass);
            if (byMass != 0)
            {
                return byMass;
            }

            var byContext = b.Context.CompareTo(a.Context);
            return byContext != 0 ? byContext : a.Index.CompareTo(b.Index);
        };
    }

    /// <summary>
    /// The weight of accepted mentions per source and division subtree, and the deciding source's own weight per
    /// division named (not counting its descendants).
    /// </summary>
    /// <remarks>One table keyed by division holds all four sums (a report names a handful of divisions, and one
    /// table is a quarter of the allocations and lookups of one per sum).</remarks>
    private sealed class MentionMass
    {
        private readonly Dictionary<int, Sums> _sums = [];

        public void Add(RegionSource source, int division, double weight)
        {
            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(_sums, division, out _);
            switch (source)
            {
                case RegionSource.Organization:
                    sums.Organization += weight;
                    sums.InOrganization = true;
                    break;
                case RegionSource.Title:
                    sums.Title += weight;
                    sums.InTitle = true;
                    break;
                default:
                    sums.Body += weight;
                    sums.InBody = true;
                    break;
            }
        }

        public void AddOwn(int division, double weight) =>
            CollectionsMarshal.GetValueRefOrAddDefault(_sums, division, out _).Own += weight;

        /// <summary>The sums of every division weighed, in no particular order.</summary>
        public Dictionary<int, Sums> All => _sums;

        public double Own(int division) => _sums.GetValueOrDefault(division).Own;

        /// <summary>What the sources other than <paramref name="primary"/> say for <paramref name="division"/>, weighed by trust.</summary>
        public double Context(int division, RegionSource primary)
        {
            var sums = _sums.GetValueOrDefault(division);
            var sum = 0.0;
            foreach (var source in RegionSources.All)
            {
                if (source != primary)
                {
                    sum += source.ContextWeight() * sums.Of(source);
                }
            }

            return sum;
        }
    }

    /// <summary>The weight each source gives one division, whether it names it at all, and the deciding source's own.</summary>
    private struct Sums
    {
        public double Organization;
        public double Title;
        public double Body;
        public double Own;
        public bool InOrganization;
        public bool InTitle;
        public bool InBody;

        public readonly double Of(RegionSource source) => source switch
        {
            RegionSource.Organization => Organization,
            RegionSource.Title => Title,
            _ => Body,
        };

        public readonly bool Has(RegionSource source) => source switch
        {
            RegionSource.Organization => InOrganization,
            RegionSource.Title => InTitle,
            _ => InBody,
        };
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
}
