namespace ReportExtract.Cli;

/// <summary>The command line asks for something impossible; reported with a hint, exit code 2.</summary>
/// <remarks>The inner exception, if any, is what was found wrong (a data file that does not parse); --verbose prints its stack trace.</remarks>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The reader of standard output went away (<c>| head -1</c>); the run ends quietly.</summary>
internal sealed class OutputClosedException(IOException inner) : IOException("standard output was closed", inner);
