using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>Reads a mapped text back as (character, original slice) pairs, the shape most assertions want.</summary>
internal static class MappedTextAssertions
{
    public static string OriginalOf(this MappedText mapped, int index)
    {
        var (start, end) = mapped.ToOriginal(index, index + 1);
        return mapped.Original[start..end];
    }

    public static IEnumerable<(char Char, string Original)> Pairs(this MappedText mapped) =>
        Enumerable.Range(0, mapped.Text.Length).Select(i => (mapped.Text[i], mapped.OriginalOf(i)));
}
