using System.Buffers;
using ReportExtract.Model;

namespace ReportExtract.Normalization;

/// <summary>OpenCC t2s-compatible converter over OpenCC's own dictionaries.</summary>
/// <remarks>
/// OpenCC's t2s config segments the text by maximum matching over TSPhrases, then converts each segment with the
/// group (TSPhrases, TSCharacters), taking the first candidate of an entry. Phrase keys never span a line, and
/// inside a segment the group can only match the segment's phrase or single characters, so the whole chain equals
/// one left-to-right pass: at each character, the longest TSPhrases key starting there, else the TSCharacters
/// entry, else the character itself. That pass is what this class runs, over spans, with no allocation per
/// character. One deliberate difference: OpenCC drops the rest of a line after a U+0000 (it works on C strings);
/// this class converts it like any other text.
/// </remarks>
public sealed class TraditionalToSimplifiedConverter
{
    // Script detection: the minority script may be at most 1/MinorityRatio of the majority's evidence for the
    // text to count as the majority's. A simplified report of thousands of simplified-only characters that
    // quotes a traditional name (臺北, 香港藝術館) stays simplified; a traditional one with stray simplified
    // characters stays traditional; anything more even is mixed.
    private const int MinorityRatio = 20;

    // Where a sentence of mixed text ends (the terminator stays with its sentence).
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？；!?;\n");

    private readonly OpenCcDictionary _dictionary;

    internal TraditionalToSimplifiedConverter(OpenCcDictionary dictionary) => _dictionary = dictionary;

    /// <summary>A converter over the embedded dictionaries (each call loads them afresh); share it between threads.</summary>
    public static TraditionalToSimplifiedConverter LoadEmbedded() => new(OpenCcDictionary.LoadEmbedded());

    /// <summary>Converts the whole text exactly as <c>opencc -c t2s</c> does.</summary>
    public string Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new StringSink(text);
        try
        {
            Run(text, 0, text.Length, ref sink);
            return sink.ToResult();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>
    /// Converts like <see cref="Convert"/>, recording for every output unit the input range it came from: a
    /// replacement of the same UTF-16 length maps unit by unit, one of another length maps each output unit to
    /// the whole replaced range.
    /// </summary>
    public MappedText ConvertMapped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new MappedSink(text, this);
        Run(text, 0, text.Length, ref sink);
        return sink.ToResult();
    }

    /// <summary>
    /// Which script the text is written in, from characters that exist in only one script: <see cref="ScriptKind.None"/>
    /// without Han characters; <see cref="ScriptKind.Simplified"/> when Han characters carry no evidence either way
    /// (nothing to convert); otherwise the majority script when the minority's evidence is at most 1/20 of it
    /// (at most 5 %), else <see cref="ScriptKind.Mixed"/>.
    /// </summary>
    public ScriptKind DetectScript(ReadOnlySpan<char> text)
    {
        var (traditional, simplified, han) = CountEvidence(text);
        if (!han)
        {
            return ScriptKind.None;
        }

        if (traditional == 0 && simplified == 0)
        {
            return ScriptKind.Simplified;
        }

        if ((long)simplified * MinorityRatio <= traditional)
        {
            return ScriptKind.Traditional;
        }

        return (long)traditional * MinorityRatio <= simplified ? ScriptKind.Simplified : ScriptKind.Mixed;
    }

    /// <summary>
    /// The normalizer's policy. None and Simplified text comes back unchanged (identity map); Traditional text is
    /// converted whole, so the result is exactly OpenCC's. Mixed text is converted sentence by sentence: a
    /// sentence ends after 。！？；!?; or a line break; one with more traditional-only than simplified-only
    /// characters is converted, one with more simplified-only is left alone, and one with as many of each (often
    /// none) follows the sentence before it (or, at the start, the first decided one). Adjacent converted
    /// sentences are converted together as one run, so each run is exactly OpenCC's output for that run.
    /// </summary>
    public (MappedText Text, ScriptKind Script) Simplify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var script = DetectScript(text);
        return script switch
        {
            ScriptKind.Traditional => (ConvertMapped(text), script),
            ScriptKind.Mixed => (ConvertTraditionalSentences(text), script),
            _ => (MappedText.Identity(text), script),
        };
    }

    /// <summary>Counts traditional-only and simplified-only characters and says whether any Han character occurs.</summary>
    internal (int Traditional, int Simplified, bool Han) CountEvidence(ReadOnlySpan<char> text)
    {
        var flags = _dictionary.Flags;
        int traditional = 0, simplified = 0, seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int f = flags[text[i]];
            if ((f & OpenCcDictionary.HighSurrogateFlag) != 0 && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
                f = _dictionary.SupplementaryScript(cp) | (cp is >= 0x20000 and <= 0x3FFFF ? OpenCcDictionary.HanFlag : 0);
            }

            // Branch-free counting: most units are Han or ASCII that decide nothing.
            traditional += (f >> 2) & 1;
            simplified += (f >> 3) & 1;
            seen |= f;
        }

        return (traditional, simplified, (seen & OpenCcDictionary.HanFlag) != 0);
    }

    private MappedText ConvertTraditionalSentences(string text)
    {
        // First pass: sentence ends and decisions (1 convert, 0 keep, -1 follow the neighbours).
        var ends = new List<int>();
        var decisions = new List<sbyte>();
        var start = 0;
        while (start < text.Length)
        {
            var cut = text.AsSpan(start).IndexOfAny(SentenceEnds);
            var end = cut < 0 ? text.Length : start + cut + 1;
            var (traditional, simplified, _) = CountEvidence(text.AsSpan(start, end - start));
            ends.Add(end);
            decisions.Add(traditional > simplified ? (sbyte)1 : simplified > traditional ? (sbyte)0 : (sbyte)-1);
            start = end;
        }

        var first = decisions.FindIndex(d => d >= 0);
        var previous = first < 0 ? (sbyte)0 : decisions[first];
        for (var k = 0; k < decisions.Count; k++)
        {
            if (decisions[k] < 0)
            {
                decisions[k] = previous;
            }

            previous = decisions[k];
        }

        var sink = new MappedSink(text, this);
        start = 0;
        var index = 0;
        while (index < decisions.Count)
        {
            var convert = decisions[index] == 1;
            while (index + 1 < decisions.Count && decisions[index + 1] == decisions[index])
            {
                index++;
            }

            var end = ends[index];
            if (convert)
            {
                Run(text, start, end, ref sink);
            }
            else
            {
                sink.Copy(start, end);
            }

            start = end;
            index++;
        }

        return sink.ToResult();
    }

    /// <summary>The conversion pass over text[start..end): copies untouched runs, emits replacements.</summary>
    private void Run<TSink>(string text, int start, int end, ref TSink sink)
        where TSink : struct, IConversionSink
    {
        var flags = _dictionary.Flags;
        var copyFrom = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var f = flags[c];
            if ((f & OpenCcDictionary.ConvertibleMask) == 0)
            {
                i++;
                continue;
            }

            string value;
            int length;
            if ((f & OpenCcDictionary.PhraseStartFlag) != 0
                && _dictionary.TryMatchPhrase(text.AsSpan(i, end - i), out value, out length))
            {
                // Matched below.
            }
            else if ((f & OpenCcDictionary.HighSurrogateFlag) != 0)
            {
                if (i + 1 < end && char.IsLowSurrogate(text[i + 1])
                    && _dictionary.TryGetSupplementary(char.ConvertToUtf32(c, text[i + 1]), out value))
                {
                    length = 2;
                }
                else
                {
                    // An unmapped pair (or a lone surrogate) is copied; never start a match inside a pair.
                    i += i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                    continue;
                }
            }
            else if ((f & OpenCcDictionary.MappedFlag) != 0)
            {
                var unit = _dictionary.BmpSingleUnitReplacement(c);
                if (unit != '\0')
                {
                    if (copyFrom < i)
                    {
                        sink.Copy(copyFrom, i);
                    }

                    sink.ReplaceUnit(i, unit);
                    copyFrom = ++i;
                    continue;
                }

                value = _dictionary.BmpReplacement(c);
                length = 1;
            }
            else
            {
                i++;
                continue;
            }

            if (copyFrom < i)
            {
                sink.Copy(copyFrom, i);
            }

            sink.Replace(i, length, value);
            i += length;
            copyFrom = i;
        }

        if (copyFrom < end)
        {
            sink.Copy(copyFrom, end);
        }
    }

    /// <summary>UTF-16 length of the conversion of text[start..end).</summary>
    private int ConvertedLength(string text, int start, int end)
    {
        var sink = default(CountingSink);
        Run(text, start, end, ref sink);
        return sink.Length;
    }

    /// <summary>Receives the conversion: untouched input ranges and replacements.</summary>
    private interface IConversionSink
    {
        void Copy(int start, int end);

        void Replace(int start, int length, string value);

        /// <summary>One input unit replaced by one output unit.</summary>
        void ReplaceUnit(int start, char value);
    }

    /// <summary>Only measures the output.</summary>
    private struct CountingSink : IConversionSink
    {
        public int Length { get; private set; }

        public void Copy(int start, int end) => Length += end - start;

        public void Replace(int start, int length, string value) => Length += value.Length;

        public void ReplaceUnit(int start, char value) => Length++;
    }

    /// <summary>
    /// Builds the output string in a pooled buffer, rented only at the first replacement: text with nothing to
    /// convert is scanned and returned as it is, without copying.
    /// </summary>
    private struct StringSink : IConversionSink, IDisposable
    {
        private readonly string _input;
        private char[]? _buffer;
        private int _length;

        public StringSink(string input)
        {
            _input = input;
            _buffer = null;
            _length = 0;
        }

        public void Copy(int start, int end)
        {
            if (_buffer is null)
            {
                // Before the first replacement the output is the input's prefix: just remember how long.
                _length = end;
                return;
            }

            Ensure(end - start);
            _input.AsSpan(start, end - start).CopyTo(_buffer.AsSpan(_length));
            _length += end - start;
        }

        public void Replace(int start, int length, string value)
        {
            if (_buffer is null)
            {
                StartBuffer();
            }

            Ensure(value.Length);
            value.AsSpan().CopyTo(_buffer!.AsSpan(_length));
            _length += value.Length;
        }

        public void ReplaceUnit(int start, char value)
        {
            if (_buffer is null)
            {
                StartBuffer();
            }

            Ensure(1);
            _buffer![_length++] = value;
        }

        public readonly string ToResult() => _buffer is null ? _input : new string(_buffer, 0, _length);

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = null;
            }
        }

        private void StartBuffer()
        {
            _buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, _input.Length + 16));
            _input.AsSpan(0, _length).CopyTo(_buffer);
        }

        private void Ensure(int more)
        {
            if (_length + more <= _buffer!.Length)
            {
                return;
            }

            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    /// <summary>Builds the output with its per-unit original ranges, sized for the usual same-length output.</summary>
    private struct MappedSink : IConversionSink
    {
        private readonly string _input;
        private readonly TraditionalToSimplifiedConverter _converter;
        private char[] _text;
        private int[] _starts;
        private int[] _ends;
        private int _length;

        public MappedSink(string input, TraditionalToSimplifiedConverter converter)
        {
            _input = input;
            _converter = converter;
            _text = new char[input.Length];
            _starts = new int[input.Length];
            _ends = new int[input.Length];
            _length = 0;
        }

        public void Copy(int start, int end)
        {
            var count = end - start;
            Ensure(count, end);
            _input.AsSpan(start, count).CopyTo(_text.AsSpan(_length));
            var starts = _starts.AsSpan(_length, count);
            var ends = _ends.AsSpan(_length, count);
            for (var k = 0; k < count; k++)
            {
                starts[k] = start + k;
                ends[k] = start + k + 1;
            }

            _length += count;
        }

        public void Replace(int start, int length, string value)
        {
            Ensure(value.Length, start + length);
            value.AsSpan().CopyTo(_text.AsSpan(_length));
            var sameLength = value.Length == length;
            for (var k = 0; k < value.Length; k++)
            {
                _starts[_length + k] = sameLength ? start + k : start;
                _ends[_length + k] = sameLength ? start + k + 1 : start + length;
            }

            _length += value.Length;
        }

        public void ReplaceUnit(int start, char value)
        {
            Ensure(1, start + 1);
            _text[_length] = value;
            _starts[_length] = start;
            _ends[_length] = start + 1;
            _length++;
        }

        public MappedText ToResult()
        {
            if (_length != _text.Length)
            {
                Array.Resize(ref _text, _length);
                Array.Resize(ref _starts, _length);
                Array.Resize(ref _ends, _length);
            }

            var text = _text.AsSpan().SequenceEqual(_input) ? _input : new string(_text);
            return new MappedText(_input, text, _starts, _ends);
        }

        private void Ensure(int more, int inputConsumed)
        {
            if (_length + more <= _text.Length)
            {
                return;
            }

            // Output grows only where a replacement is longer than its key (䂎 → 𥎝, 二噁英 → 二𫫇英): rare, so the
            // arrays start at the input's length and, when that is not enough, are resized once to the length
            // the rest of the input converts to (exact when converting all of it).
            var size = _length + more + _converter.ConvertedLength(_input, inputConsumed, _input.Length);
            Array.Resize(ref _text, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }
    }
}
