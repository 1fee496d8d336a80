using System.Text.RegularExpressions;
using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// Removes page chrome (breadcrumbs, font-size switches, view counters, share and print links, previous/next links)
/// from the text later stages read. Whole chrome lines are dropped; chrome fields inside a line (a trailing
/// 浏览次数:) are cut so the line's metadata (发布日期, 信息来源, 索引号, 文号) stays. The patterns live in
/// Resources/Normalization/chrome-lines.txt.
/// </summary>
public sealed class PageChromeRemover
{
    // Chrome is short; body paragraphs are never tested against the patterns.
    private const int MaxLineLength = 120;
    private const int MaxFieldLineLength = 200;

    private readonly WordSearchValues _keys;
    private readonly WordSearchValues? _fieldKeys;
    private readonly CharBitmap? _lineStarts;

    // The field keys as a small vector-searched set, when they have few enough leads; else they are searched by _fieldKeys.
    private readonly SmallWordSet? _fieldWords;
    private readonly Regex _line;
    private readonly Regex? _field;

    private PageChromeRemover(WordSearchValues keys, WordSearchValues? fieldKeys, SmallWordSet? fieldWords, CharBitmap? lineStarts, Regex line, Regex? field)
    {
        _keys = keys;
        _fieldKeys = fieldKeys;
        _lineStarts = lineStarts;
        _fieldWords = fieldWords;
        _line = line;
        _field = field;
    }

    /// <summary>A remover built from the embedded pattern file (each call reads it afresh).</summary>
    public static PageChromeRemover LoadEmbedded() => Parse(ReadResource());

    /// <summary>Builds a remover from pattern-file text (see chrome-lines.txt for the format).</summary>
    /// <exception cref="FormatException">A line is neither a comment nor a <c>keys</c>/<c>fieldkeys</c>/<c>linestarts</c>/<c>line</c>/<c>field</c> rule, a regex is invalid, or keys are missing.</exception>
    public static PageChromeRemover Parse(string patterns)
    {
        var keys = new List<string>();
        var fieldKeys = new List<string>();
        var lineStarts = new List<char>();
        var lines = new List<string>();
        var fields = new List<string>();
        var number = 0;
        foreach (var raw in patterns.Split('\n'))
        {
            number++;
            var rule = raw.Trim();
            if (rule.Length == 0 || rule.StartsWith('#'))
            {
                continue;
            }

            var space = rule.IndexOfAny([' ', '\t']);
            var kind = space < 0 ? rule : rule[..space];
            var pattern = space < 0 ? string.Empty : rule[space..].Trim();
            if (kind == "linestarts")
            {
                foreach (var start in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    lineStarts.Add(start.Length == 1 ? start[0] : throw new FormatException($"chrome pattern line {number}: 'linestarts' takes single characters"));
                }

                continue;
            }

            if (kind is "keys" or "fieldkeys")
            {
                (kind == "keys" ? keys : fieldKeys).AddRange(pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(k => k.Replace('_', ' ')));
                continue;
            }

            var target = kind switch
            {
                "line" => lines,
                "field" => fields,
                _ => throw new FormatException($"chrome pattern line {number}: expected 'keys <words>', 'fieldkeys <words>', 'linestarts <characters>', 'line <regex>' or 'field <regex>'"),
            };
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"chrome pattern line {number}: {e.Message}", e);
            }

            target.Add(pattern);
        }

        // One alternation per kind: each line is matched once, not once per rule.
        var line = new Regex($"^(?:{string.Join('|', lines.Select(p => $"(?:{p})"))})$", RegexOptions.CultureInvariant);
        var field = fields.Count == 0 ? null : new Regex(string.Join('|', fields.Select(p => $"(?:{p})")), RegexOptions.CultureInvariant);
        if (keys.Count == 0)
        {
            throw new FormatException("chrome patterns: a 'keys' line is required (lines without a key are never tested)");
        }

        // Without field keys the field patterns run on every line that holds a key.
        // Without line starts every short line with a key is tested by the line rules.
        var fieldLeads = fieldKeys.Select(k => k[..Math.Min(2, k.Length)]).Distinct().Count();
        return new PageChromeRemover(
            new WordSearchValues(keys),
            fieldKeys.Count == 0 ? null : new WordSearchValues(fieldKeys),
            fieldLeads is > 0 and <= SmallWordSet.MaxMembers ? new SmallWordSet(fieldKeys) : null,
            lineStarts.Count == 0 ? null : new CharBitmap(lineStarts),
            line,
            field);
    }

    /// <summary>Returns <paramref name="input"/> itself when it holds no chrome.</summary>
    public MappedText Remove(MappedText input)
    {
        var text = input.Text.AsSpan();
        MappedTextBuilder? builder = null;
        var done = 0;
        var start = 0;
        while (start < text.Length)
        {
            var newline = text[start..].IndexOf('\n');
            var end = newline < 0 ? text.Length : start + newline;
            var next = newline < 0 ? text.Length : end + 1;
            var lineStart = start;
            start = next;

            // Chrome is short and holds a key: the report's paragraphs are skipped after one vectorized scan.
            if (end - lineStart > MaxFieldLineLength)
            {
                continue;
            }

            // A line rule needs a line that begins as one can, a field rule a field key: a short line that can meet
            // neither (most of the report's) is not searched for keys at all.
            var line = text[lineStart..end];
            var trimmed = TrimSpacesAndTabs(line);
            var mayBeLine = trimmed.Length is > 0 and <= MaxLineLength && MayStartChromeLine(trimmed[0]);
            if ((!mayBeLine && !HoldsFieldKey(line)) || !line.ContainsAny(_keys) || trimmed.Length == 0)
            {
                continue;
            }

            if (mayBeLine && _line.IsMatch(trimmed))
            {
                builder ??= new MappedTextBuilder(input);
                builder.AppendRun(done, lineStart - done);
                done = next;
            }
            else if (HoldsFieldKey(line))
            {
                // The line's matches are enumerated once: the first says whether the line has a field to cut at all.
                var fields = _field!.EnumerateMatches(line);
                if (fields.MoveNext())
                {
                    builder ??= new MappedTextBuilder(input);
                    builder.AppendRun(done, lineStart - done);
                    done = CutFields(builder, text, lineStart, end, next, fields);
                }
            }
        }

        if (builder is null)
        {
            return input;
        }

        builder.AppendRun(done, text.Length - done);
        return builder.Build();
    }

    /// <summary>
    /// Appends line [start, end) without its chrome fields, the first of which <paramref name="fields"/> stands on;
    /// returns where copying resumes.
    /// </summary>
    private static int CutFields(MappedTextBuilder builder, ReadOnlySpan<char> text, int start, int end, int next, Regex.ValueMatchEnumerator fields)
    {
        var lineStart = builder.Length;
        var kept = start;
        do
        {
            var match = fields.Current;
            builder.AppendRun(kept, start + match.Index - kept);
            kept = start + match.Index + match.Length;
        }
        while (fields.MoveNext());

        builder.AppendRun(kept, end - kept);

        // Spaces the cut left at the line's end are chrome too; a line left blank goes entirely.
        var length = builder.Length;
        while (length > lineStart && IsBlank(builder, length - 1))
        {
            length--;
        }

        builder.Truncate(length);
        if (length == lineStart)
        {
            return next;
        }

        return end;
    }

    // Whether a field rule may match the line: it holds a field key (every line does when none are declared).
    private bool HoldsFieldKey(ReadOnlySpan<char> line) =>
        _field is not null && (_fieldKeys is null || (_fieldWords?.IsContainedIn(line) ?? line.ContainsAny(_fieldKeys)));

    // A line rule may open with \s, so a line that still starts with white space after trimming is always tested.
    private bool MayStartChromeLine(char first) => _lineStarts is null || _lineStarts.Contains(first) || char.IsWhiteSpace(first);

    // Trim(" \t") by hand: the span overload loops over its set of units for every unit it looks at, on every short line.
    private static ReadOnlySpan<char> TrimSpacesAndTabs(ReadOnlySpan<char> line)
    {
        var start = 0;
        while (start < line.Length && line[start] is ' ' or '\t')
        {
            start++;
        }

        var end = line.Length;
        while (end > start && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return line[start..end];
    }

    private static bool IsBlank(MappedTextBuilder builder, int index) => builder[index] is ' ' or '\t';

    private static string ReadResource() => EmbeddedData.ReadText("Normalization/chrome-lines.txt");
}
