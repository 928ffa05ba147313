using DiffPlex;
using DiffPlex.Model;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// DiffPlex's differ, recording the length of the texts of every diff it is asked for (the first is the line diff,
/// then one per pair of modified lines), and running <see cref="AfterEach"/> after each.
/// </summary>
internal sealed class RecordingDiffer : IDiffer
{
    public List<(int OldLength, int NewLength)> Calls { get; } = [];

    public Action? AfterEach { get; init; }

    public DiffResult CreateDiffs(string oldText, string newText, bool ignoreWhiteSpace, bool ignoreCase, IChunker chunker)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace, ignoreCase, chunker);
        Calls.Add((oldText.Length, newText.Length));
        AfterEach?.Invoke();
        return result;
    }

    // DiffPlex's obsolete entry points: SpecLineDiff never calls them.
    public DiffResult CreateLineDiffs(string oldText, string newText, bool ignoreWhitespace) => throw new NotSupportedException();

    public DiffResult CreateLineDiffs(string oldText, string newText, bool ignoreWhitespace, bool ignoreCase) => throw new NotSupportedException();

    public DiffResult CreateCharacterDiffs(string oldText, string newText, bool ignoreWhitespace) => throw new NotSupportedException();

    public DiffResult CreateCharacterDiffs(string oldText, string newText, bool ignoreWhitespace, bool ignoreCase) => throw new NotSupportedException();

    public DiffResult CreateWordDiffs(string oldText, string newText, bool ignoreWhitespace, char[] separators) => throw new NotSupportedException();

    public DiffResult CreateWordDiffs(string oldText, string newText, bool ignoreWhitespace, bool ignoreCase, char[] separators) => throw new NotSupportedException();

    public DiffResult CreateCustomDiffs(string oldText, string newText, bool ignoreWhiteSpace, Func<string, string[]> chunker) => throw new NotSupportedException();

    public DiffResult CreateCustomDiffs(string oldText, string newText, bool ignoreWhiteSpace, bool ignoreCase, Func<string, string[]> chunker) => throw new NotSupportedException();
}
