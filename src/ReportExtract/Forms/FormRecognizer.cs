using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using ReportExtract.Metrics;
using ReportExtract.Model;
using ReportExtract.Tables;

namespace ReportExtract.Forms;

/// <summary>What the form stage adds to a record: the forms' cells, their checks, the metrics with cells set, warnings.</summary>
public sealed record FormRecognition(FormValues Forms, ImmutableArray<CheckResult> Checks, ImmutableArray<Metric> Metrics, ImmutableArray<string> Warnings);

/// <summary>
/// The form stage: finds the standard forms of a report (a 政府信息公开工作年度报告's tables), chooses each form's
/// version by its structure, reads its cells, evaluates its rules, and ties every cell to a table metric.
/// Built once; immutable and thread-safe.
/// </summary>
public sealed class FormRecognizer
{
    private readonly FormLexicon _lexicon;
    private readonly UnitLexicon _units;
    private readonly FormCellReader _reader;
    private readonly IndicatorCatalog _indicators;
    private readonly ImmutableArray<string> _cues;
    private readonly SearchValues<char> _cueEnds;

    /// <summary>A stage reading the forms of <paramref name="catalog"/>, naming indicators from <paramref name="indicators"/>.</summary>
    public FormRecognizer(FormCatalog? catalog = null, IndicatorCatalog? indicators = null)
        : this(catalog ?? FormCatalog.LoadBuiltIn(), indicators ?? IndicatorCatalog.LoadBuiltIn(), new FormLexicon(), UnitLexicon.LoadEmbedded(), TableWords.LoadEmbedded())
    {
    }

    /// <summary>A stage over the given forms, catalog and lexicons (the pipeline builder shares them between stages).</summary>
    internal FormRecognizer(FormCatalog catalog, IndicatorCatalog indicators, FormLexicon lexicon, UnitLexicon units, TableWords tableWords)
    {
        Catalog = catalog;
        _indicators = indicators;
        _lexicon = lexicon;
        _units = units;
        _reader = new FormCellReader(_lexicon, tableWords);
        _cues = [.. Catalog.Forms.SelectMany(Cues).Distinct()];
        _cueEnds = LabelFolding.CharsFoldingTo(_cues.Select(c => c[^1]));
    }

    /// <summary>The forms this stage reads.</summary>
    public FormCatalog Catalog { get; }

    /// <summary>The forms of <paramref name="text"/> (normalized), with <paramref name="metrics"/> (sorted, normalized spans) tied to their cells.</summary>
    public FormRecognition Recognize(string text, ImmutableArray<Section> sections, ImmutableArray<Metric> metrics, int? reportYear)
    {
        if (!LabelFolding.FoldedContainsAny(text, _cues, _cueEnds))
        {
            return new FormRecognition(FormValues.Empty, [], metrics, []);
        }

        var folded = new FoldedText(text);

        var chosen = Choose([.. Catalog.Forms.Select(f => _reader.Read(text, folded, f)).Where(IsForm)], reportYear);
        if (chosen.Count == 0)
        {
            return new FormRecognition(FormValues.Empty, [], metrics, []);
        }

        var forms = new List<FormCells>();
        var checks = ImmutableArray.CreateBuilder<CheckResult>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var merged = new FormMetricMerger(text, sections, metrics, reportYear, _indicators, _units);
        foreach (var reading in chosen)
        {
            var form = reading.Form;
            var read = reading.Cells.GroupBy(c => c.Cell.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var values = form.Cells.Where(c => read.ContainsKey(c.Id)).Select(c => KeyValuePair.Create(c.Id, read[c.Id].Value)).ToImmutableArray();
            forms.Add(new FormCells(form.Id, values));
            var byId = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            foreach (var result in FormChecker.Evaluate(form, byId))
            {
                checks.Add(result);
                if (!result.Holds)
                {
                    warnings.Add(FormChecker.Describe(form.Checks.First(r => r.Id == result.Check), result));
                }
            }

            foreach (var cell in read.Values.Where(c => c.Value is not null))
            {
                merged.Tie(form, cell);
            }

            warnings.AddRange(ProseDisagreements(form, byId, metrics));
        }

        return new FormRecognition(new FormValues(forms), checks.ToImmutable(), merged.Result(), warnings.ToImmutable());
    }

    /// <summary>
    /// A form stands in the text where a heading or article line of it does and its labels carry numbers: two rows, or
    /// one row of a table whose row is wide enough (四's fifteen cells) not to be a stray pair of figures.
    /// </summary>
    private static bool IsForm(FormReading reading) => reading.Cues >= 1 && (reading.RowsRead >= 2 || reading.Cells.Length >= 5);

    /// <summary>
    /// One reading per group of forms that share a table heading (the versions of a form): the one whose version words
    /// the text holds most, then the one that read most cells; only where the structure says nothing does the report
    /// year decide (a page that gives only table 四 looks the same in both versions), and without a year the newest form.
    /// </summary>
    private static List<FormReading> Choose(List<FormReading> readings, int? reportYear)
    {
        var chosen = new List<FormReading>();
        foreach (var reading in readings
            .OrderByDescending(r => r.Signals)
            .ThenByDescending(r => r.Cells.Length)
            .ThenByDescending(r => Applies(r.Form, reportYear))
            .ThenByDescending(r => r.Form.FirstYear ?? 0))
        {
            if (!chosen.Any(c => SharesTable(c.Form, reading.Form)))
            {
                chosen.Add(reading);
            }
        }

        return [.. chosen.OrderBy(r => readings.IndexOf(r))];
    }

    private static bool SharesTable(FormDefinition a, FormDefinition b) =>
        a.Tables.Any(t => t.Heading.Length > 0 && b.Tables.Any(u => LabelFolding.Core(u.Heading) == LabelFolding.Core(t.Heading)));

    private static bool Applies(FormDefinition form, int? year) =>
        year is { } y && form.FirstYear is { } first && y >= first && (form.LastYear is not { } last || y <= last);

    /// <summary>The folded headings and article lines of a form: without one of them in the text, no form is looked for.</summary>
    private static IEnumerable<string> Cues(FormDefinition form) =>
        form.Tables.Select(t => LabelFolding.Core(t.Heading))
            .Concat(form.Tables.SelectMany(t => t.Parts).Select(p => p.Article is null ? string.Empty : LabelFolding.Fold(p.Article)))
            .Where(c => c.Length > 0);

    /// <summary>Warnings where the report's prose states a cell's figure (共收到政府信息公开申请859件) other than its table does.</summary>
    private IEnumerable<string> ProseDisagreements(FormDefinition form, Dictionary<string, double?> cells, ImmutableArray<Metric> metrics)
    {
        foreach (var check in _lexicon.ProseChecks)
        {
            if (!cells.TryGetValue(check.CellSuffix, out var value) || value is not { } cellValue)
            {
                continue;
            }

            var prose = metrics.FirstOrDefault(m => m.Table != true && m.Delta is null && m.Unit is not ("元" or "%" or "个百分点")
                && m.Subject is { } subject && check.SubjectWords.Any(w => subject.Contains(w, StringComparison.Ordinal))
                && check.SentenceWords.Any(w => m.Sentence.Contains(w, StringComparison.Ordinal)));
            if (prose is not null && Math.Abs(prose.Value - cellValue) > 1e-6)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"form {form.Id}: {check.CellSuffix} is {cellValue} in the table but the text says {prose.Value} ({prose.Subject} in \"{prose.Sentence}\")");
            }
        }
    }
}
