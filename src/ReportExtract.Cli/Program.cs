using System.CommandLine;
using ReportExtract.Cli.Commands;

namespace ReportExtract.Cli;

/// <summary>The <c>reportx</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs <paramref name="args"/>; usage errors exit 2.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("reportx: structured records from Chinese government report text.")
        {
            NormalizeCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"reportx: {problem.Message}");
            }

            error.WriteLine("reportx: run 'reportx --help' for usage");
            return 2;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
