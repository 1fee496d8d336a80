namespace ReportExtract.Cli.Inputs;

/// <summary>One input of a run, in output order: a file to read, standard input, or the reason an argument gave nothing.</summary>
/// <param name="Path">As the user wrote it (or as expanded from what they wrote): the record's <c>source.path</c>.</param>
/// <param name="FullPath">Absolute path to read; null for standard input and for errors.</param>
/// <param name="Error">Why this argument yields no file; null when there is something to read.</param>
internal sealed record InputItem(string Path, string? FullPath, string? Error)
{
    /// <summary>The path <c>-</c> that names standard input.</summary>
    public const string StdinPath = "-";

    /// <summary>True for the <c>-</c> input.</summary>
    public bool IsStdin => FullPath is null && Error is null;

    public static InputItem File(string path, string fullPath) => new(path, fullPath, null);

    public static InputItem Stdin() => new(StdinPath, null, null);

    public static InputItem Failed(string path, string error) => new(path, null, error);
}
