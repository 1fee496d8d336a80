using System.Collections.Frozen;
using ReportExtract.Common;

namespace ReportExtract.Metadata;

/// <summary>A labelled value found on a page: <c>发布日期:2022-02-25</c>, or <c>- 索引号:</c> over <c>- 1133…</c>.</summary>
internal readonly record struct LabelledValue(LabelField Field, string Label, string Value);

/// <summary>Finds <c>label:value</c> pairs in metadata lines, several to a line or a label over its value.</summary>
internal sealed class PageLabels(MetadataLexicon lexicon)
{
    // Labels are looked up by span, on every line of the head and the foot: the lookup is made once.
    private readonly FrozenDictionary<string, (LabelField Field, string Label)>.AlternateLookup<ReadOnlySpan<char>> _lookup =
        lexicon.Labels.GetAlternateLookup<ReadOnlySpan<char>>();

    // Longer lines are prose; a label there is a quotation, not page metadata.
    private const int MaxLabelLine = 200;

    private const string Bullets = "-*·•|>";

    // Labels this long are specific enough to be read without a blank or bracket before them.
    private const int GluedLabelLength = 4;
    private const string CellBrackets = "[]【】|";

    /// <summary>
    /// Adds every labelled value in <paramref name="lines"/> to <paramref name="found"/>, in order.
    /// <paramref name="used"/>, when given, receives the indexes of lines that are labels or the values under them,
    /// so that no one mistakes them for prose; <paramref name="valuesBelow"/>, when given, the indexes of the value
    /// lines among them.
    /// </summary>
    public void Scan(string text, List<TextLine> lines, List<LabelledValue> found, HashSet<int>? used, HashSet<int>? valuesBelow = null)
    {
        // One list of the labels of a line, reused for every line and every value line looked at below a label.
        var labels = new List<(LabelField Field, string Label, int Start, int ValueStart)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.End - line.Start > MaxLabelLine)
            {
                continue;
            }

            labels.Clear();
            FindLabels(text, line, labels);
            if (labels.Count == 0)
            {
                continue;
            }

            used?.Add(i);
            for (var k = 0; k < labels.Count; k++)
            {
                var valueEnd = k + 1 < labels.Count ? labels[k + 1].Start : line.End;
                var value = text.AsSpan(labels[k].ValueStart, valueEnd - labels[k].ValueStart).Trim().Trim(CellBrackets).Trim();
                if (value.IsEmpty && k == labels.Count - 1)
                {
                    // The last label of the line: the list is read no further, so it can hold the line below's.
                    var (field, label) = (labels[k].Field, labels[k].Label);
                    labels.Clear();
                    value = ValueBelow(text, lines, i, used, valuesBelow, labels);
                    if (!value.IsEmpty)
                    {
                        found.Add(new LabelledValue(field, label, value.ToString()));
                    }

                    break;
                }

                if (!value.IsEmpty)
                {
                    found.Add(new LabelledValue(labels[k].Field, labels[k].Label, value.ToString()));
                }
            }
        }
    }

    /// <summary>The value on the next non-blank line when the label's own line ends with it.</summary>
    private ReadOnlySpan<char> ValueBelow(string text, List<TextLine> lines, int i, HashSet<int>? used, HashSet<int>? valuesBelow, List<(LabelField, string, int, int)> inner)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 2; j++)
        {
            var candidate = lines[j].TrimmedOf(text).TrimStart(Bullets).TrimStart();
            if (candidate.IsEmpty)
            {
                continue;
            }

            inner.Clear();
            FindLabels(text, lines[j], inner);
            if (inner.Count > 0 || candidate.Length > MaxLabelLine)
            {
                return [];
            }

            used?.Add(j);
            valuesBelow?.Add(j);
            return candidate;
        }

        return [];
    }

    private void FindLabels(string text, TextLine line, List<(LabelField Field, string Label, int Start, int ValueStart)> labels)
    {
        FindColonLabels(text, line, labels);
        if (labels.Count == 0)
        {
            FindSpacedLabels(text, line, labels);
        }
    }

    /// <summary>
    /// Table-shaped pages drop the colon: <c>索引号 1133…/2022-00223 发布机构 温岭市住建局</c>, or a label alone
    /// over its value. Only a line whose first word is a known label is read this way.
    /// </summary>
    private void FindSpacedLabels(string text, TextLine line, List<(LabelField Field, string Label, int Start, int ValueStart)> labels)
    {
        var lookup = _lookup;
        var pos = line.Start;
        var first = true;
        while (pos < line.End)
        {
            while (pos < line.End && (IsSeparator(text[pos]) || (first && Bullets.Contains(text[pos]))))
            {
                pos++;
            }

            // A first word longer than any label is no label, and what it may open with is read from its first
            // LongestLabel + 1 characters: a line of prose is not walked to its end.
            var start = pos;
            var wordLimit = first ? Math.Min(line.End, pos + lexicon.LongestLabel + 1) : line.End;
            while (pos < wordLimit && !IsSeparator(text[pos]))
            {
                pos++;
            }

            if (start == pos)
            {
                break;
            }

            if (lookup.TryGetValue(text.AsSpan(start, pos - start), out var entry))
            {
                labels.Add((entry.Field, entry.Label, start, pos));
            }
            else if (first)
            {
                // 发文日期2022年3月8日: a date or number label glued to its digits.
                if (GluedToDigits(text.AsSpan(start, pos - start)) is { } glued)
                {
                    labels.Add((glued.Field, glued.Label, start, start + glued.Label.Length));
                }

                return;
            }

            first = false;
        }
    }

    /// <summary>The date or number label that <paramref name="word"/> starts with, when digits follow it at once.</summary>
    private (LabelField Field, string Label)? GluedToDigits(ReadOnlySpan<char> word)
    {
        var lookup = _lookup;
        for (var length = Math.Min(lexicon.LongestLabel, word.Length - 1); length >= 2; length--)
        {
            if (char.IsAsciiDigit(word[length]) && lookup.TryGetValue(word[..length], out var entry)
                && entry.Field is LabelField.DocumentDate or LabelField.PublishedDate or LabelField.IndexNumber)
            {
                return entry;
            }
        }

        return null;
    }

    // Blanks and the brackets of [ 索引号 ] / 【发布机构】 table cells separate words in colonless label rows.
    private static bool IsSeparator(char c) => ChineseText.IsBlank(c) || c is '[' or ']' or '【' or '】';

    private void FindColonLabels(string text, TextLine line, List<(LabelField Field, string Label, int Start, int ValueStart)> labels)
    {
        Span<char> run = stackalloc char[lexicon.LongestLabel];
        Span<int> starts = stackalloc int[lexicon.LongestLabel];
        Span<char> buffer = stackalloc char[lexicon.LongestLabel];
        var lookup = _lookup;
        for (var colon = NextColon(text, line.Start, line.End); colon >= 0; colon = NextColon(text, colon + 1, line.End))
        {

            // Walk back over the label's characters; single spaces inside a label (字 号) are allowed.
            var count = 0;
            var j = colon - 1;
            while (j >= line.Start && ChineseText.IsBlank(text[j]))
            {
                j--;
            }

            while (j >= line.Start && count < run.Length && IsIdeograph(text[j]))
            {
                run[count] = text[j];
                starts[count] = j;
                count++;
                j--;

                // Spaced-out labels (字 号, 日  期): step over up to two blanks between ideographs; the
                // boundary check below rejects a run that merely joins a value to the next label.
                var k = j;
                while (k >= line.Start && j - k < 2 && ChineseText.IsBlank(text[k]))
                {
                    k--;
                }

                if (k < j && k >= line.Start && IsIdeograph(text[k]))
                {
                    j = k;
                }
            }

            // Longest known label first: 成文日期 before 日期. A label of four characters or more needs no
            // boundary before it: inline elements (<span>来源:…</span><span>发布日期:…</span>) glue labels to the
            // value before them.
            for (var length = count; length >= 2; length--)
            {
                var start = starts[length - 1];
                if (length < GluedLabelLength && !IsLabelBoundary(text, line.Start, start))
                {
                    continue;
                }

                var label = buffer[..length];
                for (var k = 0; k < length; k++)
                {
                    label[k] = run[length - 1 - k];
                }

                if (lookup.TryGetValue(label, out var entry))
                {
                    labels.Add((entry.Field, entry.Label, start, colon + 1));
                    break;
                }
            }
        }
    }

    /// <summary>The first ':' or '：' in [<paramref name="from"/>, <paramref name="end"/>), or -1.</summary>
    private static int NextColon(string text, int from, int end) =>
        text.AsSpan(from, end - from).IndexOfAny(':', '：') is >= 0 and var at ? from + at : -1;

    private static bool IsLabelBoundary(string text, int lineStart, int start)
    {
        if (start == lineStart)
        {
            return true;
        }

        // A value of digits or Latin letters (a date, an index number) ends where an ideograph label starts.
        var before = text[start - 1];
        return char.IsAsciiLetterOrDigit(before) || char.IsWhiteSpace(before) || before == '\u3000' || "-*·•|>【[(（]】)）,，;；".Contains(before);
    }

    internal static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
