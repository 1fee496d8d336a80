using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ReportExtract.Forms;

namespace ReportExtract.Tests.Forms;

/// <summary>The one-pass cue search the form stage runs on every report agrees with folding the whole text and searching it.</summary>
public sealed class LabelFoldingTests
{
    private static readonly ImmutableArray<string> Cues =
        [LabelFolding.Fold("收到和处理政府信息公开申请情况"), LabelFolding.Fold("第二十条第（一）项"), LabelFolding.Fold("主动公开政府信息情况")];

    private static readonly SearchValues<char> CueEnds = LabelFolding.CharsFoldingTo(Cues.Select(c => c[^1]));

    [Theory]
    [InlineData("二、主动公开政府信息情况\n第二十条第(一)项", true)]
    [InlineData("三、收到 和 处理 政府信息公开 申请情况", true)]
    [InlineData("第二十条第（一） 项", true)]
    [InlineData("第二十条第“一”项 主动公开政府信息", false)]
    [InlineData("全年主动公开政府信息1565条。", false)]
    [InlineData("", false)]
    public void Finds_a_cue_through_spaces_quotes_and_bracket_widths(string text, bool expected) =>
        LabelFolding.FoldedContainsAny(text, Cues, CueEnds).Should().Be(expected);

    [Theory]
    [InlineData("办理结果（一）", true)]
    [InlineData("办理 结果 (一）\n", true)]
    [InlineData("“办理结果”［一］", false)]
    [InlineData("办理结果（二）", false)]
    public void Finds_a_cue_whose_last_character_is_written_full_width(string text, bool expected)
    {
        ImmutableArray<string> cues = [LabelFolding.Fold("办理结果(一)")];

        LabelFolding.FoldedContainsAny(text, cues, LabelFolding.CharsFoldingTo(cues.Select(c => c[^1]))).Should().Be(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Agrees_with_searching_the_folded_copy_on_random_text(int seed)
    {
        var random = new Random(seed);
        var found = 0;
        const string alphabet = "主动公开政府信息情况收到和处理申请第二十条一项（）() “”\n，。";
        for (var round = 0; round < 500; round++)
        {
            var b = new StringBuilder();
            var length = random.Next(0, 80);
            while (b.Length < length)
            {
                // Pieces of cues with noise between them, so that near misses are common.
                if (random.Next(12) == 0)
                {
                    // A whole cue with a space or a quote in it: folded, it is found.
                    var cue = Cues[random.Next(Cues.Length)];
                    var cut = random.Next(cue.Length + 1);
                    b.Append(cue.AsSpan(0, cut)).Append(random.Next(2) == 0 ? ' ' : '“').Append(cue.AsSpan(cut));
                }
                else if (random.Next(4) == 0)
                {
                    var cue = Cues[random.Next(Cues.Length)];
                    var from = random.Next(cue.Length);
                    b.Append(cue.AsSpan(from, random.Next(1, cue.Length - from + 1)));
                }
                else
                {
                    b.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            var text = b.ToString();
            var naive = Cues.Any(c => LabelFolding.Fold(text).Contains(c, StringComparison.Ordinal));
            found += naive ? 1 : 0;
            LabelFolding.FoldedContainsAny(text, Cues, CueEnds).Should().Be(naive, "text: {0}", text);
        }

        found.Should().BeInRange(20, 480, "the rounds hold texts with and without a cue");
    }

    [Fact]
    public void Every_character_folds_as_the_switch_without_the_Han_shortcut_folds_it()
    {
        for (var c = char.MinValue; ; c++)
        {
            LabelFolding.FoldChar(c).Should().Be(FoldCharWithoutShortcut(c), "U+{0:X4}", (int)c);
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    /// <summary>The fold as it was before Han characters were let through first: every character asked in turn.</summary>
    private static char FoldCharWithoutShortcut(char c) => c switch
    {
        '（' => '(',
        '）' => ')',
        '［' or '【' => '[',
        '］' or '】' => ']',
        '：' => ':',
        '．' => '.',
        '，' => ',',
        '／' => '/',
        '“' or '”' or '‘' or '’' or '"' or '\'' or '「' or '」' => '\0',
        _ when char.IsWhiteSpace(c) => '\0',
        _ => c,
    };
}
