using System.Text;
using ReportExtract.Common;

namespace ReportExtract.Tests.Common;

/// <summary>
/// The word set's look-ups (a word starting at a position, ending at one, covering one) answer what a search through
/// all its words answers: longest first, on every position of report text and of text made of its words, with each
/// word of a data file and every character of the BMP around them.
/// </summary>
public sealed class WordSetTests
{
    public static TheoryData<string, int> Files => new()
    {
        { "Metrics/subject-words.tsv", 1 },
        { "Metrics/qualifiers.tsv", 0 },
        { "Metrics/exclusions.tsv", 1 },
        { "Metrics/units.tsv", 0 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Look_ups_answer_as_a_search_through_every_word(string file, int column)
    {
        string[] words = [.. EmbeddedData.ReadRows(file).Select(r => r[column]).Where(w => w.Length > 0).Distinct()];
        var set = new WordSet<int>(words.Select((w, i) => (w, i)));
        var longestFirst = words.Select((w, i) => (Word: w, Value: i)).OrderByDescending(w => w.Word.Length).ToArray();
        var random = new Random(file.Length);
        var text = new StringBuilder();
        foreach (var word in words)
        {
            text.Append(word).Append((char)random.Next(char.MaxValue + 1));
        }

        for (var c = 0; c <= char.MaxValue; c += 1 + random.Next(3))
        {
            text.Append((char)c).Append(words[random.Next(words.Length)]);
        }

        text.Append(File.ReadAllText(Path.Combine(Repository.Root, "samples", "wenling-government-2021.txt")).AsSpan(0, 4000));
        var s = text.ToString();
        (string Word, int Value) none = (string.Empty, -1);
        for (var p = 0; p <= s.Length; p++)
        {
            // The reference: every word tried in turn, longest first (ties in the data file's order, as the set keeps them).
            var at = longestFirst.FirstOrDefault(w => s.AsSpan(p).StartsWith(w.Word, StringComparison.Ordinal), none);
            set.TryMatchAt(s, p, out var word, out var value).Should().Be(at.Value >= 0, "at {0}", p);
            (word, at.Value >= 0 ? value : -1).Should().Be(at, "at {0}", p);

            var floor = Math.Max(0, p - random.Next(8));
            var ending = longestFirst.FirstOrDefault(w => p - w.Word.Length >= floor && s.AsSpan(p - w.Word.Length).StartsWith(w.Word, StringComparison.Ordinal), none);
            set.TryMatchEndingAt(s, p, floor, out word, out value).Should().Be(ending.Value >= 0, "ending at {0}", p);
            (word, ending.Value >= 0 ? value : -1).Should().Be(ending, "ending at {0}", p);

            if (p < s.Length && p % 5 == 0)
            {
                var covered = set.Covers(s, p, floor, out var start, out var end);
                var expected = longestFirst.Any(w => Enumerable.Range(Math.Max(floor, p - w.Word.Length + 1), Math.Max(0, p + 1 - Math.Max(floor, p - w.Word.Length + 1)))
                    .Any(st => s.AsSpan(st).StartsWith(w.Word, StringComparison.Ordinal)));
                covered.Should().Be(expected, "covering {0}", p);
            }
        }
    }
}
