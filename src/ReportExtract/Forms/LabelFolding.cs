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

    /// <summary>
    /// True when the folded text of <paramref name="text"/> contains any of <paramref name="cues"/> (folded), found in
    /// one pass without building the folded copy: the form stage asks this of every report, most have no form, and a
    /// folded copy with its position map costs several bytes per character (hundreds of MB on a 50 MB report).
    /// </summary>
    public static bool FoldedContainsAny(string text, ImmutableArray<string> cues, SearchValues<char> lastChars)
    {
        var longest = 0;
        foreach (var cue in cues)
        {
            longest = Math.Max(longest, cue.Length);
        }

        if (longest == 0)
        {
            return false;
        }

        // The last `longest` folded characters, as a ring; a cue can only end where its last character stands.
        var window = new char[longest];
        var count = 0;
        foreach (var c in text)
        {
            var f = FoldChar(c);
            if (f == '\0')
            {
                continue;
            }

            window[count % longest] = f;
            count++;
            if (!lastChars.Contains(f))
            {
                continue;
            }

            foreach (var cue in cues)
            {
                if (cue.Length <= count && EndsWith(window, count, cue))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool EndsWith(char[] window, int count, string cue)
    {
        for (var j = 0; j < cue.Length; j++)
        {
            if (window[(count - 1 - j) % window.Length] != cue[^(j + 1)])
            {
                return false;
            }
        }

        return true;
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
