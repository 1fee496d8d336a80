using System.Text;

namespace ReportExtract.Cli.Tests.Infrastructure;

/// <summary>A fresh directory for one test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reportx-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes a UTF-8 file at <paramref name="relative"/> ('/'-separated), creating its directories.</summary>
    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Copies a sample report to <paramref name="relative"/>.</summary>
    public string CopySample(string sampleName, string relative) =>
        Write(relative, File.ReadAllBytes(System.IO.Path.Combine(RepoPaths.Samples, sampleName)));

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Every file below the directory, relative, '/'-separated, including hidden ones.</summary>
    public IReadOnlyList<string> AllFiles() =>
        [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
    }
}
