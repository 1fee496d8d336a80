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
/// <para>
/// Three steps, one class each: <see cref="RegionMentionCollector"/> finds the names of each source,
/// <see cref="RegionMentionAcceptance"/> decides which count, <see cref="RegionDescent"/> walks down the divisions.
/// </para>
/// </remarks>
public sealed class RegionResolver
{
    private readonly RegionMentionCollector _collector;
    private readonly RegionMentionAcceptance _acceptance;
    private readonly RegionDescent _descent;

    internal RegionResolver(RegionDivisions divisions)
        : this(divisions, RegionWordTails.LoadEmbedded())
    {
    }

    internal RegionResolver(RegionDivisions divisions, RegionWordTails wordTails)
    {
        Divisions = divisions;
        Matcher = new RegionNameMatcher(divisions);
        _collector = new RegionMentionCollector(Matcher, wordTails);
        _acceptance = new RegionMentionAcceptance(divisions);
        _descent = new RegionDescent(divisions);
    }

    /// <summary>A resolver over the embedded division table (each call reads it afresh); thread-safe.</summary>
    public static RegionResolver LoadEmbedded() => new(RegionDivisions.LoadEmbedded());

    internal RegionDivisions Divisions { get; }

    internal RegionNameMatcher Matcher { get; }

    /// <summary>The division of the body that wrote <paramref name="text"/>.</summary>
    /// <param name="organization">Issuing body as found by metadata extraction, simplified; may be null.</param>
    /// <param name="title">The report's title line, simplified; may be null.</param>
    /// <param name="text">The normalized report text.</param>
    public RegionResolution Resolve(string? organization, string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ResolveFromHeadAlone(organization ?? string.Empty, title ?? string.Empty)
            ?? ResolveWithText(organization, title, text);
    }

    /// <summary>
    /// The answer when the organization and the title settle it without the text, or null; the text is then not
    /// scanned at all (most reports name their body in both, and the scan is most of the resolver's work).
    /// </summary>
    /// <remarks>
    /// The text's mentions come after the organization's and the title's and can only (1) support their weak names,
    /// (2) decide when they accept no name, and (3) break a tie in the deciding source's mass as context. So the
    /// answer is the text's alone to change only when a head mention is left unsettled by the first acceptance pass,
    /// when the head names nothing, or when some level of the descent ties in mass: in all three cases the whole
    /// resolution is run with the text. <see cref="ResolveWithText"/> is the oracle that tests hold this to.
    /// </remarks>
    internal RegionResolution? ResolveFromHeadAlone(string organization, string title)
    {
        var mentions = _collector.Collect(organization, title, string.Empty);
        if (mentions.Count == 0 || !_acceptance.Accept([organization, title, string.Empty], mentions))
        {
            return null;
        }

        // The mentions come by source in order of trust: the first accepted one's source decides. When the head
        // accepts none, the text decides.
        var first = mentions.Find(m => m.Accepted);
        return first is null ? null : _descent.DescendByMassAlone(mentions, first.Source);
    }

    /// <summary>The division of the body that wrote <paramref name="text"/>, weighing every mention of the text.</summary>
    internal RegionResolution ResolveWithText(string? organization, string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] sources = [organization ?? string.Empty, title ?? string.Empty, text];

        var mentions = _collector.Collect(sources[(int)RegionSource.Organization], sources[(int)RegionSource.Title], text);
        _acceptance.Accept(sources, mentions);

        // The most trusted source with an accepted name decides; the others are context.
        RegionSource? primary = null;
        foreach (var m in mentions)
        {
            if (m.Accepted && (primary is null || m.Source < primary))
            {
                primary = m.Source;
            }
        }

        return primary is { } decider ? _descent.Descend(mentions, decider, text) : RegionResolution.None;
    }
}
