using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportExtract.Forms;

/// <summary>
/// Folds labels and text to one spelling for tolerant matching: spaces and quotes dropped, full-width brackets and
/// punctuation made half-width, so （一）予以公开, (一)予以公开 and （一） 予以 公开 all read (一)予以公开.
/// </summary>
internal static partial class LabelFolding
{
    /// <summary>The folded form of one character, or '\0' when folding drops it.</summary>
    public static char FoldChar(char c) => c switch
    {
        // Most characters of a report are Han: none folds, and none is white space (asking that costs a table look-up).
        >= '\u4e00' and <= '\u9fff' => c,
        '（' => '(',
        '）' => ')',
        '［' or '【' => '[',
        '］' or '】' => ']',
        '：' => ':',
        '．' => '.',
        '，' => ',',
        '／' => '/',
        '“' or '”' or '‘' or '’' or '"' or '\'' or '「' or '」' => '\0',
        _ when char.IsWhiteSpace(c) => '\0',
        _ => c,
    };

    /// <summary>The folded text of <paramref name="s"/>.</summary>
    public static string Fold(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var f = FoldChar(c);
            if (f != '\0')
            {
                b.Append(f);
            }
        }

        return b.ToString();
    }

    /// <summary>Every character whose folded form is one of <paramref name="folded"/> (（ for (, the character itself for 况).</summary>
    public static SearchValues<char> CharsFoldingTo(IEnumerable<char> folded)
    {
        var wanted = folded.ToHashSet();
        var chars = new List<char>();
        for (var c = char.MinValue; ; c++)
        {
            if (wanted.Contains(FoldChar(c)))
            {
                chars.Add(c);
            }

            if (c == char.MaxValue)
            {
                break;
            }
        }

        return SearchValues.Create([.. chars]);
    }

    /// <summary>
    /// True when the folded text of <paramref name="text"/> contains any of <paramref name="cues"/> (folded), found
    /// without building the folded copy: the form stage asks this of every report, most have no form, and a folded
    /// copy with its position map costs several bytes per character (hundreds of MB on a 50 MB report).
    /// <paramref name="cueEnds"/> holds every character that folds to a cue's last character
    /// (<see cref="CharsFoldingTo"/>): a vectorized search jumps from one to the next, and only there is the text
    /// read backwards, folding as it goes, against each cue.
    /// </summary>
    public static bool FoldedContainsAny(string text, ImmutableArray<string> cues, SearchValues<char> cueEnds)
    {
        var at = 0;
        int hit;
        while ((hit = text.AsSpan(at).IndexOfAny(cueEnds)) >= 0)
        {
            var end = at + hit;
            var last = FoldChar(text[end]);
            foreach (var cue in cues)
            {
                // Only the cues ending in this character are read back (情况 ends three of the form's cues, 项 the rest).
                if (cue.Length > 0 && cue[^1] == last && FoldedEndsWith(text, end, cue))
                {
                    return true;
                }
            }

            at = end + 1;
        }

        return false;
    }

    /// <summary>True when the folded text up to and including text[<paramref name="last"/>] ends with <paramref name="cue"/>.</summary>
    private static bool FoldedEndsWith(string text, int last, string cue)
    {
        var j = cue.Length - 1;
        for (var i = last; i >= 0; i--)
        {
            var f = FoldChar(text[i]);
            if (f == '\0')
            {
                continue;
            }

            if (f != cue[j])
            {
                return false;
            }

            if (--j < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The part of a label every publisher writes: folded, without its outline ordinal (一、 (一) 1.) and without a
    /// trailing bracketed note ((区分处理的，只计这一情形…)), which many omit or shorten.
    /// </summary>
    public static string Core(string label)
    {
        var folded = Fold(label);
        var ordinal = Ordinal().Match(folded);
        if (ordinal.Success && ordinal.Length < folded.Length)
        {
            folded = folded[ordinal.Length..];
        }

        var open = folded.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && folded[^1] == ')' ? folded[..open] : folded;
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、])")]
    private static partial Regex Ordinal();
}

/// <summary>A stretch of text folded with <see cref="LabelFolding"/>, each folded character mapped to its position in the text.</summary>
internal sealed class FoldedText
{
    private readonly int[] _positions;

    public FoldedText(string text)
    {
        var b = new StringBuilder(text.Length);
        var positions = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var f = LabelFolding.FoldChar(text[i]);
            if (f != '\0')
            {
                b.Append(f);
                positions.Add(i);
            }
        }

        Folded = b.ToString();
        _positions = [.. positions];
    }

    /// <summary>The folded characters.</summary>
    public string Folded { get; }

    /// <summary>The text position of folded position <paramref name="k"/> (the text's end past the last).</summary>
    public int Start(int k, int textLength) => k < _positions.Length ? _positions[k] : textLength;

    /// <summary>The text position just after folded character <paramref name="k"/> − 1, i.e. the end of a match ending at <paramref name="k"/>.</summary>
    public int End(int k) => k == 0 ? 0 : _positions[k - 1] + 1;

    /// <summary>The first folded position at or after text position <paramref name="position"/>.</summary>
    public int FoldedAt(int position)
    {
        var k = Array.BinarySearch(_positions, position);
        return k >= 0 ? k : ~k;
    }
}
