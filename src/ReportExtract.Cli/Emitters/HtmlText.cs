using System.Buffers;

namespace ReportExtract.Cli.Emitters;

/// <summary>HTML escaping for text content and quoted attribute values alike: report text is data, never markup.</summary>
internal static class HtmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'\r");

    /// <summary>
    /// Writes <paramref name="text"/> with <c>&amp; &lt; &gt; &quot; &#39;</c> escaped, so it is safe in text and in any
    /// quoted attribute; a carriage return is written as a reference because an HTML parser turns a raw CR LF into LF,
    /// and the page's text must stay the original text exactly.
    /// </summary>
    public static void Write(TextWriter writer, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var i = text.IndexOfAny(Special);
            if (i < 0)
            {
                writer.Write(text);
                return;
            }

            writer.Write(text[..i]);
            writer.Write(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => "&#13;",
            });
            text = text[(i + 1)..];
        }
    }

    /// <summary>Writes <c> name="value"</c> (nothing when <paramref name="value"/> is null).</summary>
    public static void Attribute(TextWriter writer, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(' ');
        writer.Write(name);
        writer.Write("=\"");
        Write(writer, value);
        writer.Write('"');
    }

    /// <summary>Writes <c>&lt;tag&gt;text&lt;/tag&gt;</c> with the text escaped.</summary>
    public static void Element(TextWriter writer, string tag, string? text)
    {
        writer.Write('<');
        writer.Write(tag);
        writer.Write('>');
        Write(writer, text);
        writer.Write("</");
        writer.Write(tag);
        writer.Write('>');
    }
}
