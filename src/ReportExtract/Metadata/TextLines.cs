namespace ReportExtract.Metadata;

/// <summary>One line of the text: [Start, End) without its line break.</summary>
internal readonly record struct TextLine(int Index, int Start, int End)
{
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);

    public ReadOnlySpan<char> TrimmedOf(string text) => Of(text).Trim();
}

/// <summary>The head and the foot of a report, where its metadata lives, as lines.</summary>
internal static class TextLines
{
    private const int TypicalHeadLines = 16;

    /// <summary>Up to <paramref name="maxLines"/> lines that start before <paramref name="end"/>.</summary>
    public static List<TextLine> Head(string text, int end, int maxLines)
    {
        // Most heads are a few lines (the first heading comes early): the list grows for the few long ones.
        var lines = new List<TextLine>(Math.Min(maxLines, TypicalHeadLines));
        var pos = 0;
        while (pos < end && lines.Count < maxLines)
        {
            var newline = text.IndexOf('\n', pos);
            var lineEnd = newline < 0 ? text.Length : newline;
            lines.Add(new TextLine(lines.Count, pos, lineEnd));
            if (newline < 0)
            {
                break;
            }

            pos = newline + 1;
        }

        return lines;
    }

    /// <summary>The last <paramref name="maxNonBlank"/> non-blank lines that start at or after <paramref name="floor"/>, in order.</summary>
    public static List<TextLine> Foot(string text, int floor, int maxNonBlank) => Foot(text, floor, maxNonBlank, text.Length);

    /// <summary>The same for the lines that end by <paramref name="before"/> (the start of a line).</summary>
    public static List<TextLine> Foot(string text, int floor, int maxNonBlank, int before)
    {
        var lines = new List<TextLine>(maxNonBlank);
        var end = before > 0 && before <= text.Length && text[before - 1] == '\n' ? before - 1 : before;
        var nonBlank = 0;
        while (end > floor && nonBlank < maxNonBlank)
        {
            var newline = end > 0 ? text.LastIndexOf('\n', end - 1) : -1;
            var start = newline + 1;
            if (start < floor)
            {
                break;
            }

            var line = new TextLine(-1, start, end);
            if (!line.TrimmedOf(text).IsEmpty)
            {
                lines.Add(line);
                nonBlank++;
            }

            if (newline < 0)
            {
                break;
            }

            end = newline;
        }

        lines.Reverse();
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = lines[i] with { Index = i };
        }

        return lines;
    }
}
