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
public sealed record DiffLine(int Number, string Text, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>How many characters past <see cref="SpecLineDiffLimits.LongLine"/> the page leaves out of a long line.</summary>
    public int HiddenLength => Math.Max(0, Text.Length - ShownLength);

    /// <summary>The segments the page shows: the line cut after <see cref="SpecLineDiffLimits.LongLine"/> characters.</summary>
    public IReadOnlyList<DiffSegment> ShownSegments
    {
        get
        {
            if (HiddenLength == 0)
            {
                return Segments;
            }
            var shown = new List<DiffSegment>();
            var left = ShownLength;
            foreach (var segment in Segments.TakeWhile(_ => left > 0))
            {
                shown.Add(segment.Text.Length <= left ? segment : segment with { Text = segment.Text[..left] });
                left -= segment.Text.Length;
            }
            return shown;
        }
    }

    /// <summary>The cut never splits a surrogate pair.</summary>
    private int ShownLength =>
        Text.Length > SpecLineDiffLimits.LongLine && char.IsHighSurrogate(Text[SpecLineDiffLimits.LongLine - 1]) ? SpecLineDiffLimits.LongLine - 1 : SpecLineDiffLimits.LongLine;
}

/// <summary>
/// One aligned row of a side-by-side diff. <see cref="SecretChanged"/>: the secret fingerprint tokens differ, so the
/// line changed although both sides show <c>******</c>.
/// </summary>
public sealed record SpecLineDiffRow(int Index, DiffLineKind Kind, DiffLine? Old, DiffLine? New, bool SecretChanged)
{
    public bool IsChange => Kind != DiffLineKind.Unchanged;
}

/// <summary>A run of diff rows that is either shown or folded away behind "show N hidden lines".</summary>
public sealed record SpecLineDiffSection(int FirstRowIndex, IReadOnlyList<SpecLineDiffRow> Rows, bool IsHidden);
