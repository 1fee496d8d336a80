namespace ReportExtract.Region;

/// <summary>
/// Where a place name was read, in order of trust: the first source that names a place decides the region, the
/// later ones only settle homonyms and vouch for short forms.
/// </summary>
internal enum RegionSource
{
    /// <summary>The issuing body as metadata extraction found it (温岭市住房和城乡建设局).</summary>
    Organization,

    /// <summary>The report's title line.</summary>
    Title,

    /// <summary>The normalized report text.</summary>
    Body,
}

/// <summary>What each <see cref="RegionSource"/> is worth.</summary>
internal static class RegionSources
{
    /// <summary>The sources in order of trust.</summary>
    public static ReadOnlySpan<RegionSource> All => [RegionSource.Organization, RegionSource.Title, RegionSource.Body];

    /// <summary>
    /// How much a source's mentions count when they break a tie between divisions of the deciding source: 100 for the
    /// organization, 10 for the title, 1 for the text. Each step is an order of magnitude, so one mention in a more
    /// trusted source outweighs the handful a report's text gives a place in passing; only about ten times as many
    /// mentions in a less trusted source overrule it.
    /// </summary>
    public static double ContextWeight(this RegionSource source) => source switch
    {
        RegionSource.Organization => 100,
        RegionSource.Title => 10,
        _ => 1,
    };
}
