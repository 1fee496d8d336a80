using ReportExtract.Forms;

namespace ReportExtract.Tests.Forms;

/// <summary>Invented cell values for a form: consistent ones (every rule holds) from a seeded random source.</summary>
public static class FormValuesMaker
{
    /// <summary>Every cell of <paramref name="form"/>, the 勾稽关系 holding; about one zero in <paramref name="blankEvery"/> left blank.</summary>
    public static Dictionary<string, double?> Consistent(FormDefinition form, Random random, int blankEvery = 0)
    {
        var cells = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var part in form.Tables.SelectMany(t => t.Parts))
        {
            if (part.Table == "requests")
            {
                Requests(part, random, cells);
            }
            else if (part.SingleRow)
            {
                foreach (var group in part.Columns.GroupBy(c => c.Key[..c.Key.LastIndexOf('.')]))
                {
                    var sum = 0;
                    foreach (var column in group.Where(c => !c.Key.EndsWith(".total", StringComparison.Ordinal)))
                    {
                        var v = random.Next(4) == 0 ? random.Next(1, 6) : 0;
                        cells[$"{part.Table}.{part.Rows[0].Key}.{column.Key}"] = v;
                        sum += v;
                    }

                    cells[$"{part.Table}.{part.Rows[0].Key}.{group.Key}.total"] = sum;
                }
            }
            else
            {
                foreach (var row in part.Rows)
                {
                    for (var k = 0; k < part.Columns.Length; k++)
                    {
                        cells[$"{part.Table}.{row.Key}.{part.Columns[k].Key}"] = part.Units[k] switch
                        {
                            "万元" => random.Next(0, 5000) * 100,
                            "元" => random.Next(2) == 0 ? random.Next(1, 900) * 10000 : random.Next(0, 9000),
                            _ when part.Columns[k].Key == "change" => random.Next(-3, 4),
                            _ => random.Next(3) == 0 ? 0 : random.Next(1, 2000),
                        };
                    }
                }
            }
        }

        if (blankEvery > 0)
        {
            foreach (var id in cells.Where(c => c.Value == 0).Select(c => c.Key).ToList())
            {
                if (random.Next(blankEvery) == 0)
                {
                    cells[id] = null;
                }
            }
        }

        return cells;
    }

    /// <summary>The applicant table: per column, new + carried in = results + carried out; the total column sums the rest.</summary>
    private static void Requests(FormPart part, Random random, Dictionary<string, double?> cells)
    {
        var results = part.Rows.Select(r => r.Key).Where(k => k is not ("new" or "carried_in" or "total" or "carried_out")).ToList();
        var applicants = part.Columns.Where(c => c.Key != "total").ToList();
        foreach (var column in applicants)
        {
            var fresh = column.Key == "natural_person" ? random.Next(0, 120) : random.Next(3) == 0 ? random.Next(0, 12) : 0;
            var carriedIn = random.Next(4) == 0 ? random.Next(0, 4) : 0;
            var carriedOut = Math.Min(fresh + carriedIn, random.Next(3) == 0 ? random.Next(0, 4) : 0);
            var total = fresh + carriedIn - carriedOut;
            Set("new", fresh);
            Set("carried_in", carriedIn);
            Set("carried_out", carriedOut);
            Set("total", total);
            var left = total;
            foreach (var row in results)
            {
                var v = row == results[^1] ? left : random.Next(3) == 0 ? random.Next(0, left + 1) : row == "granted" ? random.Next(left / 2, left + 1) : 0;
                Set(row, v);
                left -= v;
            }

            void Set(string row, int v) => cells[$"requests.{row}.{column.Key}"] = v;
        }

        foreach (var row in part.Rows)
        {
            cells[$"requests.{row.Key}.total"] = applicants.Sum(c => cells[$"requests.{row.Key}.{c.Key}"] ?? 0);
        }
    }
}
