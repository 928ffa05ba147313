using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Cmf.Dashboard.Model;

/// <summary>
/// A line diff of two YAML specs (DiffPlex side by side, word-level pieces on modified lines) ready to render:
/// secret fingerprint tokens masked, the instance annotation optionally left out, unchanged runs foldable.
/// Holds only masked text: a fingerprint token never leaves this class. Bounded by <see cref="SpecDiffLimits"/>: texts
/// beyond them are never diffed (<see cref="IsTooLarge"/>), and long lines are compared whole.
/// </summary>
public sealed partial class SpecLineDiff
{
    /// <summary>Unchanged runs shorter than this stay visible: folding one line saves nothing.</summary>
    public const int MinimumHiddenRun = 2;

    private SpecLineDiff(IReadOnlyList<SpecLineDiffRow> rows, SpecLineDiffSize size)
    {
        Rows = rows;
        Size = size;
    }

    public IReadOnlyList<SpecLineDiffRow> Rows { get; }

    /// <summary>The size of the two texts as given (before the instance annotation is left out).</summary>
    public SpecLineDiffSize Size { get; }

    /// <summary>The texts exceed <see cref="SpecDiffLimits"/>: nothing was diffed and <see cref="Rows"/> is empty.</summary>
    public bool IsTooLarge => Size.IsTooLarge;

    public int AddedCount => Rows.Count(r => r.Kind == DiffLineKind.Added);

    public int RemovedCount => Rows.Count(r => r.Kind == DiffLineKind.Removed);

    public int ModifiedCount => Rows.Count(r => r.Kind == DiffLineKind.Modified);

    public bool HasChanges => Rows.Any(r => r.IsChange);

    /// <summary>
    /// Diffs the two texts, or measures them and stops when they exceed <see cref="SpecDiffLimits"/>. A cancelled
    /// <paramref name="cancellationToken"/> ends the diff with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static SpecLineDiff Compute(string? oldText, string? newText, bool hideInstanceAnnotation = false, CancellationToken cancellationToken = default) =>
        Compute(oldText, newText, hideInstanceAnnotation, Differ.Instance, cancellationToken);

    /// <summary>
    /// DiffPlex has no cancellation of its own, but it asks its chunkers for the pieces of both texts before the line
    /// diff and of each pair of modified lines before their word diff: the chunkers check the token there, so only the
    /// line diff itself (bounded by <see cref="SpecLineDiffLimits.MaxLines"/>) runs without a check.
    /// </summary>
    internal static SpecLineDiff Compute(string? oldText, string? newText, bool hideInstanceAnnotation, IDiffer differ, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var size = SpecLineDiffSize.Of(oldText, newText);
        if (size.IsTooLarge)
        {
            return new SpecLineDiff([], size);
        }
        var oldLines = Lines(oldText, hideInstanceAnnotation);
        var newLines = Lines(newText, hideInstanceAnnotation);
        var model = SideBySideDiffBuilder.Diff(
            differ,
            string.Join('\n', oldLines.Select(l => l.Text)),
            string.Join('\n', newLines.Select(l => l.Text)),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            new CheckedChunker(LineChunker.Instance, int.MaxValue, cancellationToken),
            new CheckedChunker(WordChunker.Instance, SpecLineDiffLimits.LongLine, cancellationToken));

        var rows = new List<SpecLineDiffRow>(model.OldText.Lines.Count);
        for (var i = 0; i < model.OldText.Lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var oldPiece = Present(model.OldText.Lines[i], oldLines);
            var newPiece = Present(model.NewText.Lines[i], newLines);
            var kind = (oldPiece, newPiece) switch
            {
                (null, not null) => DiffLineKind.Added,
                (not null, null) => DiffLineKind.Removed,
                _ when model.OldText.Lines[i].Type == ChangeType.Unchanged => DiffLineKind.Unchanged,
                _ => DiffLineKind.Modified,
            };
            if (oldPiece is null && newPiece is null)
            {
                continue;
            }
            var secretChanged = kind == DiffLineKind.Modified
                && SecretFingerprints.TokensDiffer(oldPiece!.Value.Raw, newPiece!.Value.Raw);
            rows.Add(new SpecLineDiffRow(rows.Count, kind,
                oldPiece is { } o ? Line(o, model.OldText.Lines[i], kind) : null,
                newPiece is { } n ? Line(n, model.NewText.Lines[i], kind) : null,
                secretChanged));
        }
        return new SpecLineDiff(rows, size);
    }

    /// <summary>
    /// Changed rows and <paramref name="contextLines"/> rows around each are shown; longer unchanged runs are
    /// folded unless their first row index is in <paramref name="expanded"/>.
    /// </summary>
    public IReadOnlyList<SpecLineDiffSection> Sections(int contextLines, IReadOnlySet<int> expanded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextLines);
        var visible = new bool[Rows.Count];
        for (var i = 0; i < Rows.Count; i++)
        {
            if (!Rows[i].IsChange)
            {
                continue;
            }
            for (var j = Math.Max(0, i - contextLines); j <= Math.Min(Rows.Count - 1, i + contextLines); j++)
            {
                visible[j] = true;
            }
        }

        var sections = new List<SpecLineDiffSection>();
        var start = 0;
        while (start < Rows.Count)
        {
            var end = start;
            while (end + 1 < Rows.Count && visible[end + 1] == visible[start])
            {
                end++;
            }
            var count = end - start + 1;
            var hidden = !visible[start] && count >= MinimumHiddenRun && !expanded.Contains(start);
            var rows = Rows.Skip(start).Take(count).ToArray();
            if (!hidden && sections.Count > 0 && !sections[^1].IsHidden)
            {
                sections[^1] = sections[^1] with { Rows = [.. sections[^1].Rows, .. rows] };
            }
            else
            {
                sections.Add(new SpecLineDiffSection(start, rows, hidden));
            }
            start = end + 1;
        }
        return sections;
    }

    public static bool IsInstanceAnnotation(string line) => InstanceAnnotationLine().IsMatch(line);

    private static List<(int Number, string Text)> Lines(string? text, bool hideInstanceAnnotation)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n').Split('\n');
        return lines
            .Select((line, index) => (Number: index + 1, Text: line))
            .Where(l => !hideInstanceAnnotation || !IsInstanceAnnotation(l.Text))
            .ToList();
    }

    /// <summary>The raw text and original number of a DiffPlex line, or null for a padding (imaginary) line.</summary>
    private static (int Number, string Raw)? Present(DiffPiece piece, List<(int Number, string Text)> lines) =>
        piece.Type == ChangeType.Imaginary || piece.Position is not { } position || position > lines.Count
            ? null
            : (lines[position - 1].Number, lines[position - 1].Text);

    private static DiffLine Line((int Number, string Raw) line, DiffPiece piece, DiffLineKind kind)
    {
        var masked = SecretFingerprints.MaskTokens(line.Raw);
        return new DiffLine(line.Number, masked, Segments(masked, piece, kind));
    }

    private static IReadOnlyList<DiffSegment> Segments(string maskedLine, DiffPiece piece, DiffLineKind kind)
    {
        if (kind != DiffLineKind.Modified || piece.SubPieces.Count == 0)
        {
            return [new DiffSegment(maskedLine, kind != DiffLineKind.Unchanged)];
        }
        var segments = new List<DiffSegment>();
        foreach (var sub in piece.SubPieces)
        {
            if (sub.Type == ChangeType.Imaginary || string.IsNullOrEmpty(sub.Text))
            {
                continue;
            }
            var changed = sub.Type != ChangeType.Unchanged;
            var text = SecretFingerprints.MaskTokens(sub.Text);
            if (segments.Count > 0 && segments[^1].IsChanged == changed)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            }
            else
            {
                segments.Add(new DiffSegment(text, changed));
            }
        }
        // A token split across word pieces would escape masking piece by piece: then mark the whole line.
        return string.Concat(segments.Select(s => s.Text)) == maskedLine ? segments : [new DiffSegment(maskedLine, true)];
    }

    /// <summary>
    /// Where a diff checks its cancellation token, and keeps a text longer than <paramref name="wholeAbove"/> characters
    /// in one piece (a long line is compared whole: no word-level diff, whose cost grows with the square of its length).
    /// </summary>
    private sealed class CheckedChunker(IChunker pieces, int wholeAbove, CancellationToken cancellationToken) : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return text.Length > wholeAbove ? [text] : pieces.Chunk(text);
        }
    }

    // MetadataKeys.InstanceAnnotation, escaped for the pattern.
    [GeneratedRegex("""^\s*["']?platform\.confluent\.io/cmf-fa-instance["']?\s*:""", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceAnnotationLine();
}
