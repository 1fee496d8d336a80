namespace ReportExtract.Cli.Tests.Infrastructure;

/// <summary>A stream that accepts <c>limit</c> bytes and then fails every write, as a full disk or a closed pipe does.</summary>
internal sealed class FailingStream(Stream inner, long limit, Func<IOException> failure) : Stream
{
    private long _written;

    /// <summary>The error a write to a pipe without a reader raises on Linux (EPIPE, errno 32).</summary>
    public static IOException BrokenPipe() => new("Broken pipe", 32);

    /// <summary>The error of a full disk (ENOSPC, errno 28).</summary>
    public static IOException DiskFull() => new("No space left on device", 28);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > limit)
        {
            throw failure();
        }

        _written += buffer.Length;
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Marks a test that cannot run as root, with the reason in the skip message.</summary>
internal sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute(string reason)
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file permissions only";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "running as root: " + reason;
        }
    }
}
