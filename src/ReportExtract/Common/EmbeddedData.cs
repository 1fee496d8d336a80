using System.Reflection;
using System.Text;

namespace ReportExtract.Common;

/// <summary>
/// The one reader of data embedded in an assembly. The library's files under <c>Resources/</c> are named by their
/// path there (<c>Metrics/units.tsv</c>); a missing one fails with the name it was looked up by.
/// </summary>
public static class EmbeddedData
{
    // ReportExtract.csproj embeds Resources/** under this prefix plus the path inside Resources.
    private const string LibraryPrefix = "ReportExtract.Resources.";

    /// <summary>Opens resource <paramref name="logicalName"/> of <paramref name="assembly"/> (binary data is read from the stream).</summary>
    /// <exception cref="InvalidOperationException">The assembly holds no such resource: a build that left it out.</exception>
    public static Stream Open(Assembly assembly, string logicalName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException(
                $"embedded resource '{logicalName}' is missing from {assembly.GetName().Name}; check the project's EmbeddedResource items and rebuild");
    }

    /// <summary>The whole of resource <paramref name="logicalName"/> of <paramref name="assembly"/> as UTF-8 text.</summary>
    public static string ReadText(Assembly assembly, string logicalName)
    {
        using var reader = new StreamReader(Open(assembly, logicalName), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Opens the library's data file <c>Resources/<paramref name="path"/></c>.</summary>
    internal static Stream Open(string path) => Open(typeof(EmbeddedData).Assembly, LibraryPrefix + path);

    /// <summary>A UTF-8 reader over the library's data file <c>Resources/<paramref name="path"/></c>.</summary>
    internal static StreamReader OpenText(string path) => new(Open(path), Encoding.UTF8);

    /// <summary>The whole of the library's data file <c>Resources/<paramref name="path"/></c>.</summary>
    internal static string ReadText(string path) => ReadText(typeof(EmbeddedData).Assembly, LibraryPrefix + path);

    /// <summary>The meaningful lines of a word list: trimmed, without blank lines and <c>#</c> comments.</summary>
    internal static IReadOnlyList<string> ReadLines(string path)
    {
        using var reader = OpenText(path);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }

    /// <summary>
    /// The rows of a tab-separated data file, split on tabs and otherwise as written (a cell may hold spaces); empty
    /// lines and lines starting with <c>#</c> skipped.
    /// </summary>
    internal static IReadOnlyList<string[]> ReadRows(string path)
    {
        using var reader = OpenText(path);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
