namespace ReportExtract.Cli.Output;

/// <summary>
/// Writes a file so that readers see either its previous content or the complete new content, never a part:
/// bytes go to a temporary file in the same directory (same file system, so the final rename is atomic),
/// which replaces the target only on <see cref="Commit"/>. Disposing without a commit deletes the temporary file.
/// </summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private readonly FileStream _temporary;
    private bool _committed;
    private bool _disposed;

    private AtomicFileWriter(string target, FileStream temporary)
    {
        TargetPath = target;
        _temporary = temporary;
    }

    /// <summary>The absolute path the output will have once committed.</summary>
    public string TargetPath { get; }

    /// <summary>The temporary file being written.</summary>
    public string TemporaryPath => _temporary.Name;

    /// <summary>Where to write the content.</summary>
    public Stream Stream => _temporary;

    /// <summary>True when the target is written in place (a device such as /dev/null or /dev/full, or a pipe): there is no file to replace.</summary>
    public bool IsDirect { get; private init; }

    /// <summary>Starts writing <paramref name="target"/> (absolute) through a fresh temporary file beside it.</summary>
    public static AtomicFileWriter Create(string target)
    {
        if (IsSpecial(target))
        {
            // Renaming a temporary file over /dev/full would replace the device itself (root may do that).
            var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            return new AtomicFileWriter(target, device) { IsDirect = true };
        }

        var directory = Path.GetDirectoryName(target) ?? throw new IOException($"{target}: not a file path");

        // A leading dot hides the partial file from directory listings and from a later `reportx extract dir/`.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        return new AtomicFileWriter(target, stream);
    }

    /// <summary>Makes the written content durable and puts it in place of the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsDirect)
        {
            _temporary.Flush();
            _temporary.Dispose();
            _committed = true;
            return;
        }

        _temporary.Flush(flushToDisk: true);
        _temporary.Dispose();
        File.Move(_temporary.Name, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>
    /// An existing target that is not a regular file. .NET does not expose the file type, so: anything under /dev or
    /// /proc, after following links (/dev/stdout is one). A named pipe elsewhere would be replaced by a file.
    /// </summary>
    private static bool IsSpecial(string target)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target))
        {
            return false;
        }

        var resolved = new FileInfo(target).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? target;
        return resolved.StartsWith("/dev/", StringComparison.Ordinal) || resolved.StartsWith("/proc/", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_committed)
        {
            _temporary.Dispose();
            if (!IsDirect)
            {
                File.Delete(_temporary.Name);
            }
        }
    }
}
