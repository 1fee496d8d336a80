using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReportExtract.Normalization;

/// <summary>
/// The normalizer's whole-text questions about characters, answered in one pass instead of one pass each: how
/// many traditional-only and simplified-only characters the text holds and whether it holds a Han character
/// (script detection, as <see cref="ScriptEvidence.Count"/> counts them), and whether width folding has anything
/// to do (<see cref="WidthNormalizer.Folds"/>).
/// </summary>
/// <remarks>
/// The pass runs before width folding and pinyin removal, while the script used to be detected after them: the
/// answer is the same because neither stage touches a character that carries script evidence or is Han. Width
/// folding only rewrites or drops units of its own set into ASCII, and pinyin removal only drops parentheses and
/// Latin letters; the constructor refuses a table in which any of those units carries evidence.
/// </remarks>
internal sealed class CharacterCensus
{
    // Each unit adds one to a field of a single 64-bit sum: the field of its class is where its entry shifts the
    // one to. Three fields of 21 bits (traditional-only, simplified-only, foldable) and bit 63 for every other
    // unit, which falls off the top; a block of at most 2^21 - 1 units cannot carry one field into the next.
    private const byte TraditionalShift = 0;
    private const byte SimplifiedShift = 21;
    private const byte FoldableShift = 42;
    private const byte NothingShift = 63;
    private const int FieldBits = 21;
    private const int BlockLength = (1 << FieldBits) - 1;

    // A byte per BMP unit (64 KB, of which the Han, ASCII and punctuation a report holds touch about a third).
    private readonly byte[] _shifts = new byte[char.MaxValue + 1];
    private readonly ScriptEvidence _evidence;

    /// <summary>A census over <paramref name="evidence"/> and the width folding's set of units.</summary>
    /// <exception cref="ArgumentException">A unit that width folding or pinyin removal rewrites carries script evidence.</exception>
    internal CharacterCensus(ScriptEvidence evidence)
    {
        _evidence = evidence;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var unit = (char)c;
            var script = evidence.Of(c);
            var folds = WidthNormalizer.Folds(unit);

            // Folding writes ASCII; pinyin removal drops parentheses and syllable letters.
            if (script != 0 && (folds || PinyinAnnotationRemover.MayRemove(unit) || c < 0x80))
            {
                throw new ArgumentException($"U+{c:X4} carries script evidence but is rewritten before script detection", nameof(evidence));
            }

            _shifts[c] = folds ? FoldableShift : script switch
            {
                ScriptEvidence.TraditionalOnly => TraditionalShift,
                ScriptEvidence.SimplifiedOnly => SimplifiedShift,
                _ => NothingShift,
            };
        }
    }

    /// <summary>The answers for <paramref name="text"/>.</summary>
    // Not inlined: inside the normalizer's large method the JIT ran short of registers and kept the counters on the
    // stack, a store and a load per unit on the loop's critical path (three times slower).
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal Counts Take(ReadOnlySpan<char> text)
    {
        // Supplementary characters (surrogate pairs) are rare in reports: one vectorized scan sends text without
        // them through the plain loop, which needs no pairing.
        if (text.ContainsAnyInRange('\uD800', '\uDBFF'))
        {
            return TakeWithPairs(text);
        }

        int traditional = 0, simplified = 0, foldable = 0;
        for (var start = 0; start < text.Length; start += BlockLength)
        {
            var sums = Sum(text.Slice(start, Math.Min(BlockLength, text.Length - start)));
            const ulong field = (1UL << FieldBits) - 1;
            traditional += (int)((sums >> TraditionalShift) & field);
            simplified += (int)((sums >> SimplifiedShift) & field);
            foldable += (int)((sums >> FoldableShift) & field);
        }

        return new Counts(traditional, simplified, ContainsBmpHan(text), foldable > 0);
    }

    // Branch-free, one load, shift and add per unit, on locals the JIT keeps in registers: every unit of every
    // report comes here. The table has an entry for every char, so its reads need no bounds check; two sums, one
    // for even and one for odd units, halve the chain of dependent additions.
    private ulong Sum(ReadOnlySpan<char> block)
    {
        ref var shifts = ref MemoryMarshal.GetArrayDataReference(_shifts);
        ref var units = ref MemoryMarshal.GetReference(block);
        ulong even = 0, odd = 0;
        var i = 0;
        for (; i + 1 < block.Length; i += 2)
        {
            even += 1UL << Unsafe.Add(ref shifts, Unsafe.Add(ref units, i));
            odd += 1UL << Unsafe.Add(ref shifts, Unsafe.Add(ref units, i + 1));
        }

        if (i < block.Length)
        {
            even += 1UL << Unsafe.Add(ref shifts, Unsafe.Add(ref units, i));
        }

        return even + odd;
    }

    private Counts TakeWithPairs(ReadOnlySpan<char> text)
    {
        var (traditional, simplified, han) = _evidence.Count(text);
        var foldable = false;
        foreach (var c in text)
        {
            foldable |= WidthNormalizer.Folds(c);
        }

        return new Counts(traditional, simplified, han, foldable);
    }

    private static bool ContainsBmpHan(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\u4E00', '\u9FFF') || text.ContainsAnyInRange('\u3400', '\u4DBF') || text.ContainsAnyInRange('\uF900', '\uFAFF');

    /// <summary>What a pass over a text found.</summary>
    /// <param name="Traditional">Traditional-only characters.</param>
    /// <param name="Simplified">Simplified-only characters.</param>
    /// <param name="Han">Whether any Han character occurs.</param>
    /// <param name="Foldable">Whether any unit is one width folding rewrites or drops.</param>
    internal readonly record struct Counts(int Traditional, int Simplified, bool Han, bool Foldable);
}
