using System.Collections.Immutable;
using ReportExtract.Common;

namespace ReportExtract.Metrics;

/// <summary>
/// Says which numbers are no figures: ordinals (第55次), names and slogans (“1310”, 三项制度, 十四五), titles
/// (《2021年…细则》), phone numbers, times. The words come from Resources/Metrics/exclusions.tsv.
/// </summary>
internal sealed class MetricExclusions
{
    /// <summary>A quotation this short or shorter is a name or slogan (“最多15个工作日”); longer ones are reported speech.</summary>
    public const int MaxQuotedName = 16;

    /// <summary>A book title longer than this is taken for an unclosed 《 and not masked.</summary>
    public const int MaxTitle = 160;

    private const int PhoneReach = 8;

    private readonly WordSet<bool> _phrases;
    private readonly WordSet<bool> _prefixes;
    private readonly WordSet<bool> _follows;
    private readonly WordSet<bool> _slogans;
    private readonly WordSet<bool> _phoneCues;

    private MetricExclusions(IReadOnlyList<string[]> rows)
    {
        WordSet<bool> Of(string rule) => new(rows.Where(r => r[0] == rule).Select(r => (r[1], true)));
        foreach (var row in rows)
        {
            if (row is not [_, _] || row[0] is not ("phrase" or "prefix" or "follow" or "slogan" or "phone"))
            {
                throw new InvalidDataException($"exclusions.tsv: bad row '{string.Join('\t', row)}'");
            }
        }

        _phrases = Of("phrase");
        _prefixes = Of("prefix");
        _follows = Of("follow");
        _slogans = Of("slogan");
        _phoneCues = Of("phone");
    }

    /// <summary>The exclusions built from the embedded data file (each call reads it afresh).</summary>
    public static MetricExclusions LoadEmbedded() => new([.. EmbeddedData.ReadRows("Metrics/exclusions.tsv")]);

    /// <summary>
    /// Ranges whose numbers are names: 《…》 titles and short quotations. Sorted, non-overlapping; one pass,
    /// and each opening mark looks ahead a bounded distance, so the scan stays linear.
    /// </summary>
    public static ImmutableArray<(int Start, int End)> NameRanges(string text)
    {
        var ranges = ImmutableArray.CreateBuilder<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny("《“\"「‘");
            if (next < 0)
            {
                break;
            }

            var open = i + next;
            var (close, limit) = text[open] switch
            {
                '《' => ('》', MaxTitle),
                '“' => ('”', MaxQuotedName),
                '「' => ('」', MaxQuotedName),
                '‘' => ('’', MaxQuotedName),
                _ => ('"', MaxQuotedName),
            };
            var window = text.AsSpan(open + 1, Math.Min(limit + 1, text.Length - open - 1));
            var end = window.IndexOfAny(close, '\n');
            if (end >= 0 && window[end] == close && (close == '》' || window[..end].IndexOfAny("。；;！？!?") < 0))
            {
                ranges.Add((open, open + 1 + end + 1));
                i = open + 1 + end + 1;
            }
            else
            {
                i = open + 1;
            }
        }

        return ranges.ToImmutable();
    }

    /// <summary>
    /// True when the number <paramref name="number"/>, read with a unit ending at <paramref name="unitEnd"/>,
    /// is an ordinal, a name, a slogan, a time or a phone number rather than a figure.
    /// </summary>
    public bool Excludes(string text, in NumberToken number, int unitEnd, int lineStart)
    {
        var start = number.Start;
        var before = start > 0 ? text[start - 1] : '\n';
        var after = number.End < text.Length ? text[number.End] : '\n';

        // Letters glued to the number make a code or a model (S1, 5G, V3).
        if (char.IsAsciiLetter(before) || char.IsAsciiLetter(after))
        {
            return true;
        }

        // Times (11:30) and dotted dates (5.12 as a day) are no figures.
        if ((before == ':' && start > 1 && ChineseNumberParser.IsArabicDigit(text[start - 2]))
            || (after == ':' && number.End + 1 < text.Length && ChineseNumberParser.IsArabicDigit(text[number.End + 1])))
        {
            return true;
        }

        if (_prefixes.TryMatchEndingAt(text, start, lineStart, out _, out _))
        {
            return true;
        }

        if (_phrases.Covers(text, start, lineStart, out _, out _))
        {
            return true;
        }

        if (_follows.TryMatchAt(text, unitEnd, out _, out _))
        {
            return true;
        }

        // A small Chinese numeral with a measure word before an abstract noun is a slogan (三项制度, 四个意识).
        if (!number.Arabic && number.Value <= 10 && _slogans.TryMatchAt(text, unitEnd, out _, out _))
        {
            return true;
        }

        // Phone and fax numbers: a cue word shortly before.
        for (var end = start; end > Math.Max(lineStart, start - PhoneReach); end--)
        {
            if (_phoneCues.TryMatchEndingAt(text, end, lineStart, out _, out _))
            {
                return true;
            }
        }

        return false;
    }
}
