using System.Text;

namespace ReportExtract.Cli.Inputs;

/// <summary>
/// Turns the arguments of a run into the ordered list of inputs: files as given, directories walked
/// (files matching the include globs), glob patterns expanded by the program itself (so that
/// <c>"reports/**/*.txt"</c> works where no shell expands it), and <c>--files-from</c> lists.
/// </summary>
/// <remarks>
/// The order is the arguments' order; within a directory or a pattern, paths sort ordinally, so a run's
/// output does not depend on the file system's listing order. A file reached twice is read once, at its first place.
/// Hidden entries (names starting with '.') are skipped while walking, and symbolic links to directories are
/// not followed (no cycles). An argument that yields nothing becomes an error item in its place.
/// </remarks>
internal sealed class InputExpander(CliEnvironment environment, IReadOnlyList<Glob> include)
{
    /// <summary>The include globs used when <c>--include</c> is not given.</summary>
    public static readonly string[] DefaultInclude = ["*.txt", "*.htm", "*.html"];

    /// <summary>
    /// Expands positional <paramref name="paths"/>, then the list in <paramref name="filesFrom"/> (a file, or <c>-</c>
    /// for standard input; one path per line, or per NUL byte when <paramref name="nullSeparated"/>).
    /// </summary>
    public List<InputItem> Expand(IEnumerable<string> paths, string? filesFrom, bool nullSeparated = false)
    {
        var items = new List<InputItem>();
        foreach (var path in paths)
        {
            ExpandArgument(path, items);
        }

        if (filesFrom is not null)
        {
            foreach (var line in nullSeparated ? ReadNullSeparatedList(filesFrom) : ReadList(filesFrom))
            {
                ExpandListedPath(line, items);
            }
        }

        return Deduplicate(items);
    }

    private void ExpandArgument(string path, List<InputItem> items)
    {
        if (path == InputItem.StdinPath)
        {
            items.Add(InputItem.Stdin());
            return;
        }

        if (TryResolve(path, items) is not { } full)
        {
            return;
        }

        if (File.Exists(full))
        {
            items.Add(InputItem.File(path, full));
        }
        else if (Directory.Exists(full))
        {
            var before = items.Count;

            // Include globs without a separator match file names at any depth.
            Walk(path, full, include, maxDepth: null, items);
            if (items.Count == before)
            {
                items.Add(InputItem.Failed(path, $"no files matching {string.Join(", ", include)} in this directory (see --include)"));
            }
        }
        else if (Glob.HasWildcards(path))
        {
            ExpandPattern(path, items);
        }
        else
        {
            items.Add(InputItem.Failed(path, "no such file or directory"));
        }
    }

    private void ExpandListedPath(string path, List<InputItem> items)
    {
        if (TryResolve(path, items) is not { } full)
        {
            return;
        }

        if (File.Exists(full))
        {
            items.Add(InputItem.File(path, full));
        }
        else if (Directory.Exists(full))
        {
            items.Add(InputItem.Failed(path, "is a directory (--files-from lists files, one per line)"));
        }
        else
        {
            items.Add(InputItem.Failed(path, "no such file or directory"));
        }
    }

    /// <summary>The absolute path of <paramref name="path"/>, or null (and an error item) when it cannot be a path at all.</summary>
    private string? TryResolve(string path, List<InputItem> items)
    {
        try
        {
            return environment.Resolve(path);
        }
        catch (ArgumentException)
        {
            // A NUL byte in a --files-from list that is not really a list, for instance.
            items.Add(InputItem.Failed(path, "not a valid path"));
            return null;
        }
    }

    /// <summary>Splits a pattern at its first wildcard segment: the literal directory before it is walked, the rest matched.</summary>
    private void ExpandPattern(string pattern, List<InputItem> items)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        var literal = 0;
        while (literal < segments.Length - 1 && !Glob.HasWildcards(segments[literal]))
        {
            literal++;
        }

        // Keep the user's spelling of the literal part (including a leading '/' or './') for the reported paths.
        var baseDisplay = literal == 0 ? string.Empty : string.Join('/', segments[..literal]) + (literal == 1 && segments[0].Length == 0 ? "/" : string.Empty);
        Glob rest;
        try
        {
            rest = Glob.Parse(string.Join('/', segments[literal..]));
        }
        catch (FormatException e)
        {
            items.Add(InputItem.Failed(pattern, e.Message));
            return;
        }

        var baseFull = environment.Resolve(baseDisplay.Length == 0 ? "." : baseDisplay);
        var before = items.Count;
        if (Directory.Exists(baseFull))
        {
            Walk(baseDisplay, baseFull, [rest], rest.MaxDepth, items);
        }

        if (items.Count == before)
        {
            items.Add(InputItem.Failed(pattern, "no files match this pattern"));
        }
    }

    /// <summary>Adds the files under <paramref name="full"/> whose relative path matches one of <paramref name="globs"/>, sorted ordinally.</summary>
    private static void Walk(string display, string full, IReadOnlyList<Glob> globs, int? maxDepth, List<InputItem> items)
    {
        var found = new List<(string Relative, string Full)>();
        var errors = new List<InputItem>();
        WalkDirectory(full, relative: string.Empty, depth: 1, display, globs, maxDepth, found, errors);
        found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        foreach (var (relative, fullPath) in found)
        {
            items.Add(InputItem.File(Join(display, relative), fullPath));
        }

        items.AddRange(errors);
    }

    private static void WalkDirectory(
        string directory, string relative, int depth, string display, IReadOnlyList<Glob> globs, int? maxDepth,
        List<(string, string)> found, List<InputItem> errors)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos("*", new EnumerationOptions
            {
                AttributesToSkip = 0,
                IgnoreInaccessible = false,
                RecurseSubdirectories = false,
                MatchType = MatchType.Simple,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(InputItem.Failed(Join(display, relative), CliErrors.Describe(e)));
            return;
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry is DirectoryInfo)
            {
                if (entry.LinkTarget is null && (maxDepth is null || depth < maxDepth))
                {
                    WalkDirectory(entry.FullName, path, depth + 1, display, globs, maxDepth, found, errors);
                }
            }
            else if (globs.Any(g => g.IsMatch(g.SpansDirectories ? path : entry.Name)))
            {
                found.Add((path, entry.FullName));
            }
        }
    }

    private static string Join(string display, string relative)
    {
        if (display.Length == 0)
        {
            return relative.Replace('/', Path.DirectorySeparatorChar);
        }

        return relative.Length == 0 ? display : Path.Join(display, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>One path per line; blank lines are skipped, a trailing CR (lists made on Windows) is dropped.</summary>
    private IEnumerable<string> ReadList(string filesFrom)
    {
        using var stream = filesFrom == InputItem.StdinPath ? null : new FileStream(environment.Resolve(filesFrom), FileMode.Open, FileAccess.Read);
        using var reader = new StreamReader(stream ?? environment.Stdin, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: stream is null);
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return line;
            }
        }
    }

    /// <summary>Paths separated by NUL bytes (<c>find -print0</c>): taken exactly, line breaks and spaces included; empty entries skipped.</summary>
    private IEnumerable<string> ReadNullSeparatedList(string filesFrom)
    {
        using var stream = filesFrom == InputItem.StdinPath ? null : new FileStream(environment.Resolve(filesFrom), FileMode.Open, FileAccess.Read);
        using var reader = new StreamReader(stream ?? environment.Stdin, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: stream is null);
        var all = reader.ReadToEnd();
        return all.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Keeps the first occurrence of each file (by absolute path); error items all stay.</summary>
    private static List<InputItem> Deduplicate(List<InputItem> items)
    {
        var comparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var seen = new HashSet<string>(comparer);
        var stdinSeen = false;
        var unique = new List<InputItem>(items.Count);
        foreach (var item in items)
        {
            var keep = item switch
            {
                { FullPath: { } full } => seen.Add(full),
                { IsStdin: true } => !stdinSeen && (stdinSeen = true),
                _ => true,
            };
            if (keep)
            {
                unique.Add(item);
            }
        }

        return unique;
    }
}
