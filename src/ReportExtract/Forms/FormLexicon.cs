using System.Collections.Frozen;
using System.Collections.Immutable;
using ReportExtract.Common;

namespace ReportExtract.Forms;

/// <summary>A cell that prose often states too, with the words that find that prose figure.</summary>
internal sealed record ProseCheck(string CellSuffix, ImmutableArray<string> SentenceWords, ImmutableArray<string> SubjectWords);

/// <summary>The word data of the form stage (Resources/Forms/*.tsv): row-label short forms, version signals, prose checks.</summary>
internal sealed class FormLexicon
{
    private readonly FrozenDictionary<string, ImmutableArray<string>> _aliases;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _signals;

    internal FormLexicon()
    {
        _aliases = Rows("label-aliases.tsv").ToFrozenDictionary(r => r[0], r => Split(r[1]), StringComparer.Ordinal);
        _signals = Rows("version-signals.tsv").ToFrozenDictionary(r => r[0], r => Split(r[1]).Select(LabelFolding.Fold).ToImmutableArray(), StringComparer.Ordinal);
        ProseChecks = [.. Rows("prose-checks.tsv").Select(r => new ProseCheck(r[0], Split(r[1]), Split(r[2])))];
    }

    /// <summary>Cells to compare with the prose of the same report.</summary>
    public ImmutableArray<ProseCheck> ProseChecks { get; }

    /// <summary>The short forms of the row <paramref name="table"/>.<paramref name="row"/> (none when the data has none).</summary>
    public ImmutableArray<string> Aliases(string table, string row) => _aliases.GetValueOrDefault(table + "." + row, []);

    /// <summary>Folded words only <paramref name="form"/>'s structure has.</summary>
    public ImmutableArray<string> Signals(string form) => _signals.GetValueOrDefault(form, []);

    private static ImmutableArray<string> Split(string words) => [.. words.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<string[]> Rows(string fileName) =>
        [.. EmbeddedData.ReadRows("Forms/" + fileName).Select(row => row.Length >= 2 ? row : throw new InvalidDataException($"{fileName}: bad row '{string.Join('\t', row)}'"))];
}
