using ReportExtract.Cli.Inputs;
using ReportExtract.Decoding;

namespace ReportExtract.Cli.Commands;

/// <summary>
/// The loop of the commands that print something per input (normalize, segment): each input read and decoded as
/// extract reads it, one line on standard error for an input that gives no text, and the others still processed.
/// </summary>
internal static class InputLoop
{
    /// <summary>
    /// Calls <paramref name="write"/> for the text of each of <paramref name="inputs"/> in order; returns
    /// <see cref="ExitCodes.Failure"/> when any input failed. Cancellation (Ctrl+C) is checked between inputs.
    /// </summary>
    public static int Run(
        IReadOnlyList<InputItem> inputs, InputReader reader, TextDecoder decoder, TextWriter stderr, Action<InputItem, DecodedText> write,
        CancellationToken cancellationToken)
    {
        var failed = false;
        foreach (var item in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = reader.ReadText(item, decoder);
            if (input.Text is not { } text)
            {
                stderr.WriteLine($"reportx: {item.Path}: {input.Error}");
                failed = true;
                continue;
            }

            write(item, text);
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
