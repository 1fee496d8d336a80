using System.Text;

namespace ReportExtract.Cli.Output;

/// <summary>
/// A writer that drops the spaces at the end of every line. Spectre pads grid and table cells to the width of their
/// column, which on a terminal is invisible but in a file or a pipe leaves lines that diff and grep trip over.
/// </summary>
internal sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    /// <summary>Spaces seen but not yet written: they are written only if something other than a line end follows.</summary>
    private int _pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                _pendingSpaces++;
                break;
            case '\n' or '\r':
                _pendingSpaces = 0;
                inner.Write(value);
                break;
            default:
                WritePending();
                inner.Write(value);
                break;
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    /// <summary>Spaces at the very end of the output are trailing too: dropped.</summary>
    public override void Flush() => inner.Flush();

    private void WritePending()
    {
        if (_pendingSpaces > 0)
        {
            inner.Write(new string(' ', _pendingSpaces));
            _pendingSpaces = 0;
        }
    }
}
