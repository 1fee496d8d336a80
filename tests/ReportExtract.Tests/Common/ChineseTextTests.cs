using ReportExtract.Common;

namespace ReportExtract.Tests.Common;

/// <summary>The character tests that headings, dates and page labels share.</summary>
public sealed class ChineseTextTests
{
    [Fact]
    public void Blank_answers_every_character_as_the_unicode_definition_does()
    {
        // The definition the fast path stands for: white space but the line break, plus the zero-width space and BOM.
        static bool Reference(char c) => c != '\n' && (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF');

        var differing = Enumerable.Range(char.MinValue, char.MaxValue + 1)
            .Where(c => ChineseText.IsBlank((char)c) != Reference((char)c))
            .Select(c => $"U+{c:X4}");

        differing.Should().BeEmpty();
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\u3000', true)]
    [InlineData('\u00A0', true)]
    [InlineData('\u200B', true)]
    [InlineData('\uFEFF', true)]
    [InlineData('\t', true)]
    [InlineData('\n', false)]
    [InlineData('年', false)]
    [InlineData('、', false)]
    public void Blank_characters(char c, bool blank) => ChineseText.IsBlank(c).Should().Be(blank);
}
