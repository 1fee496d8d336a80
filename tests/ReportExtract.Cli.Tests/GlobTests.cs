using ReportExtract.Cli.Inputs;

namespace ReportExtract.Cli.Tests;

/// <summary>The glob dialect of paths and --include.</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "A.TXT", true)]
    [InlineData("*.txt", "dir/a.txt", false)]
    [InlineData("**/*.txt", "a.txt", true)]
    [InlineData("**/*.txt", "x/y/z/a.txt", true)]
    [InlineData("**/*.txt", "x/y/a.html", false)]
    [InlineData("x/**", "x/y/a.html", true)]
    [InlineData("2021/*.txt", "2021/a.txt", true)]
    [InlineData("2021/*.txt", "2022/a.txt", false)]
    [InlineData("*.{txt,htm,html}", "a.htm", true)]
    [InlineData("*.{txt,htm,html}", "a.md", false)]
    [InlineData("report-??.txt", "report-01.txt", true)]
    [InlineData("report-??.txt", "report-1.txt", false)]
    [InlineData("[abc]*.txt", "b1.txt", true)]
    [InlineData("[!abc]*.txt", "b1.txt", false)]
    [InlineData("[0-9]*.txt", "7.txt", true)]
    [InlineData("温岭*.txt", "温岭市住建局.txt", true)]
    [InlineData("a+b (1).txt", "a+b (1).txt", true)]
    public void Matches(string pattern, string path, bool expected)
    {
        Glob.Parse(pattern).IsMatch(path).Should().Be(expected);
    }

    [Theory]
    [InlineData("*.{txt")]
    [InlineData("[abc.txt")]
    public void Malformed_patterns_are_rejected(string pattern)
    {
        var act = () => Glob.Parse(pattern);

        act.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData("reports/*.txt", true)]
    [InlineData("a[1].txt", true)]
    [InlineData("reports/a.txt", false)]
    public void Wildcards_are_recognized(string text, bool expected)
    {
        Glob.HasWildcards(text).Should().Be(expected);
    }
}
