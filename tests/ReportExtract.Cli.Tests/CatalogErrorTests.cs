using ReportExtract.Cli.Tests.Infrastructure;

namespace ReportExtract.Cli.Tests;

/// <summary>A --catalog file that cannot be used is a usage error naming the file, the line and the problem.</summary>
public sealed class CatalogErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_catalog_that_is_not_json_names_the_line_where_it_breaks()
    {
        _temp.Write("bad.json", "{\n  \"indicators\": [\n    { \"id\": \"mediations\" \"rules\": [] }\n  ]\n}\n");

        var result = Run("extract", RepoPaths.Samples, "--catalog", "bad.json");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.ErrorLines[0].Should().StartWith("reportx: --catalog bad.json: line 3: not valid catalog JSON (");
        result.ErrorLines[^1].Should().Be("try 'reportx extract --help'");
        result.Stderr.Should().NotContain("internal error").And.NotContain("   at ").And.NotContain("LineNumber");
    }

    [Fact]
    public void A_catalog_entry_that_breaks_the_rules_is_named_by_the_line_it_starts_on()
    {
        _temp.Write("rules.json", """
            {
              "indicators": [
                { "id": "night_markets", "rules": [ { "subject": ["夜市"] } ] },
                {
                  "id": "street_stalls",
                  "kinds": ["count"]
                }
              ]
            }
            """);

        var result = Run("extract", RepoPaths.Samples, "--catalog", "rules.json");

        result.ExitCode.Should().Be(2);
        result.ErrorLines[0].Should().Be("reportx: --catalog rules.json: line 4: indicator #2 ('street_stalls') needs \"rules\", each with a non-empty \"subject\" list");
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_of_what_was_found_wrong()
    {
        _temp.Write("bad.json", "{ \"indicators\": [ { \"id\": \"x\", \"colour\": \"red\" } ] }");

        var quiet = Run("extract", RepoPaths.Samples, "--catalog", "bad.json");
        var verbose = Run("extract", RepoPaths.Samples, "--catalog", "bad.json", "--verbose");

        quiet.ExitCode.Should().Be(2);
        quiet.ErrorLines[0].Should().StartWith("reportx: --catalog bad.json: line 1: ").And.Contain("colour");
        verbose.ExitCode.Should().Be(2);
        verbose.ErrorLines[0].Should().Be(quiet.ErrorLines[0]);
        verbose.Stderr.Should().Contain("InvalidDataException").And.Contain("   at ");
    }

    private CliResult Run(params string[] args) => Reportx.Run(new CliRunOptions { WorkingDirectory = _temp.Path }, args);
}
