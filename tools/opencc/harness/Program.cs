using System.Diagnostics;
using System.Text;
using ReportExtract.Normalization;

// Usage: OpenCcHarness [--out DIR] [--seconds S] FILE...
//   --out DIR     write Convert(FILE) to DIR/<name> (for diffing against `opencc -c t2s`) and print its script
//   --seconds S   time Convert and Simplify on each file for about S seconds each and print MB/s (UTF-8 input bytes)
string? outDir = null;
var seconds = 0.0;
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outDir = args[++i]; break;
        case "--seconds": seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default: files.Add(args[i]); break;
    }
}

var converter = TraditionalToSimplifiedConverter.LoadEmbedded();
var utf8 = new UTF8Encoding(false);
foreach (var file in files)
{
    var bytes = File.ReadAllBytes(file);
    var text = utf8.GetString(bytes);
    if (outDir is not null)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, Path.GetFileName(file)), converter.Convert(text), utf8);
        Console.WriteLine($"{Path.GetFileName(file)}\t{bytes.Length}\tscript={converter.DetectScript(text)}");
    }

    if (seconds > 0)
    {
        var convert = Throughput(() => converter.Convert(text), bytes.Length, seconds);
        var simplify = Throughput(() => converter.Simplify(text), bytes.Length, seconds);
        Console.WriteLine(FormattableString.Invariant(
            $"{Path.GetFileName(file)}\t{bytes.Length}\tscript={converter.DetectScript(text)}\tConvert {convert:F1} MB/s\tSimplify {simplify:F1} MB/s"));
    }
}

static double Throughput(Func<object> action, long bytes, double seconds)
{
    for (var i = 0; i < 3; i++)
    {
        action();
    }

    var watch = Stopwatch.StartNew();
    long runs = 0;
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        action();
        runs++;
    }

    return bytes * runs / watch.Elapsed.TotalSeconds / 1e6;
}
