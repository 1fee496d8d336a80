// Makes a batch of report files for the whole-process benchmark (tools/bench/bench.sh): the samples repeated and
// varied (lines swapped, digits perturbed, some files in GB18030), seeded so that every run measures the same bytes.
// Usage: dotnet run tools/bench/make-batch.cs -- OUT_DIR COUNT [SEED]
using System.Text;

if (args.Length < 2 || !int.TryParse(args[1], out var count) || count < 1)
{
    Console.Error.WriteLine("usage: make-batch.cs OUT_DIR COUNT [SEED]");
    return 2;
}

var outDir = args[0];
var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20261124;
var samplesDir = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "..", "samples");
var samples = Directory.GetFiles(samplesDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllLines).ToArray();
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var gb18030 = Encoding.GetEncoding("GB18030");
var random = new Random(seed);
Directory.CreateDirectory(outDir);
long total = 0;
for (var i = 0; i < count; i++)
{
    var lines = (string[])samples[i % samples.Length].Clone();
    // Swap a few body lines: same vocabulary and shapes, different documents.
    for (var swaps = 0; swaps < 3 && lines.Length > 4; swaps++)
    {
        var a = random.Next(3, lines.Length);
        var b = random.Next(3, lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
    }

    var text = new StringBuilder();
    foreach (var line in lines)
    {
        foreach (var c in line)
        {
            text.Append(c is >= '0' and <= '9' && random.NextDouble() < 0.3 ? (char)('0' + random.Next(10)) : c);
        }

        text.Append('\n');
    }

    var bytes = i % 10 == 9 ? gb18030.GetBytes(text.ToString()) : Encoding.UTF8.GetBytes(text.ToString());
    File.WriteAllBytes(Path.Combine(outDir, $"report-{i:D5}.txt"), bytes);
    total += bytes.Length;
}

Console.WriteLine($"{count} files, {total} bytes in {outDir}");
return 0;
