using ReportExtract.Common;

namespace ReportExtract.Sections;

/// <summary>The end of the report: a closing signature (names over a date line) and page furniture are no section's body.</summary>
public sealed partial class SectionSplitter
{
    // Short lines just above a closing date are the signature block, not the last section's body.
    private const int SignatureNameLimit = 30;
    private const int SignatureNameLines = 3;

    // Closing page furniture (分享到, 打印本页) is only looked for on lines this short.
    private const int TrailingChromeLimit = 30;

    /// <summary>Where the last section's body ends: before a closing signature (names over a date line).</summary>
    private int BodyEnd(string text, int lastHeadingLineEnd)
    {
        var end = text.Length;
        var lineStart = PreviousLineStart(text, end);
        while (lineStart > lastHeadingLineEnd && (IsBlankLine(text, lineStart, LineEnd(text, lineStart)) || IsTrailingChrome(text.AsSpan(lineStart, LineEnd(text, lineStart) - lineStart))))
        {
            end = lineStart;
            lineStart = PreviousLineStart(text, lineStart - 1);
        }

        if (lineStart <= lastHeadingLineEnd || DateText.SignatureDate(text.AsSpan(lineStart, LineEnd(text, lineStart) - lineStart)) is null)
        {
            return end;
        }

        var cut = lineStart;
        var names = 0;
        var probe = PreviousLineStart(text, lineStart - 1);
        while (probe > lastHeadingLineEnd && names < SignatureNameLines)
        {
            var probeEnd = LineEnd(text, probe);
            if (!IsBlankLine(text, probe, probeEnd))
            {
                if (!IsSignatureName(text.AsSpan(probe, probeEnd - probe)) || HeadingRecognizer.Recognize(text, probe, probeEnd) is not null)
                {
                    break;
                }

                cut = probe;
                names++;
            }

            probe = PreviousLineStart(text, probe - 1);
        }

        return cut;
    }

    private bool IsTrailingChrome(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length > TrailingChromeLimit)
        {
            return false;
        }

        foreach (var prefix in _trailingChrome)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSignatureName(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.Length is > 0 and <= SignatureNameLimit && line.IndexOfAny("。，,；;：:！？!?") < 0;
    }
}
