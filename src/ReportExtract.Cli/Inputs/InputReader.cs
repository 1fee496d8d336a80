using ReportExtract.Decoding;

namespace ReportExtract.Cli.Inputs;

/// <summary>The bytes of one input, or why they could not be read.</summary>
internal readonly record struct InputContent(byte[]? Bytes, string? Error);

/// <summary>The decoded text of one input, or why it gave none (unreadable, too large, empty, binary).</summary>
internal readonly record struct InputText(DecodedText? Text, string? Error);

/// <summary>Reads whole inputs into memory, refusing any larger than a limit before reading it.</summary>
internal sealed class InputReader(CliEnvironment environment, long maxBytes)
{
    /// <summary>Reads <paramref name="item"/>; I/O failures become a one-line reason, not an exception.</summary>
    public InputContent Read(InputItem item)
    {
        if (item.Error is not null)
        {
            return new InputContent(null, item.Error);
        }

        try
        {
            if (item.IsStdin)
            {
                return ReadAll(environment.Stdin, knownLength: null);
            }

            using var stream = environment.OpenRead(item.FullPath!);
            return ReadAll(stream, stream.CanSeek ? stream.Length : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Opening a directory fails with "access denied" on Unix; say what it really is.
            return new InputContent(null, item.FullPath is { } full && Directory.Exists(full) ? "is a directory" : CliErrors.Describe(e));
        }
    }

    /// <summary>Reads and decodes <paramref name="item"/> as every command does; failures become a one-line reason.</summary>
    public InputText ReadText(InputItem item, TextDecoder decoder)
    {
        var content = Read(item);
        if (content.Bytes is not { } bytes)
        {
            return new InputText(null, content.Error);
        }

        var decoded = decoder.Decode(bytes);
        return new InputText(decoded.Decoded, decoded.Rejection);
    }

    private InputContent ReadAll(Stream stream, long? knownLength)
    {
        if (knownLength > maxBytes)
        {
            return new InputContent(null, TooLarge(knownLength.Value));
        }

        // Files like those under /proc report a length of 0 and still have content: read those in chunks.
        if (knownLength is { } length and > 0)
        {
            var bytes = new byte[length];
            stream.ReadExactly(bytes);

            // A file that grew while we read it is read as it was when opened: the record describes those bytes.
            return new InputContent(bytes, null);
        }

        // Standard input, pipes, files of unknown length: read in chunks up to the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new InputContent(null, TooLarge(buffer.Length + read));
            }

            buffer.Write(chunk, 0, read);
        }

        return new InputContent(buffer.ToArray(), null);
    }

    private string TooLarge(long bytes) =>
        $"the file is too large ({ByteSize.Format(bytes)}; the limit is {ByteSize.Format(maxBytes)}, see --max-size)";
}
