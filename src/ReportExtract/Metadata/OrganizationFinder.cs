namespace ReportExtract.Metadata;

/// <summary>
/// Finds the body that issues a report. In order of trust: the title's issuer, a 发布机构 label, the signature, the
/// sentence that presents the report (现将某某局2023年…报告如下), the opening sentence's subject, a 来源 label, the body
/// that 我局/我区 stands for, and the site's 主办单位. The name is then made the fullest one the text itself uses.
/// </summary>
internal sealed class OrganizationFinder(MetadataLexicon lexicon, OrganizationNames names)
{
    // 我局 is resolved from names that open a clause this far into the text.
    private const int SelfReferenceWindow = 8_000;

    private const int ClauseLength = 48;

    // 由某某人民政府颁布 is looked for this far into the text: a promulgation note stands at the top.
    private const int PromulgationWindow = 2_000;

    public string? Find(MetadataPage page, FoundTitle? title, Signature? signature, (int First, int Last) titleLines)
    {
        var text = page.Text;
        var window = text.AsSpan(0, Math.Min(text.Length, MetadataPage.ProseWindow));
        var fromTitle = title is null ? null : names.FromTitle(title.Text);
        var publisher = page.Label(LabelField.Publisher, v => names.AsName(v));
        var fromSignature = signature?.Organization;
        var presenting = Presenting(window, page.PresentingLeadAt) ?? Promulgated(window[..Math.Min(window.Length, PromulgationWindow)]);
        var opening = page.OpeningLine(titleLines) is { IsEmpty: false } sentence ? names.FromOpeningSentence(sentence) : null;
        var source = page.Label(LabelField.Source, v => names.AsName(v));
        var chosen = fromTitle ?? publisher ?? fromSignature ?? presenting ?? opening ?? source
            ?? SelfReferenced(text.AsSpan(0, Math.Min(text.Length, SelfReferenceWindow)))
            ?? page.Label(LabelField.Host, v => names.AsName(v));
        return chosen is null ? null : Fullest(chosen, text, [publisher, fromSignature, presenting, opening, source]);
    }

    /// <summary>
    /// The fullest form of <paramref name="name"/> the text uses: a longer name from another place that starts with it
    /// (某某区 → 某某区人民政府, 本溪市卫生健康委 → 本溪市卫生健康委员会), or the 人民政府 of a bare place or of a
    /// 政府 when the text writes it so somewhere. An abbreviation the text never expands stays as written.
    /// </summary>
    private string Fullest(string name, string text, ReadOnlySpan<string?> others)
    {
        var placeOnly = names.IsPlaceOnly(name);
        foreach (var other in others)
        {
            if (other is not null && other.Length > name.Length && other.StartsWith(name, StringComparison.Ordinal)
                && (placeOnly || names.IsSuffixContinuation(other.AsSpan(name.Length - 1))))
            {
                return other;
            }
        }

        var stem = placeOnly ? name
            : name.EndsWith("政府", StringComparison.Ordinal) && !name.EndsWith("人民政府", StringComparison.Ordinal) ? name[..^2]
            : null;
        if (stem is not null && stem.Length >= 1)
        {
            var full = string.Concat(stem, "人民政府");
            if (text.Contains(full, StringComparison.Ordinal))
            {
                return full;
            }
        }

        return name;
    }

    /// <summary>The body a presenting sentence names: 现将某某镇2020年度…报告如下, 现公布某某市人民政府2022年…报告.</summary>
    private string? Presenting(ReadOnlySpan<char> window, int[] leadAt)
    {
        string? best = null;
        var bestAt = int.MaxValue;
        for (var k = 0; k < leadAt.Length; k++)
        {
            var (lead, at) = (lexicon.PresentingLeads[k], leadAt[k]);
            if (at < 0 || at >= bestAt)
            {
                continue;
            }

            var rest = window[(at + lead.Length)..];
            var end = rest.IndexOfAny("。\n");
            rest = rest[..(end < 0 ? Math.Min(rest.Length, 80) : Math.Min(end, 80))];
            // 现将《某某镇2022年度…报告》予以公布: the issuer opens the quoted title.
            rest = rest.TrimStart("《“\" ");
            if (names.FromTitle(rest.ToString()) is { } name)
            {
                best = name;
                bestAt = at;
            }
        }

        return best;
    }

    /// <summary>The body that issued a document by the note at its top: 《…》于2015年1月9日由某某自治区人民政府颁布.</summary>
    private string? Promulgated(ReadOnlySpan<char> window)
    {
        for (var at = window.IndexOf('由'); at >= 0; at = window[(at + 1)..].IndexOf('由') is var next and >= 0 ? at + 1 + next : -1)
        {
            var rest = window[(at + 1)..];
            if (names.Leading(rest) is { } name && OrganizationNames.StartsWithAny(rest[name.Length..], lexicon.IssuingVerbs))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The body that the text's first 我局/我区/我办 stands for: the first name opening a clause (or following 代表) whose
    /// ending fits it (我区 → 自治区人民政府, 我办 → 区政府办公室).
    /// </summary>
    private string? SelfReferenced(ReadOnlySpan<char> window)
    {
        var endings = SelfReferenceEndings(window);
        if (endings is null)
        {
            return null;
        }

        for (var pos = 0; pos < window.Length; pos++)
        {
            var start = pos == 0 ? 0
                : window[pos - 1] is '\n' or '，' or ',' or '。' or '；' or ';' or '：' or ':' ? pos
                : pos >= 2 && window[(pos - 2)..pos] is "代表" ? pos
                : -1;
            if (start < 0)
            {
                continue;
            }

            var clause = window[start..Math.Min(window.Length, start + ClauseLength)].TrimStart();
            if (clause.Length < 3 || clause[0] == '我' || names.FromOpeningSentence(clause) is not { } name)
            {
                continue;
            }

            // 某某市司法局: over a cover letter is its addressee, not the body that writes 我局.
            var after = clause.IndexOf(name, StringComparison.Ordinal) + name.Length;
            if (after > 0 && after < clause.Length && clause[after] is ':' or '：')
            {
                continue;
            }

            foreach (var ending in endings)
            {
                if (name.EndsWith(ending, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>The name endings that the first 我X of <paramref name="window"/> can stand for, or null.</summary>
    private IReadOnlyList<string>? SelfReferenceEndings(ReadOnlySpan<char> window)
    {
        var at = 0;
        while (at < window.Length && window[at..].IndexOf('我') is >= 0 and var next)
        {
            at += next + 1;
            foreach (var (word, endings) in lexicon.SelfReferences)
            {
                if (window[at..].StartsWith(word, StringComparison.Ordinal))
                {
                    return endings;
                }
            }
        }

        return null;
    }
}
