namespace Cmf.Dashboard.Api;

/// <summary>
/// The diff of two instances' effective specs as canonical YAML, secrets masked: a unified diff text and the same
/// hunks as data. A line whose secret changed shows <c>******</c> on both sides with <see cref="DiffHunkLine.SecretChanged"/>.
/// </summary>
public sealed record SpecDiffResource
{
    public required string Environment { get; init; }

    public required string Application { get; init; }

    public required InstanceReferenceResource From { get; init; }

    public required InstanceReferenceResource To { get; init; }

    public required int Added { get; init; }

    public required int Removed { get; init; }

    public required int Changed { get; init; }

    public required string Unified { get; init; }

    public required IReadOnlyList<DiffHunk> Hunks { get; init; }
}

public sealed record InstanceReferenceResource(string Uid, int Sequence);

/// <summary>A run of changed lines with context, numbered as in a unified diff (<c>@@ -oldStart,oldLines +newStart,newLines @@</c>).</summary>
public sealed record DiffHunk(int OldStart, int OldLines, int NewStart, int NewLines, IReadOnlyList<DiffHunkLine> Lines);

/// <summary>One line of a hunk: <c>context</c>, <c>removed</c> or <c>added</c>, with its number on the side(s) it belongs to.</summary>
public sealed record DiffHunkLine(string Kind, string Text, bool SecretChanged)
{
    /// <summary>The line's number in the old text; absent for an added line.</summary>
    public int? OldLine { get; init; }

    /// <summary>The line's number in the new text; absent for a removed line.</summary>
    public int? NewLine { get; init; }
}
