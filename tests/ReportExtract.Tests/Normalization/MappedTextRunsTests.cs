using ReportExtract.Normalization;

namespace ReportExtract.Tests.Normalization;

/// <summary>
/// The run-length map against the plain model it replaces (two integers per unit): seeded random derivations
/// (kept runs, replaced and inserted characters, truncation, composition) must map every unit and range alike.
/// </summary>
public sealed class MappedTextRunsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_derivations_map_like_per_unit_tables(int seed)
    {
        var random = new Random(seed);
        var original = new string([.. Enumerable.Range(0, 400).Select(_ => (char)('a' + random.Next(26)))]);
        var text = MappedText.Identity(original);
        var (starts, ends) = (Enumerable.Range(0, original.Length).ToArray(), Enumerable.Range(1, original.Length).ToArray());

        for (var stage = 0; stage < 4; stage++)
        {
            var builder = new MappedTextBuilder(text);
            var (nextStarts, nextEnds) = (new List<int>(), new List<int>());
            var at = 0;
            while (at < text.Text.Length)
            {
                var step = random.Next(1, 12);
                var count = Math.Min(step, text.Text.Length - at);
                switch (random.Next(5))
                {
                    case 0 or 1:
                        builder.AppendRun(at, count);
                        for (var i = at; i < at + count; i++)
                        {
                            nextStarts.Add(starts[i]);
                            nextEnds.Add(ends[i]);
                        }

                        break;
                    case 2:
                        // A phrase replaced by a shorter or longer one: every new unit stands for the whole phrase.
                        var replacement = random.Next(1, 4);
                        for (var r = 0; r < replacement; r++)
                        {
                            builder.Append('X', at, at + count);
                            nextStarts.Add(starts[at]);
                            nextEnds.Add(Math.Max(starts[at], ends[at + count - 1]));
                        }

                        break;
                    case 3:
                        builder.AppendInserted('|', at);
                        nextStarts.Add(starts[at]);
                        nextEnds.Add(starts[at]);
                        break;
                    default:
                        // Dropped (chrome, pinyin), sometimes after taking back what was just appended.
                        if (builder.Length > 2 && random.Next(3) == 0)
                        {
                            var keep = builder.Length - random.Next(1, 3);
                            builder.Truncate(keep);
                            nextStarts.RemoveRange(keep, nextStarts.Count - keep);
                            nextEnds.RemoveRange(keep, nextEnds.Count - keep);
                        }

                        break;
                }

                at += count;
            }

            text = builder.Build();
            (starts, ends) = (nextStarts.ToArray(), nextEnds.ToArray());
            ShouldMap(text, starts, ends, $"seed {seed}, stage {stage}");
        }

        // Composition: the same derivation made from the text alone, then composed, maps the same.
        var again = new MappedTextBuilder(MappedText.Identity(text.Text));
        again.AppendRun(0, text.Text.Length);
        text.Then(again.Build()).Should().BeSameAs(text, "an unchanged derivation composes to the text itself");
        var explicitMap = new MappedText(text.Original, text.Text, starts, ends);
        ShouldMap(explicitMap, starts, ends, $"seed {seed}, per-unit constructor");

        // A derivation that keeps every unit in place but changes some (a one-for-one conversion) composes to the
        // same map for the new text, from a mapped text and from an identity one.
        var converted = new string([.. text.Text.Select(c => c == 'a' ? 'A' : c)]);
        var inPlace = new MappedText(text.Text, converted, [.. Enumerable.Range(0, converted.Length)], [.. Enumerable.Range(1, converted.Length)]);
        var composed = text.Then(inPlace);
        composed.Text.Should().Be(converted);
        ShouldMap(composed, starts, ends, $"seed {seed}, in-place derivation composed");
        var fromIdentity = MappedText.Identity(text.Text).Then(inPlace);
        ShouldMap(fromIdentity, [.. Enumerable.Range(0, converted.Length)], [.. Enumerable.Range(1, converted.Length)], $"seed {seed}, in-place from identity");
        fromIdentity.IsIdentity.Should().BeFalse();

        // One unit shorter or longer is not in place: composed unit by unit as before.
        var shorter = new MappedText(text.Text, converted[..^1], [.. Enumerable.Range(0, converted.Length - 1)], [.. Enumerable.Range(1, converted.Length - 1)]);
        ShouldMap(text.Then(shorter), starts[..^1], ends[..^1], $"seed {seed}, shorter derivation composed");
    }

    private static void ShouldMap(MappedText text, int[] starts, int[] ends, string because)
    {
        text.Text.Length.Should().Be(starts.Length, because);
        for (var i = 0; i < starts.Length; i++)
        {
            (text.OriginalStart(i), text.OriginalEnd(i)).Should().Be((starts[i], ends[i]), "{0}, unit {1}", because, i);
        }

        for (var s = 0; s < starts.Length; s += 7)
        {
            for (var e = s; e <= starts.Length; e += 13)
            {
                var expected = s == e ? (s < starts.Length ? starts[s] : text.Original.Length) : starts[s];
                text.ToOriginal(s, e).Should().Be(
                    (expected, s == e ? expected : Math.Max(starts[s], ends[e - 1])), "{0}, range [{1}, {2})", because, s, e);
            }
        }
    }
}
