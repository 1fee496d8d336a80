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
public sealed partial class TraditionalToSimplifiedConverter
{
    // Script detection: the minority script may be at most 1/MinorityRatio of the majority's evidence for the
    // text to count as the majority's. A simplified report of thousands of simplified-only characters that
    // quotes a traditional name (臺北, 香港藝術館) stays simplified; a traditional one with stray simplified
    // characters stays traditional; anything more even is mixed.
    private const int MinorityRatio = 20;

    // Where a sentence of mixed text ends (the terminator stays with its sentence).
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？；!?;\n");

    private readonly ScriptEvidence _evidence;

    // Most reports are simplified and never convert a character: the dictionaries are parsed by the first call that
    // converts (once, whichever worker thread gets there first), not when the converter is built.
    private readonly Lazy<OpenCcDictionary> _dictionary;

    internal TraditionalToSimplifiedConverter(ScriptEvidence evidence, Func<OpenCcDictionary> loadDictionary)
    {
        _evidence = evidence;
        _dictionary = new Lazy<OpenCcDictionary>(loadDictionary, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// A converter over the embedded dictionaries (each call builds its own); share it between threads. Only the
    /// small script table is read here: the dictionaries are loaded on the first text that has something to convert.
    /// </summary>
    public static TraditionalToSimplifiedConverter LoadEmbedded() => new(ScriptEvidence.LoadEmbedded(), OpenCcDictionary.LoadEmbedded);

    /// <summary>Whether the conversion dictionaries have been loaded (by a conversion) yet.</summary>
    internal bool DictionaryLoaded => _dictionary.IsValueCreated;

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
    /// Which script the text is written in, from characters that exist in only one script: <see cref="ScriptKind.None"/>
    /// without Han characters; <see cref="ScriptKind.Simplified"/> when Han characters carry no evidence either way
    /// (nothing to convert); otherwise the majority script when the minority's evidence is at most 1/20 of it
    /// (at most 5 %), else <see cref="ScriptKind.Mixed"/>.
    /// </summary>
    public ScriptKind DetectScript(ReadOnlySpan<char> text)
    {
        var (traditional, simplified, han) = CountEvidence(text);
        return DetectScript(traditional, simplified, han);
    }

    /// <summary>The script <see cref="DetectScript(ReadOnlySpan{char})"/> gives a text of these counts.</summary>
    internal static ScriptKind DetectScript(int traditional, int simplified, bool han)
    {
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
        return (Simplify(text, script), script);
    }

    /// <summary><see cref="Simplify(string)"/> of a text whose script is already known to be <paramref name="script"/>.</summary>
    internal MappedText Simplify(string text, ScriptKind script) => script switch
    {
        ScriptKind.Traditional => ConvertMapped(text),
        ScriptKind.Mixed => ConvertTraditionalSentences(text),
        _ => MappedText.Identity(text),
    };

    /// <summary>The table script detection counts with.</summary>
    internal ScriptEvidence Evidence => _evidence;

    /// <summary>Counts traditional-only and simplified-only characters and says whether any Han character occurs.</summary>
    internal (int Traditional, int Simplified, bool Han) CountEvidence(ReadOnlySpan<char> text) => _evidence.Count(text);

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
        try
        {
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
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>The conversion pass over text[start..end): copies untouched runs, emits replacements.</summary>
    private void Run<TSink>(string text, int start, int end, ref TSink sink)
        where TSink : struct, IConversionSink
    {
        var dictionary = _dictionary.Value;
        var units = dictionary.Units;
        var i = start;
        while (true)
        {
            // Units that convert one for one or stay (nearly all of them) go through in one stretch; the loop
            // looks closer only where a phrase may start, at a surrogate or at a longer replacement.
            i = sink.MapUnits(i, end, units);
            if (i >= end)
            {
                return;
            }

            var c = text[i];
            var f = dictionary.Flags[c];
            if ((f & OpenCcDictionary.PhraseStartFlag) != 0
                && dictionary.TryMatchPhrase(text.AsSpan(i, end - i), out var phrase, out var length))
            {
                sink.Replace(i, length, phrase);
                i += length;
            }
            else if ((f & OpenCcDictionary.HighSurrogateFlag) != 0)
            {
                var paired = i + 1 < end && char.IsLowSurrogate(text[i + 1]);
                if (paired && dictionary.TryGetSupplementary(char.ConvertToUtf32(c, text[i + 1]), out var value))
                {
                    sink.Replace(i, 2, value);
                }
                else
                {
                    // An unmapped pair (or a lone surrogate) is copied; never start a match inside a pair.
                    sink.Copy(i, paired ? i + 2 : i + 1);
                }

                i += paired ? 2 : 1;
            }
            else if ((f & OpenCcDictionary.MappedFlag) != 0)
            {
                var unit = dictionary.BmpSingleUnitReplacement(c);
                if (unit != '\0')
                {
                    sink.ReplaceUnit(i, unit);
                }
                else
                {
                    sink.Replace(i, 1, dictionary.BmpReplacement(c));
                }

                i++;
            }
            else
            {
                sink.Copy(i, i + 1);
                i++;
            }
        }
    }

    /// <summary>UTF-16 length of the conversion of text[start..end).</summary>
    private int ConvertedLength(string text, int start, int end)
    {
        var sink = new CountingSink(text);
        Run(text, start, end, ref sink);
        return sink.Length;
    }
}
