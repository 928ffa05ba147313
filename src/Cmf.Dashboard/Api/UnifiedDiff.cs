using System.Globalization;
using System.Text;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Api;

/// <summary>
/// Turns the dashboard's side-by-side <see cref="SpecDiff"/> (already masked) into unified-diff hunks: a modified row
/// becomes a removed and an added line, and each visible section with its context becomes one hunk.
/// </summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;

    public static IReadOnlyList<DiffHunk> Hunks(SpecLineDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (!diff.HasChanges)
        {
            return [];
        }
        var hunks = new List<DiffHunk>();
        var oldLine = 0;
        var newLine = 0;
        foreach (var section in diff.Sections(ContextLines, new HashSet<int>()))
        {
            var lines = new List<DiffHunkLine>();
            var (oldStart, newStart) = (oldLine + 1, newLine + 1);
            foreach (var row in section.Rows)
            {
                if (row.Old is { } old)
                {
                    oldLine = old.Number;
                }
                if (row.New is { } added)
                {
                    newLine = added.Number;
                }
                if (!section.IsHidden)
                {
                    lines.AddRange(Lines(row));
                }
            }
            if (!section.IsHidden)
            {
                hunks.Add(Hunk(oldStart, newStart, lines));
            }
        }
        return hunks;
    }

    public static string Text(string fromLabel, string toLabel, IReadOnlyList<DiffHunk> hunks)
    {
        ArgumentNullException.ThrowIfNull(hunks);
        var text = new StringBuilder();
        text.Append("--- ").Append(fromLabel).Append('\n');
        text.Append("+++ ").Append(toLabel).Append('\n');
        foreach (var hunk in hunks)
        {
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(hunk.OldStart, hunk.OldLines)} +{Range(hunk.NewStart, hunk.NewLines)} @@\n");
            foreach (var line in hunk.Lines)
            {
                text.Append(line.Kind switch { "added" => '+', "removed" => '-', _ => ' ' }).Append(line.Text).Append('\n');
            }
        }
        return text.ToString();
    }

    private static IEnumerable<DiffHunkLine> Lines(SpecLineDiffRow row)
    {
        if (row.Kind == DiffLineKind.Unchanged)
        {
            yield return new DiffHunkLine("context", row.New?.Text ?? row.Old?.Text ?? "", false) { OldLine = row.Old?.Number, NewLine = row.New?.Number };
            yield break;
        }
        if (row.Old is { } old)
        {
            yield return new DiffHunkLine("removed", old.Text, row.SecretChanged) { OldLine = old.Number };
        }
        if (row.New is { } added)
        {
            yield return new DiffHunkLine("added", added.Text, row.SecretChanged) { NewLine = added.Number };
        }
    }

    // A unified diff starts an empty side at the line before it.
    private static DiffHunk Hunk(int oldStart, int newStart, List<DiffHunkLine> lines)
    {
        var oldCount = lines.Count(l => l.Kind != "added");
        var newCount = lines.Count(l => l.Kind != "removed");
        return new DiffHunk(oldCount == 0 ? oldStart - 1 : oldStart, oldCount, newCount == 0 ? newStart - 1 : newStart, newCount, lines);
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}
