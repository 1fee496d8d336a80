using System.Buffers;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ReportExtract.Metadata;

/// <summary>Recognizes the name of an issuing body (温岭市住房和城乡建设局, 马鞍街道办事处) in titles, labels, signatures and prose.</summary>
internal sealed partial class OrganizationNames(MetadataLexicon lexicon)
{
    private const int MaxName = 40;

    // Where an issuer's name stops in a title: before a year (Arabic digits, or four Chinese digits and 年); the words
    // that stop it too (关于, 年度) are the lexicon's title-stop words.
    [GeneratedRegex("[0-9]|[〇○零一二三四五六七八九]{4}年", RegexOptions.CultureInvariant)]
    private static partial Regex TitleYear();

    // Time phrases that open a report's first sentence before its subject: 2021年, / 今年以来,
    [GeneratedRegex(@"^(?:(?:19|20)[0-9]{2}[ \t]*年(?:度|以来)?|今年以来|近年来|一年来|过去一年)[ \t]*[,，]?[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTimePhrase();

    /// <summary>The whole of <paramref name="value"/> when it is an organization's name (a label value or a signature line).</summary>
    public string? AsName(ReadOnlySpan<char> value)
    {
        value = value.Trim().TrimStart("-*·•").Trim();
        var space = value.IndexOfAny(' ', '\t', '\u3000');
        if (space > 0)
        {
            value = value[..space];
        }

        value = value.TrimEnd("。.，,；;：:");
        if (value.Length is < 2 or > MaxName || value.IndexOfAny("。，,；;：:!！?？0123456789") >= 0)
        {
            return null;
        }

        var name = value.ToString();
        if (lexicon.NotOrganizationName.Contains(name) || StartsWithAny(value, lexicon.NotOrganizationStart, lexicon.NotOrganizationStartFirsts))
        {
            return null;
        }

        return EndsWithAny(value, lexicon.OrganizationEndSuffixes) && !EndsWithAny(value, lexicon.NotOrganizationEnd) ? name : null;
    }

    /// <summary>The issuer named at the start of a title: the text before 关于 / the year, when it ends like a name.</summary>
    public string? FromTitle(string title)
    {
        var year = TitleYear().Match(title);
        var stop = year.Success ? year.Index : -1;
        foreach (var word in lexicon.TitleNameStops)
        {
            var at = title.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (stop < 0 || at < stop))
            {
                stop = at;
            }
        }

        if (stop >= 2)
        {
            var prefix = title.AsSpan(0, stop).TrimEnd(" 的");
            if (prefix.Length >= 2 && prefix.Length <= MaxName && EndsWithAny(prefix, lexicon.OrganizationEndSuffixes)
                && !StartsWithAny(prefix, lexicon.NotOrganizationStart, lexicon.NotOrganizationStartFirsts) && !EndsWithAny(prefix, lexicon.NotOrganizationEnd))
            {
                return prefix.ToString();
            }
        }

        // 关于某某镇人民政府2021年度…的报告: the issuer follows 关于.
        foreach (var opener in lexicon.TitleOpeners)
        {
            if (title.StartsWith(opener, StringComparison.Ordinal))
            {
                return Scan(title.AsSpan(opener.Length));
            }
        }

        return Scan(title);
    }

    /// <summary>Whether <paramref name="name"/> is only a place (某某区, 某某县), which a fuller name of the same place should replace.</summary>
    public bool IsPlaceOnly(string name) => !EndsWithAny(name, lexicon.OrganizationSuffixes) && EndsWithAny(name, lexicon.PlaceEndings);

    /// <summary>
    /// The issuer that opens a sentence (龙湖区城管局全面贯彻… / 2021年,市住房和城乡建设局认真… / 2020年,北坡镇在…), or
    /// the issuer of a quoted title the sentence opens with (《某某市人民政府2018年度…报告》是…).
    /// </summary>
    public string? FromOpeningSentence(ReadOnlySpan<char> sentence)
    {
        sentence = sentence.Trim();
        if (sentence.StartsWith("《") && sentence.IndexOf('》') is > 1 and var close)
        {
            return FromTitle(sentence[1..close].ToString());
        }

        var lead = LeadingTimePhrase().Match(sentence.Length > 24 ? sentence[..24].ToString() : sentence.ToString());
        if (lead.Success)
        {
            sentence = sentence[lead.Length..];
        }

        // 在区委、区政府的坚强领导下,官洲街道办事处认真…: the subject follows the adverbial.
        if (sentence.StartsWith("在") && sentence[..Math.Min(sentence.Length, MaxName)].IndexOf("下") is > 0 and var under
            && under + 1 < sentence.Length && sentence[under + 1] is ',' or '，')
        {
            sentence = sentence[(under + 2)..].TrimStart();
        }

        if (StartsWithAny(sentence, lexicon.NotOrganizationStart, lexicon.NotOrganizationStartFirsts))
        {
            return null;
        }

        return Scan(sentence) ?? BeforeSubjectEnd(sentence);
    }

    /// <summary>
    /// A name ended by the word that follows a sentence's subject (北坡镇 | 在…, 生态环境部 | 坚持…): the name then
    /// needs only to end like one (镇, 部), since the following word marks where it stops.
    /// </summary>
    private string? BeforeSubjectEnd(ReadOnlySpan<char> sentence)
    {
        var limit = Math.Min(sentence.Length, MaxName);
        for (var pos = 2; pos < limit; pos++)
        {
            if (!PageLabels.IsIdeograph(sentence[pos - 1]) && sentence[pos - 1] is not (')' or '）'))
            {
                return null;
            }

            if (StartsWithAny(sentence[pos..], lexicon.SubjectEnds, lexicon.SubjectEndStarts))
            {
                return AsName(sentence[..pos]);
            }
        }

        return null;
    }

    /// <summary>The name that opens <paramref name="text"/> (a known suffix after a place), or null.</summary>
    public string? Leading(ReadOnlySpan<char> text) => Scan(text);

    /// <summary>Whether <paramref name="tail"/> (from the last character a shorter name ends with) is a suffix: 委员会 after 委.</summary>
    public bool IsSuffixContinuation(ReadOnlySpan<char> tail) => MatchSuffix(tail) == tail.Length;

    /// <summary>
    /// The shortest name at the start of <paramref name="text"/> that ends with a known suffix and names a place,
    /// extended by suffixes that follow at once (人民政府 + 办公室).
    /// </summary>
    private string? Scan(ReadOnlySpan<char> text)
    {
        var limit = Math.Min(text.Length, MaxName);
        for (var pos = 1; pos < limit; pos++)
        {
            var c = text[pos];
            if (!PageLabels.IsIdeograph(c) && c is not ('(' or ')' or '（' or '）'))
            {
                return null;
            }

            var suffix = MatchSuffix(text[pos..]);
            if (suffix == 0)
            {
                continue;
            }

            var end = pos + suffix;
            int more;
            while (end < text.Length && (more = MatchSuffix(text[end..])) > 0)
            {
                end += more;
            }

            if (ContainsAny(text[..end], lexicon.OrganizationPlaces) && !EndsWithAny(text[..end], lexicon.NotOrganizationEnd))
            {
                return text[..end].ToString();
            }

            pos = end - 1;
        }

        return null;
    }

    private int MatchSuffix(ReadOnlySpan<char> text)
    {
        if (!MayStartWithAny(text, lexicon.OrganizationSuffixStarts))
        {
            return 0;
        }

        foreach (var suffix in lexicon.OrganizationSuffixes)
        {
            if (text.StartsWith(suffix, StringComparison.Ordinal))
            {
                return suffix.Length;
            }
        }

        return 0;
    }

    internal static bool EndsWithAny(ReadOnlySpan<char> text, ImmutableArray<string> suffixes)
    {
        foreach (var s in suffixes)
        {
            if (text.EndsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool StartsWithAny(ReadOnlySpan<char> text, ImmutableArray<string> prefixes)
    {
        foreach (var p in prefixes)
        {
            if (text.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="StartsWithAny(ReadOnlySpan{char}, ImmutableArray{string})"/>, asked only when the first character is some prefix's.</summary>
    private static bool StartsWithAny(ReadOnlySpan<char> text, ImmutableArray<string> prefixes, SearchValues<char> firsts) =>
        MayStartWithAny(text, firsts) && StartsWithAny(text, prefixes);

    /// <summary>False when no (non-empty) word whose first characters are <paramref name="firsts"/> can start <paramref name="text"/>.</summary>
    internal static bool MayStartWithAny(ReadOnlySpan<char> text, SearchValues<char> firsts) => !text.IsEmpty && firsts.Contains(text[0]);

    internal static bool ContainsAny(ReadOnlySpan<char> text, ImmutableArray<string> words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
