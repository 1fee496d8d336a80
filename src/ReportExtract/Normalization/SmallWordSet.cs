using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReportExtract.Common;

namespace ReportExtract.Normalization;

/// <summary>
/// A handful of short words (at most <see cref="MaxMembers"/> distinct leads), looked for eight positions at a time
/// (128-bit vectors, accelerated on every platform the tool ships for): a word of one unit is compared as it is, a
/// longer one by its first two units (a second load one unit further on), and only a position where a lead stands
/// is compared with the whole words. For a few common CJK words this beats a search by first characters, which
/// stops at every 关 or 点 of the report (关于, 重点) where only 关闭 or 点击 is asked for. Immutable.
/// </summary>
internal sealed class SmallWordSet
{
    /// <summary>Most distinct leads (a one-unit word, or the first two units of a longer one) a set takes: each costs a comparison or two per eight units.</summary>
    public const int MaxMembers = 12;

    private readonly string[] _words;
    private readonly Vector128<ushort>[] _firsts;

    // The second unit of each lead; a one-unit word's lead matches any unit there (the mask is zero).
    private readonly Vector128<ushort>[] _seconds;
    private readonly Vector128<ushort>[] _secondMasks;

    // The words' first units, for the few positions after the last block.
    private readonly CharBitmap _starts;

    /// <summary>The set of <paramref name="words"/>.</summary>
    /// <exception cref="ArgumentException">An empty word, or more than <see cref="MaxMembers"/> distinct leads.</exception>
    public SmallWordSet(IEnumerable<string> words)
    {
        _words = [.. words.Distinct(StringComparer.Ordinal)];
        if (_words.Any(w => w.Length == 0))
        {
            throw new ArgumentException("an empty word is in every text: not a set to search", nameof(words));
        }

        var leads = _words.Select(w => w[..Math.Min(2, w.Length)]).Distinct(StringComparer.Ordinal).ToArray();
        if (leads.Length > MaxMembers)
        {
            throw new ArgumentException($"at most {MaxMembers} leads, not {leads.Length}", nameof(words));
        }

        _firsts = [.. leads.Select(l => Vector128.Create((ushort)l[0]))];
        _seconds = [.. leads.Select(l => Vector128.Create(l.Length > 1 ? (ushort)l[1] : (ushort)0))];
        _secondMasks = [.. leads.Select(l => Vector128.Create(l.Length > 1 ? ushort.MaxValue : (ushort)0))];
        _starts = new CharBitmap(_words.Select(w => w[0]));
    }

    /// <summary>True when <paramref name="text"/> holds one of the words.</summary>
    public bool IsContainedIn(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length > Vector128<ushort>.Count)
        {
            // The second load reads one unit further, so blocks stop one unit before the end; the tail is read below.
            ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; i <= text.Length - Vector128<ushort>.Count - 1; i += Vector128<ushort>.Count)
            {
                var block = Vector128.LoadUnsafe(ref units, (nuint)i);
                var firsts = Vector128<ushort>.Zero;
                foreach (var first in _firsts)
                {
                    firsts |= Vector128.Equals(block, first);
                }

                // Most blocks hold no word's first unit; only one that does is compared pair by pair.
                if (firsts == Vector128<ushort>.Zero)
                {
                    continue;
                }

                var next = Vector128.LoadUnsafe(ref units, (nuint)(i + 1));
                var hits = Vector128<ushort>.Zero;
                for (var k = 0; k < _firsts.Length; k++)
                {
                    // A lane matches where its unit is the lead's first and the next unit, masked, its second.
                    hits |= Vector128.Equals(block, _firsts[k]) & Vector128.Equals(next & _secondMasks[k], _seconds[k]);
                }

                for (var bits = hits.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    if (WordAt(text, i + BitOperations.TrailingZeroCount(bits)))
                    {
                        return true;
                    }
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (_starts.Contains(text[i]) && WordAt(text, i))
            {
                return true;
            }
        }

        return false;
    }

    private bool WordAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        foreach (var word in _words)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
