namespace ReportExtract.Common;

/// <summary>Reads the line-oriented data files embedded under <c>Resources/</c>.</summary>
internal static class EmbeddedLexicon
{
    /// <summary>
    /// The meaningful lines of resource <c>ReportExtract.Resources.&lt;area&gt;/&lt;file&gt;</c>: trimmed,
    /// without blank lines and <c>#</c> comments.
    /// </summary>
    public static IEnumerable<string> ReadLines(string area, string file)
    {
        var name = $"ReportExtract.Resources.{area}/{file}";
        using var stream = typeof(EmbeddedLexicon).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(EmbeddedLexicon).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
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

}
