using ReportExtract.Segmentation;

namespace ReportExtract.Tests.Segmentation;

/// <summary>
/// The route's reads of the prefix lexicon (a node's child by label, a node's weight), served from the nodes laid side by
/// side, answer as the lexicon's own arrays of labels, child ranges and frequencies do, for every node of the dictionary.
/// </summary>
public sealed class PrefixLexiconTests
{
    [Fact]
    public void Every_child_and_weight_is_read_as_the_arrays_give_them()
    {
        var lexicon = BuiltIn.Segmenter.Lexicon;
        var logTotal = Math.Log(lexicon.Total);
        var random = new Random(13);
        var view = new PrefixLexicon.View(lexicon);
        for (var node = 0; node < lexicon.NodeCount; node++)
        {
            // The reference: a scan of the node's child range in the label array.
            var first = lexicon.FirstChild(node);
            var end = lexicon.ChildEnd(node);
            for (var child = first; child < end; child++)
            {
                var step = (long)node;
                if (lexicon.Child(node, lexicon.Label(child)) != child || !view.TryStep(ref step, lexicon.Label(child)) || step != child)
                {
                    Assert.Fail($"node {node}: child {child} labelled {lexicon.Label(child)} not found");
                }
            }

            // A label no child has is no step; the first and last labels around the range bound the binary search.
            for (var k = 0; k < 2; k++)
            {
                var c = (char)random.Next(char.MaxValue + 1);
                var expected = -1;
                for (var child = first; child < end; child++)
                {
                    expected = lexicon.Label(child) == c ? child : expected;
                }

                lexicon.Child(node, c).Should().Be(expected, "node {0}, label U+{1:X4}", node, (int)c);
            }

            var frequency = lexicon.Frequency(node);
            var weight = frequency > 0 ? Math.Log(frequency) - logTotal : double.NaN;
            if (!weight.Equals(lexicon.Weight(node)) || !weight.Equals(view.Weight(node)))
            {
                Assert.Fail($"node {node}: weight {lexicon.Weight(node)}, expected {weight}");
            }
        }
    }
}
