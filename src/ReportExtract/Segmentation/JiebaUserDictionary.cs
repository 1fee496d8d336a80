using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportExtract.Segmentation;

/// <summary>
/// Applies a user dictionary as <c>jieba.load_userdict</c> does (line by line through <c>add_word</c>, a missing
/// frequency coming from <c>suggest_freq</c> over the dictionary as it stands at that line), then freezes
/// the result into a new trie. The source segmenter is never touched.
/// </summary>
internal static partial class JiebaUserDictionary
{
    [GeneratedRegex("^(.+?)( [0-9]+)?( [a-z]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UserLine();

    public static JiebaSegmenter Apply(JiebaSegmenter source, IEnumerable<string> lines)
    {
        var overlay = new Overlay(source.Lexicon);
        var forceSplit = source.ForceSplitWords is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(source.ForceSplitWords, StringComparer.Ordinal);
        var lineNumber = 0;

        // jieba reads the file as bytes split at '\n'; a string holding several lines is read the same way.
        foreach (var raw in lines.SelectMany(l => l.Split('\n')))
        {
            lineNumber++;

            // load_userdict strips ASCII whitespace from the raw bytes, then a BOM.
            var line = raw.AsSpan().Trim(" \t\n\r\v\f").TrimStart('\uFEFF');
            if (line.IsEmpty)
            {
                continue;
            }

            // Always matches a non-empty line without '\n': the word is then the shortest prefix that leaves
            // an optional " freq" and an optional " tag" (so "温岭 市" is one word, "市" being no [a-z] tag).
            var match = UserLine().Match(line.ToString());
            var word = match.Groups[1].Value;
            long freq;
            if (match.Groups[2].Success)
            {
                if (!long.TryParse(match.Groups[2].ValueSpan.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out freq) || freq > int.MaxValue)
                {
                    throw new FormatException($"User dictionary line {lineNumber}: the frequency must be below 2^31: {raw}");
                }
            }
            else
            {
                freq = SuggestFrequency(source, overlay, word);
            }

            overlay.Add(word, freq, match.Groups[3].Success ? match.Groups[3].Value.Trim() : null);
            if (freq == 0)
            {
                forceSplit.Add(word);
            }
        }

        return new JiebaSegmenter(overlay.Freeze(), source.WordHmm, source.PosHmm, forceSplit);
    }

    /// <summary>jieba's <c>suggest_freq(word, tune=False)</c>: just enough for the word to be cut whole.</summary>
    private static long SuggestFrequency(JiebaSegmenter source, Overlay overlay, string word)
    {
        var view = new Overlay.View(overlay);
        var total = (double)overlay.Total;
        var probability = 1.0;
        var segments = new List<WordToken>();
        source.CutCore(view, word, hmm: false, segments);
        foreach (var segment in segments)
        {
            var node = overlay.Find(word.AsSpan(segment.Start, segment.Length));
            var f = node is { } n ? view.Frequency(n) : 1;
            probability *= f / total;
        }

        var existing = overlay.Find(word) is { } w ? view.Frequency(w) : 1;
        return Math.Max((long)(probability * overlay.Total) + 1, existing);
    }

    /// <summary>The base trie plus the words added so far, walked side by side.</summary>
    private sealed class Overlay(PrefixLexicon baseLexicon)
    {
        private readonly PrefixLexicon _base = baseLexicon;
        private readonly List<UserNode> _nodes = [new UserNode()];

        public long Total { get; private set; } = baseLexicon.Total;

        public void Add(string word, long freq, string? tag)
        {
            var node = 0;
            foreach (var c in word)
            {
                var current = _nodes[node];
                current.Children ??= [];
                if (!current.Children.TryGetValue(c, out var child))
                {
                    child = _nodes.Count;
                    _nodes.Add(new UserNode());
                    current.Children[c] = child;
                }

                node = child;
            }

            _nodes[node].Frequency = freq;
            if (!string.IsNullOrEmpty(tag))
            {
                _nodes[node].Tag = tag;
            }

            Total += freq;
        }

        public long? Find(ReadOnlySpan<char> word)
        {
            var view = new View(this);
            var node = view.Root;
            foreach (var c in word)
            {
                if (!view.TryStep(ref node, c))
                {
                    return null;
                }
            }

            return node;
        }

        /// <summary>Merges the two tries breadth-first into one frozen trie.</summary>
        public PrefixLexicon Freeze()
        {
            var tagNames = _base.TagNames.ToList();
            var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < tagNames.Count; i++)
            {
                tagIndex[tagNames[i]] = i;
            }

            var capacity = _base.NodeCount + _nodes.Count;
            var labels = new List<char>(capacity) { '\0' };
            var firstChild = new List<int>(capacity + 1);
            var frequency = new List<int>(capacity);
            var tags = new List<byte>(capacity);
            var pairs = new List<(int Base, int User)>(capacity) { (0, 0) };
            var merged = new List<(char Label, int Base, int User)>();
            for (var q = 0; q < pairs.Count; q++)
            {
                var (b, u) = pairs[q];
                firstChild.Add(labels.Count);
                var user = u >= 0 ? _nodes[u] : null;
                frequency.Add((int)(user?.Frequency ?? (b >= 0 ? _base.Frequency(b) : 0)));
                if (user?.Tag is { } tag)
                {
                    if (!tagIndex.TryGetValue(tag, out var index))
                    {
                        index = tagNames.Count;
                        if (index >= byte.MaxValue)
                        {
                            throw new FormatException("The user dictionary uses more tags than a segmenter supports (254).");
                        }

                        tagNames.Add(tag);
                        tagIndex[tag] = index;
                    }

                    tags.Add((byte)(index + 1));
                }
                else
                {
                    tags.Add(b >= 0 ? _base.TagIndex(b) : (byte)0);
                }

                merged.Clear();
                if (b >= 0)
                {
                    for (var child = _base.FirstChild(b); child < _base.ChildEnd(b); child++)
                    {
                        var label = _base.Label(child);
                        merged.Add((label, child, user?.Children is { } uc && uc.TryGetValue(label, out var uChild) ? uChild : -1));
                    }
                }

                if (user?.Children is { } children)
                {
                    foreach (var (label, uChild) in children)
                    {
                        if (b < 0 || _base.Child(b, label) < 0)
                        {
                            merged.Add((label, -1, uChild));
                        }
                    }
                }

                merged.Sort((x, y) => x.Label.CompareTo(y.Label));
                foreach (var (label, bChild, uChild) in merged)
                {
                    labels.Add(label);
                    pairs.Add((bChild, uChild));
                }
            }

            firstChild.Add(labels.Count);
            return new PrefixLexicon([.. labels], [.. firstChild], [.. frequency], [.. tags], [.. tagNames], Total);
        }

        private sealed class UserNode
        {
            public Dictionary<char, int>? Children { get; set; }

            public long? Frequency { get; set; }

            public string? Tag { get; set; }
        }

        /// <summary>Handles pack (base node + 1) in the high half and (user node + 1) in the low half.</summary>
        public readonly struct View(Overlay overlay) : IPrefixLexicon
        {
            public long Root => (1L << 32) | 1L;

            public double UnknownWeight => 0.0 - Math.Log(overlay.Total);

            public bool TryStep(ref long node, char c)
            {
                var b = (int)(node >> 32) - 1;
                var u = (int)(node & 0xFFFFFFFF) - 1;
                var nb = b >= 0 ? overlay._base.Child(b, c) : -1;
                var nu = u >= 0 && overlay._nodes[u].Children is { } children && children.TryGetValue(c, out var child) ? child : -1;
                if (nb < 0 && nu < 0)
                {
                    return false;
                }

                node = ((long)(nb + 1) << 32) | (uint)(nu + 1);
                return true;
            }

            public long Frequency(long node)
            {
                var b = (int)(node >> 32) - 1;
                var u = (int)(node & 0xFFFFFFFF) - 1;
                if (u >= 0 && overlay._nodes[u].Frequency is { } f)
                {
                    return f;
                }

                return b >= 0 ? overlay._base.Frequency(b) : 0;
            }

            public double Weight(long node)
            {
                var frequency = Frequency(node);
                return frequency > 0 ? Math.Log(frequency) - Math.Log(overlay.Total) : double.NaN;
            }
        }
    }
}
