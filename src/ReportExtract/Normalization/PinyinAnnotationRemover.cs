using System.Buffers;

namespace ReportExtract.Normalization;

/// <summary>
/// Removes the pinyin some sites insert after characters, as in 區(qū), 習(xí), 設(shè): a parenthesized single syllable
/// with a tone mark, right after a Han character. Parenthesized numbers and references such as (一), (2021年) and
/// (汕府〔2023〕34號) stay, and so does a syllable after anything but a Han character (a(qū) is left alone: it is
/// not the annotation pattern). Toneless syllables stay too, since (de) or (ma) could be ordinary Latin text.
/// </summary>
public sealed class PinyinAnnotationRemover
{
    private const int MaxSyllableLength = 7;
    private static readonly SearchValues<char> OpenParens = SearchValues.Create("(（");
    private static readonly SearchValues<char> ToneMarked = SearchValues.Create("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ");
    private static readonly SearchValues<char> SyllableLetters = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ");

    /// <summary>Returns <paramref name="input"/> itself when it holds no annotation.</summary>
    public MappedText Remove(MappedText input)
    {
        var text = input.Text.AsSpan();
        MappedTextBuilder? builder = null;
        var done = 0;
        var from = 0;
        while (true)
        {
            var next = text[from..].IndexOfAny(OpenParens);
            if (next < 0)
            {
                break;
            }

            var open = from + next;
            var length = AnnotationLength(text, open);
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

    /// <summary>Length of the annotation opening at <paramref name="open"/>, parentheses included, or 0.</summary>
    internal static int AnnotationLength(ReadOnlySpan<char> text, int open)
    {
        if (!HanCharacters.IsHanBefore(text, open))
        {
            return 0;
        }

        var rest = text[(open + 1)..];
        var letters = rest.IndexOfAnyExcept(SyllableLetters);
        if (letters is <= 0 or > MaxSyllableLength || rest[letters] is not (')' or '）'))
        {
            return 0;
        }

        return rest[..letters].ContainsAny(ToneMarked) ? letters + 2 : 0;
    }
}
