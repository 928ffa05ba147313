using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// One page of the changes list. <see cref="Next"/> continues it (null at the end of the window). With an outcome
/// filter a page examines at most <see cref="ChangeListReader.MaxExamined"/> changes: <see cref="ExaminedLimitReached"/>
/// says the page may hold fewer rows than asked while older matches wait on the next one.
/// </summary>
public sealed record ChangeListPage(IReadOnlyList<ChangeRow> Rows, ChangeCursor? Next, bool ExaminedLimitReached)
{
    public static ChangeListPage Empty { get; } = new([], null, false);
}
