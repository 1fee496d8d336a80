using System.Text;
using System.Text.RegularExpressions;

namespace ReportExtract.Cli.Inputs;

/// <summary>
/// A shell-style pattern matched against '/'-separated relative paths: <c>*</c> and <c>?</c> stay within one
/// segment, <c>**</c> spans any number of directories, <c>[abc]</c> / <c>[!abc]</c> are classes and
/// <c>{txt,html}</c> alternatives. Matching ignores case (scraped files come as .TXT as often as .txt).
/// </summary>
internal sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>True when the pattern can match in subdirectories (it has a separator or <c>**</c>).</summary>
    public bool SpansDirectories => Pattern.Contains('/', StringComparison.Ordinal) || Pattern.Contains("**", StringComparison.Ordinal);

    /// <summary>How many path segments the pattern can match at most; null when <c>**</c> makes it unbounded.</summary>
    public int? MaxDepth => Pattern.Contains("**", StringComparison.Ordinal) ? null : Pattern.Split('/').Length;

    /// <summary>True when <paramref name="text"/> holds a wildcard, class or alternative.</summary>
    public static bool HasWildcards(string text) => text.AsSpan().IndexOfAny("*?[{") >= 0;

    /// <summary>Compiles <paramref name="pattern"/> ('\' is taken as '/' so Windows-style patterns work); throws <see cref="FormatException"/> when malformed.</summary>
    public static Glob Parse(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var regex = new StringBuilder("^");
        Translate(normalized, regex);
        regex.Append('$');
        return new Glob(normalized, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    /// <summary>Whether <paramref name="relativePath"/> ('/'-separated) matches the whole pattern.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    public override string ToString() => Pattern;

    private static void Translate(string pattern, StringBuilder regex)
    {
        var braces = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
                    if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                    {
                        regex.Append("(?:[^/]+/)*");
                        i += 2;
                    }
                    else
                    {
                        regex.Append(".*");
                        i++;
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    i = TranslateClass(pattern, i, regex);
                    break;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braces > 0)
        {
            throw new FormatException($"'{pattern}': a '{{' has no matching '}}'");
        }
    }

    private static int TranslateClass(string pattern, int open, StringBuilder regex)
    {
        var close = pattern.IndexOf(']', open + 2 <= pattern.Length ? open + 2 : pattern.Length);
        if (close < 0)
        {
            throw new FormatException($"'{pattern}': a '[' has no matching ']'");
        }

        var body = pattern.AsSpan(open + 1, close - open - 1);
        regex.Append('[');
        if (body[0] is '!' or '^')
        {
            regex.Append("^/");
            body = body[1..];
        }

        foreach (var c in body)
        {
            // Keep ranges (a-z); escape what a .NET class would read specially.
            regex.Append(c is '\\' or '[' or ']' or '^' ? "\\" + c : c.ToString());
        }

        regex.Append(']');
        return close;
    }
}
