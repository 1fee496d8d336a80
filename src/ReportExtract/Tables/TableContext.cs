using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ReportExtract.Metrics;

namespace ReportExtract.Tables;

/// <summary>
/// The words a table stands under: its caption and the heading just above it (<c>三、行政复议申请涉及的事项</c>,
/// <c>2023年复议案件审结情况(件)</c>). A cell's own labels often name no case (维持, 罚款, 数量); the table's title says what
/// the whole table counts, so the kind of its cells reads these words as prose reads its clause.
/// </summary>
internal static partial class TableContext
{
    /// <summary>Lines looked at above a table, blank lines aside.</summary>
    private const int MaxLines = 3;

    /// <summary>Longest line taken as a caption or heading; a longer line is prose about more than the table.</summary>
    private const int MaxCaption = 40;

    /// <summary>
    /// The short lines just above <paramref name="start"/>, nearest first, joined: up to two captions or headings, a
    /// sentence between them skipped, never reaching back past <paramref name="floor"/> (the end of the table before).
    /// </summary>
    public static string Above(string text, int start, int floor)
    {
        var parts = new List<string>(2);
        var end = start;
        for (var seen = 0; seen < MaxLines && parts.Count < 2 && end > floor && end > 0;)
        {
            var lineEnd = text.LastIndexOf('\n', Math.Max(0, end - 1));
            if (lineEnd < floor || lineEnd < 0)
            {
                break;
            }

            var lineStart = lineEnd == 0 ? 0 : text.LastIndexOf('\n', lineEnd - 1) + 1;
            var line = text.AsSpan(Math.Max(lineStart, floor), lineEnd - Math.Max(lineStart, floor)).Trim(" \t\r\u3000");
            end = lineStart;
            if (line.IsEmpty)
            {
                continue;
            }

            seen++;
            if (line.Contains('|') || line.Contains('\t') || char.IsAsciiDigit(line[^1]))
            {
                break; // a row of this table or another, not read as one (1.信访举报投诉类申请 0 0 0)
            }

            if (line.Length <= MaxCaption && line.IndexOfAny('。', '；', ';') < 0)
            {
                parts.Add(line.ToString());
            }

            if (lineStart == 0)
            {
                break;
            }
        }

        return string.Join('\n', parts);
    }

    /// <summary>
    /// The end of the note under a table (说明：1.…2.…, 注：…, …统计表说明:), or -1 when none follows it. A note says how
    /// the table counts (并处两种以上行政处罚的，算一宗); its numbers are rules, not figures of the report.
    /// </summary>
    public static int NoteBelow(string text, int end)
    {
        var note = -1;
        var p = text.IndexOf('\n', Math.Min(end, text.Length));
        p = p < 0 ? text.Length : p;
        while (p < text.Length)
        {
            while (p < text.Length && text[p] is '\n' or '\r' or ' ' or '\t' or '\u3000')
            {
                p++;
            }

            var lineEnd = text.IndexOf('\n', p);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var line = text.AsSpan(p, lineEnd - p);
            if (line.IsEmpty || !(note < 0 ? NoteOpening().IsMatch(line) : NoteItem().IsMatch(line)))
            {
                break;
            }

            note = lineEnd;
            p = lineEnd;
        }

        return note;
    }

    /// <summary>
    /// What prose skips: the tables and the notes under them, and the notes under captions with no table read under them
    /// (a note may hold a table of its own: the ranges merge).
    /// </summary>
    public static RangeSet Skipped(string text, ImmutableArray<TableGrid> tables, TableWords words)
    {
        var notes = NotesUnderCaptions(text, words);
        if (tables.IsEmpty && notes.Count == 0)
        {
            return new RangeSet([]); // most texts
        }

        var ranges = new List<(int Start, int End)>();
        var noted = tables.Select(t => (t.Start, End: Math.Max(t.End, NoteBelow(text, t.End)))).Concat(notes);
        foreach (var (start, end) in noted.OrderBy(r => r.Start))
        {
            if (ranges.Count > 0 && start <= ranges[^1].End)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, end));
                continue;
            }

            ranges.Add((start, end));
        }

        return new RangeSet([.. ranges]);
    }

    /// <summary>The notes under caption lines (…统计表) with no table read under them: the page lost the table.</summary>
    /// <remarks>One vectorized pass jumps to the characters a caption word ends with; only there are the words compared.
    /// The notes come in text order; a caller merges them as ranges, so their order does not matter.</remarks>
    public static List<(int Start, int End)> NotesUnderCaptions(string text, TableWords words)
    {
        var notes = new List<(int Start, int End)>();
        var at = 0;
        for (int hit; (hit = text.AsSpan(at).IndexOfAny(words.CaptionEndLasts)) >= 0; at += hit + 1)
        {
            var end = at + hit + 1;
            if (!EndsWithAny(text.AsSpan(0, end), words.CaptionEnds))
            {
                continue;
            }

            var lineEnd = text.IndexOf('\n', end);
            if (text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end).Trim().IsEmpty && NoteBelow(text, end) is > 0 and var note)
            {
                notes.Add((lineEnd, note));
            }
        }

        return notes;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> text, ImmutableArray<string> words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:(?:说明|注|备注)\s*[:：]|[^\n。]{0,30}说明\s*[:：]\s*$)")]
    private static partial Regex NoteOpening();

    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）])")]
    private static partial Regex NoteItem();
}
