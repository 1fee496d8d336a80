using System.Buffers;
using System.Collections.Frozen;
using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// Removes the pinyin some sites insert after characters, as in 區(qū), 習(xí), 設(shè): a parenthesized single syllable
/// right after a Han character. A syllable with a tone mark is always an annotation. A toneless one (文(wen)章(zhang))
/// is one only on a page that annotates: when the text holds at least <see cref="TonelessEvidence"/> parenthesized
/// syllables of the pinyin table after Han characters; a lone (de) or (ma) could be ordinary Latin text and stays.
/// Parenthesized numbers and references such as (一), (2021年) and (汕府〔2023〕34號) stay, and so does a syllable after
/// anything but a Han character (a(qū) is left alone: it is not the annotation pattern).
/// </summary>
public sealed class PinyinAnnotationRemover
{
    // Annotations a page must hold before its toneless ones are taken for pinyin rather than Latin words.
    private const int TonelessEvidence = 3;

    private const int MaxSyllableLength = 7;

    // Units looked at one by one for the next parenthesis before a vector search (about two annotated characters).
    private const int ShortLook = 16;
    private static readonly SearchValues<char> OpenParens = SearchValues.Create("(（");
    // Bitmaps (see CharBitmap): a syllable is at most a few letters, read one by one after each parenthesis, and
    // whether one carries a tone mark is noted as they are read.
    private static readonly CharBitmap ToneMarked = new("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ");
    private static readonly CharBitmap SyllableLetters = new(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ");

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _syllables =
        EmbeddedData.ReadLines("Normalization/pinyin-syllables.txt").ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="c"/> may be part of an annotation (every other unit is kept).</summary>
    internal static bool MayRemove(char c) => c is '(' or ')' or '（' or '）' || SyllableLetters.Contains(c);

    /// <summary>Returns <paramref name="input"/> itself when it holds no annotation.</summary>
    public MappedText Remove(MappedText input)
    {
        var text = input.Text.AsSpan();

        // Most pages annotate nothing: the count finds no candidate at all, and the text is not read a second time.
        var candidates = CountAnnotations(text);
        if (candidates == 0)
        {
            return input;
        }

        var toneless = candidates >= TonelessEvidence;
        MappedTextBuilder? builder = null;
        var done = 0;
        var from = 0;
        while (true)
        {
            var open = NextOpen(text, from);
            if (open < 0)
            {
                break;
            }

            var length = AnnotationLength(text, open, toneless);
            if (length == 0)
            {
                from = open + 1;
                continue;
            }

            builder ??= new MappedTextBuilder(input);
            builder.AppendRun(done, open - done);
            done = open + length;
            from = done;
        }

        if (builder is null)
        {
            return input;
        }

        builder.AppendRun(done, text.Length - done);
        return builder.Build();
    }

    /// <summary>The first opening parenthesis at or after <paramref name="from"/>, or -1 (as <c>IndexOfAny</c> of both).</summary>
    /// <remarks>
    /// On an annotating page the next parenthesis is a syllable or two on (習(xí)近平): a plain look at the next few
    /// units finds it before a vector search would be set up; only a longer gap goes to the vector search.
    /// </remarks>
    internal static int NextOpen(ReadOnlySpan<char> text, int from)
    {
        var end = Math.Min(text.Length, from + ShortLook);
        for (var i = from; i < end; i++)
        {
            if (text[i] is '(' or '（')
            {
                return i;
            }
        }

        var rest = text[end..].IndexOfAny(OpenParens);
        return rest < 0 ? -1 : end + rest;
    }

    /// <summary>
    /// The annotations (toned or of the pinyin table) the text holds, counted up to <see cref="TonelessEvidence"/>:
    /// as many make it an annotating page.
    /// </summary>
    private int CountAnnotations(ReadOnlySpan<char> text)
    {
        var found = 0;
        var from = 0;
        while (found < TonelessEvidence && text[from..].IndexOfAny(OpenParens) is >= 0 and var next)
        {
            var open = from + next;
            if (AnnotationLength(text, open, toneless: true) > 0)
            {
                found++;
            }

            from = open + 1;
        }

        return found;
    }

    /// <summary>
    /// Length of the annotation opening at <paramref name="open"/>, parentheses included, or 0. A toneless syllable
    /// counts only with <paramref name="toneless"/>, and only in lower case and from the pinyin table.
    /// </summary>
    private int AnnotationLength(ReadOnlySpan<char> text, int open, bool toneless)
    {
        // Most parentheses hold Chinese or digits: one look at the first unit settles them before any scan.
        if (open + 1 >= text.Length || !SyllableLetters.Contains(text[open + 1]) || !HanCharacters.IsHanBefore(text, open))
        {
            return 0;
        }

        var rest = text[(open + 1)..];
        var toned = ToneMarked.Contains(rest[0]);
        var letters = 1;
        while (letters < rest.Length && letters <= MaxSyllableLength && SyllableLetters.Contains(rest[letters]))
        {
            toned |= ToneMarked.Contains(rest[letters]);
            letters++;
        }

        if (letters > MaxSyllableLength || letters == rest.Length || rest[letters] is not (')' or '）'))
        {
            return 0;
        }

        var syllable = rest[..letters];
        if (toned)
        {
            return letters + 2;
        }

        return toneless && _syllables.Contains(syllable) ? letters + 2 : 0;
    }
}
