using System.Text;
using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The converter's one-table stretches (<see cref="OpenCcDictionary.Units"/>) against the unit-by-unit pass they
/// replaced, kept here as the oracle: the same text and the same original range for every output unit, on every
/// BMP unit alone and on seeded random text that grows and shrinks (二噁英, 䂎, supplementary keys) and realigns.
/// </summary>
public sealed class TraditionalToSimplifiedFastPathTests
{
    private static readonly Lazy<OpenCcDictionary> LazyDictionary = new(OpenCcDictionary.LoadEmbedded);

    private static readonly string[] Pieces =
    [
        "乾隆", "乾乾淨淨", "乾", "二噁英", "噁", "瞭解", "瞭望", "藉口", "於", "著", "後", "臺灣", "颱風", "髮", "發", "鍾",
        "錢鍾書", "麼", "國家", "區域", "與", "為", "說", "這", "們", "個", "大", "中", "文", "国", "们", "台", "后",
        "𩀨", "𨋢", "𧝞", "䂎", "䆉", "𠀀", "\uD85D\uDF5E", "a", "0", " ", "，", "。", "\n", "\uD800", "\uDC00", "\uFFFF",
    ];

    [Fact]
    public void Every_BMP_unit_alone_and_between_others_converts_and_maps_as_the_unit_by_unit_pass()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var unit = ((char)c).ToString();
            Check(unit);
            Check("國" + unit + "a");
        }
    }

    [Fact]
    public void Random_text_converts_and_maps_as_the_unit_by_unit_pass()
    {
        var random = new Random(20261208);
        for (var round = 0; round < 5000; round++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 60); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            Check(text.ToString());
        }
    }

    private static void Check(string input)
    {
        var (text, starts, ends) = Oracle(input);
        var mapped = BuiltIn.Converter.ConvertMapped(input);
        if (mapped.Text != text)
        {
            mapped.Text.Should().Be(text, "input {0}", input);
        }

        for (var k = 0; k < text.Length; k++)
        {
            if (mapped.OriginalStart(k) != starts[k] || mapped.OriginalEnd(k) != ends[k])
            {
                (mapped.OriginalStart(k), mapped.OriginalEnd(k)).Should().Be((starts[k], ends[k]), "unit {0} of input {1}", k, input);
            }
        }
    }

    // The pass before the table: flags per unit, then phrase, surrogate pair, mapped unit or copy, one unit at a time.
    private static (string Text, List<int> Starts, List<int> Ends) Oracle(string text)
    {
        var dictionary = LazyDictionary.Value;
        var output = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        void Emit(string value, int start, int length)
        {
            var sameLength = value.Length == length;
            for (var k = 0; k < value.Length; k++)
            {
                output.Append(value[k]);
                starts.Add(sameLength ? start + k : start);
                ends.Add(sameLength ? start + k + 1 : start + length);
            }
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var f = dictionary.Flags[c];
            if ((f & OpenCcDictionary.PhraseStartFlag) != 0 && dictionary.TryMatchPhrase(text.AsSpan(i), out var phrase, out var length))
            {
                Emit(phrase, i, length);
                i += length;
            }
            else if ((f & OpenCcDictionary.HighSurrogateFlag) != 0)
            {
                var paired = i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                var value = paired && dictionary.TryGetSupplementary(char.ConvertToUtf32(c, text[i + 1]), out var v) ? v : text.Substring(i, paired ? 2 : 1);
                Emit(value, i, paired ? 2 : 1);
                i += paired ? 2 : 1;
            }
            else if ((f & OpenCcDictionary.MappedFlag) != 0)
            {
                Emit(dictionary.BmpReplacement(c), i, 1);
                i++;
            }
            else
            {
                Emit(c.ToString(), i, 1);
                i++;
            }
        }

        return (output.ToString(), starts, ends);
    }
}
