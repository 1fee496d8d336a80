namespace ReportExtract;

/// <summary>How the pipeline reads reports; changed with <c>with</c>.</summary>
/// <param name="Encoding">Forces an input encoding (utf-8, utf-16le, utf-16be, gb18030, big5); null detects.</param>
/// <param name="KeepScript">Skips traditional→simplified conversion.</param>
/// <param name="CatalogPath">A catalog file whose entries add to or replace the built-in indicators.</param>
/// <param name="FormsPath">A form catalog file whose forms add to or replace the built-in standard forms.</param>
public readonly record struct ExtractOptions(string? Encoding = null, bool KeepScript = false, string? CatalogPath = null, string? FormsPath = null);
