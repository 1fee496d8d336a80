using System.Text;
using System.Text.RegularExpressions;
using ReportExtract.Metrics;
using ReportExtract.Tables;

namespace ReportExtract.Tests.Tables;

/// <summary>
/// The cheap looks the layout readers take at every line before reading it closely answer as the close reading would:
/// a line they pass over is one the close reading finds no row (or no figure) in. Fed seeded random lines over the
/// characters that decide (blanks of every kind, digits of several scripts, brackets, marks, units, Han) and lines
/// built like rows.
/// </summary>
public sealed class TablePrefilterTests
{
    private const string Alphabet = "0123456789０９٣  　　\t\r|:：，,。；;!?(（)）%.件万元宗罚款合计数量一二、-—/年";

    private static readonly LabelValueListReader LabelValue =
        new(UnitLexicon.LoadEmbedded(), new CellShapes(TableWords.LoadEmbedded()));

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    private static IEnumerable<string> Lines(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["罚款", "合计(件)", "行政许可实施数量", "12", "3.5", "2046", "件", "万元", "(宗)", "  ", "　", " ", "\r", "０７", "٣"];
        for (var n = 0; n < 4000; n++)
        {
            var b = new StringBuilder();
            var length = random.Next(0, 60);
            var built = random.Next(2) == 0;
            while (b.Length < length)
            {
                b.Append(built ? pieces[random.Next(pieces.Length)] : Alphabet[random.Next(Alphabet.Length)].ToString());
            }

            yield return b.ToString();
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_line_the_aligned_reader_passes_over_splits_into_no_row(int seed)
    {
        var checkedRows = 0;
        foreach (var line in Lines(seed))
        {
            var range = (0, line.Length);
            if (AlignedTableReader.MayBeRow(line, new LineIndex(line).TextOf(0)))
            {
                checkedRows += AlignedTableReader.Split(line, range) is null ? 0 : 1;
                continue;
            }

            AlignedTableReader.Split(line, range).Should().BeNull($"'{line}' was passed over");
            AlignedTableReader.Split(line, range, singleSpaces: true).Should().BeNull($"'{line}' was passed over");
        }

        checkedRows.Should().BePositive("the lines must hold rows too, or the check proves nothing");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_line_without_a_digit_gives_the_label_value_reader_no_figure(int seed)
    {
        var figures = 0;
        foreach (var line in Lines(seed))
        {
            var entry = LabelValue.Parse(line, new LineIndex(line).TextOf(0));
            if (LabelValueListReader.HasDigit(line))
            {
                figures += entry is { Value.IsEmpty: false } ? 1 : 0;
                continue;
            }

            (entry is null || entry.Value.Value.IsEmpty).Should().BeTrue($"'{line}' holds no digit");
        }

        figures.Should().BePositive("the lines must hold figures too, or the check proves nothing");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_line_the_label_value_reader_rejects_unread_is_no_entry_to_the_pattern(int seed)
    {
        var random = new Random(seed);
        // Pieces of a page's metadata block and of label-value rows: digits in one place or two, points, dashes,
        // every mark the label leaves out, brackets of both widths, units (up to three characters and longer), blanks,
        // words glued after a year.
        string[] pieces = ["- ", "索引号", "发布单位", "罚款", "合计", "行政处罚", "12", "3.5", "2022", "0", "١٢", "１２", ".", "-", "/",
            "|", ":", "：", "，", ",", "。", "；", ";", "(件)", "（万元）", "(", ")", "（", "）", " ", "  ", "\u3000", "件", "万元", "%",
            "人次", "〔", "〕", "号", "年度", "(件;次)", "（万元，件）", "(1:2)", "平方米", "个工作日", "年度法治政府建设"];
        int rejected = 0, read = 0, entries = 0;
        for (var n = 0; n < 6000; n++)
        {
            var b = new StringBuilder();
            for (var k = random.Next(1, 8); k > 0; k--)
            {
                b.Append(pieces[random.Next(pieces.Length)]);
            }

            var line = b.ToString();
            const string before = "前文\n";
            var text = before + line + "\n后文";
            var range = (before.Length, before.Length + line.Length);
            var matched = LabelValue.ParseMatched(text, range);
            entries += matched is null ? 0 : 1;
            if (!LabelValue.CannotBeEntry(line))
            {
                read++;
                continue;
            }

            rejected++;
            matched.Should().BeNull($"'{line}' was rejected unread");
        }

        rejected.Should().BeGreaterThan(1000, "most lines have digits in two places or a mark outside brackets");
        read.Should().BeGreaterThan(1000);
        entries.Should().BeGreaterThan(100, "the lines must hold entries too, or the check proves nothing");
    }

    [Fact]
    public void A_digit_is_any_character_the_pattern_reads_as_one()
    {
        for (var c = char.MinValue; ; c++)
        {
            LabelValueListReader.HasDigit([c]).Should().Be(Regex.IsMatch(c.ToString(), @"\d"), "U+{0:X4}", (int)c);
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void A_label_value_table_among_prose_and_blank_lines_is_still_found()
    {
        var text = "全年行政处罚情况如下，详见下表。\n\n罚款 4\n警告\n没收违法所得3\n行政拘留 2\n\n以上数据截至年底。\n";

        var grid = TableLocator.Find(text).Single();

        grid.Layout.Should().Be(TableLayout.LabelValue);
        grid.Rows.Select(r => r[0].Text).Should().Equal("罚款", "警告", "没收违法所得", "行政拘留");
    }

    [Fact]
    public void Two_figures_in_a_block_of_short_lines_make_no_label_value_table()
    {
        var text = "罚款 4\n警告\n没收违法所得3\n\n行政拘留 2\n";

        TableLocator.Find(text).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Notes_under_captions_are_the_ones_a_search_for_each_caption_word_finds(int seed)
    {
        var words = TableWords.LoadEmbedded();
        var random = new Random(seed);
        string[] pieces = ["2023年行政处罚实施情况统计表", "一览表", "情况表", "计表", "表", "\n", "\n", "说明：", "注:", "1.", "（2）", "算一宗。", "全年办理。", " ", "统计"];
        var found = 0;
        for (var n = 0; n < 300; n++)
        {
            var b = new StringBuilder();
            for (var k = random.Next(0, 30); k > 0; k--)
            {
                b.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = b.ToString();
            var notes = TableContext.NotesUnderCaptions(text, words);
            notes.ToHashSet().Should().BeEquivalentTo(NotesWordByWord(text, words), $"text '{text}'");
            notes.Should().OnlyHaveUniqueItems();
            found += notes.Count;
        }

        found.Should().BePositive("the texts must hold notes too, or the check proves nothing");
    }

    /// <summary>The notes under captions as found before: each caption word searched for through the text in turn.</summary>
    private static HashSet<(int Start, int End)> NotesWordByWord(string text, TableWords words)
    {
        var notes = new HashSet<(int Start, int End)>();
        foreach (var word in words.CaptionEnds)
        {
            for (var k = text.IndexOf(word, StringComparison.Ordinal); k >= 0; k = text.IndexOf(word, k + word.Length, StringComparison.Ordinal))
            {
                var end = k + word.Length;
                var lineEnd = text.IndexOf('\n', end);
                if (text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end).Trim().IsEmpty && TableContext.NoteBelow(text, end) is > 0 and var note)
                {
                    notes.Add((lineEnd, note));
                }
            }
        }

        return notes;
    }
}
