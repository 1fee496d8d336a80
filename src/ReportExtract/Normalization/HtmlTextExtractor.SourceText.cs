using System.Net;

namespace ReportExtract.Normalization;

/// <summary>
/// Source alignment: the parser hands over text runs without their positions, so each run is found again in the HTML
/// source (past the markup and entities the parser consumed), and every character keeps its source range.
/// </summary>
public sealed partial class HtmlTextExtractor
{
    // A text run is searched for at most this far past where it should start (past markup the parser dropped).
    private const int MaxResync = 256;

    private sealed partial class Walk
    {
        /// <summary>Finds text run <paramref name="data"/> in the source from the cursor on and emits it char by char.</summary>
        private void AppendText(string data)
        {
            var p = _cursor;
            var j = 0;
            var skipped = 0;
            while (j < data.Length && p < _source.Length)
            {
                var c = _source[p];
                if (c == '&' && TryEntity(p, data, j, out var entityLength, out var decoded))
                {
                    for (var k = 0; k < decoded; k++)
                    {
                        Emit(data[j + k], p, p + entityLength);
                    }

                    j += decoded;
                    p += entityLength;
                    skipped = 0;
                }
                else if (c == '\r' && data[j] == '\n')
                {
                    // The parser reads CRLF and CR as LF.
                    var length = p + 1 < _source.Length && _source[p + 1] == '\n' ? 2 : 1;
                    Emit('\n', p, p + length);
                    j++;
                    p += length;
                    skipped = 0;
                }
                else if (c == data[j])
                {
                    Emit(c, p, p + 1);
                    j++;
                    p++;
                    skipped = 0;
                }
                else if (c == '<' && SkipMarkup(p) is var after && after > p)
                {
                    p = after;
                }
                else if (++skipped > MaxResync)
                {
                    break;
                }
                else
                {
                    p++;
                }
            }

            // Whatever could not be found in the source (should not happen on parsed input) is anchored, not lost.
            var anchor = Math.Min(_cursor, _source.Length);
            for (; j < data.Length; j++)
            {
                Emit(data[j], anchor, anchor);
            }

            _cursor = Math.Max(_cursor, Math.Min(p, _source.Length));
        }

        /// <summary>Past a tag or comment starting at <paramref name="p"/>, or <paramref name="p"/> when it is no markup.</summary>
        private int SkipMarkup(int p)
        {
            if (p + 1 >= _source.Length)
            {
                return p;
            }

            var next = _source[p + 1];
            if (_source.AsSpan(p).StartsWith("<!--"))
            {
                var close = _source.IndexOf("-->", p + 4, StringComparison.Ordinal);
                return close < 0 ? _source.Length : close + 3;
            }

            if (char.IsAsciiLetter(next) || next is '/' or '!' or '?')
            {
                var close = _source.IndexOf('>', p + 1);
                return close < 0 ? _source.Length : close + 1;
            }

            return p;
        }

        /// <summary>Recognizes an entity at <paramref name="p"/> that produced data[j..]: its source length and decoded length.</summary>
        private bool TryEntity(int p, string data, int j, out int entityLength, out int decodedLength)
        {
            entityLength = 0;
            decodedLength = 0;
            var end = p + 1;
            while (end < _source.Length && end - p <= 32 && (char.IsAsciiLetterOrDigit(_source[end]) || _source[end] == '#'))
            {
                end++;
            }

            if (end == p + 1)
            {
                return false;
            }

            var withSemicolon = end < _source.Length && _source[end] == ';';
            var entity = _source.AsSpan(p, end - p + (withSemicolon ? 1 : 0));
            var decoded = withSemicolon ? WebUtility.HtmlDecode(entity.ToString()) : string.Empty;
            if (decoded.Length > 0 && !entity.SequenceEqual(decoded) && data.AsSpan(j).StartsWith(decoded))
            {
                entityLength = entity.Length;
                decodedLength = decoded.Length;
                return true;
            }

            if (data[j] == '&')
            {
                // A bare ampersand, or an entity the parser left as written.
                return false;
            }

            // An entity only the HTML5 table knows (or a legacy one without ';'): one character, two for a surrogate pair.
            entityLength = entity.Length;
            decodedLength = char.IsHighSurrogate(data[j]) && j + 1 < data.Length ? 2 : 1;
            return true;
        }
    }
}
