namespace ReportExtract.Cli;

/// <summary>The command line asks for something impossible; reported with a hint, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The reader of standard output went away (<c>| head -1</c>); the run ends quietly.</summary>
internal sealed class OutputClosedException(IOException inner) : IOException("standard output was closed", inner);
