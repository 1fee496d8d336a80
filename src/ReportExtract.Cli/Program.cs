using System.CommandLine;
using ReportExtract.Cli.Commands;

namespace ReportExtract.Cli;

/// <summary>The <c>reportx</c> entry point: parse, dispatch to a command, return its exit code.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("reportx: structured records from Chinese government report text.");
        root.Add(SegmentCommand.Create());
        return root.Parse(args).Invoke();
    }
}
