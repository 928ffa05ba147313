namespace Cmf.Dashboard.Model;

/// <summary>How a row of a spec diff changed.</summary>
public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
    Modified,
}

/// <summary>A piece of a line; <see cref="IsChanged"/> marks the words that differ from the other side.</summary>
public sealed record DiffSegment(string Text, bool IsChanged);

/// <summary>One side of a row: its line number in the original text and its text with secrets masked.</summary>
public sealed record DiffLine(int Number, string Text, IReadOnlyList<DiffSegment> Segments);

/// <summary>
/// One aligned row of a side-by-side diff. <see cref="SecretChanged"/>: the sealed secret tokens differ, so the
/// line changed although both sides show <c>******</c>.
/// </summary>
public sealed record SpecDiffRow(int Index, DiffLineKind Kind, DiffLine? Old, DiffLine? New, bool SecretChanged)
{
    public bool IsChange => Kind != DiffLineKind.Unchanged;
}

/// <summary>A run of diff rows that is either shown or folded away behind "show N hidden lines".</summary>
public sealed record SpecDiffSection(int FirstRowIndex, IReadOnlyList<SpecDiffRow> Rows, bool IsHidden);
