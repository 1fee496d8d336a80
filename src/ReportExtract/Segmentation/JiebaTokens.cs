namespace ReportExtract.Segmentation;

/// <summary>A word cut by <see cref="JiebaSegmenter.Cut(ReadOnlySpan{char}, bool)"/>: a UTF-16 range of the input.</summary>
public readonly record struct WordToken(int Start, int Length);

/// <summary>A word with its jieba.posseg tag (n, v, m, x, eng, nr, ns, nt, nz, …): a UTF-16 range of the input.</summary>
public readonly record struct TaggedToken(int Start, int Length, string Tag);
