namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// One Kubernetes Event as kubectl printed it. <see cref="Object"/> is <c>kind/name</c> in <c>kubectl get events</c>
/// and the reporting component (the From column) in <c>kubectl describe</c>; <see cref="Age"/> is LAST SEEN or Age.
/// </summary>
internal sealed record PrintedEvent(string Type, string Reason, string Object, string Message, string Age);

/// <summary>
/// Reads the two ways kubectl prints Events: the <c>kubectl get events</c> table and the Events section at the end of
/// <c>kubectl describe</c>. Both are fixed-width columns whose starts are given by the header line; a row that does
/// not line up with the header is refused, since its cells could not be told apart.
/// </summary>
internal static class PrintedEvents
{
    private static readonly string[] GetEventsColumns = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
    private static readonly string[] DescribeColumns = ["Type", "Reason", "Age", "From", "Message"];

    /// <summary>The default table of <c>kubectl get events</c>: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.</summary>
    /// <exception cref="FormatException">No such table, or a row that does not line up; the message gives the line.</exception>
    public static IReadOnlyList<PrintedEvent> ReadGetEventsTable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var headerIndex = lines.FindIndex(l => l.Text.Length > 0);
        if (headerIndex < 0)
        {
            throw new FormatException("kubectl get events table: the text is empty");
        }
        var columns = ColumnStarts(lines[headerIndex], GetEventsColumns);
        return [.. lines.Skip(headerIndex + 1).Where(l => l.Text.Length > 0).Select(l =>
        {
            var cells = Cells(l, columns);
            return new PrintedEvent(Type: cells[1], Reason: cells[2], Object: cells[3], Message: cells[4], Age: cells[0]);
        })];
    }

    /// <summary>The Events section of <c>kubectl describe</c>: Type, Reason, Age, From, Message under a dashed rule.</summary>
    /// <exception cref="FormatException">No Events section, or rows that do not line up; the message gives the line.</exception>
    public static IReadOnlyList<PrintedEvent> ReadDescribeEvents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var sectionIndex = lines.FindIndex(l => l.Text.TrimStart().StartsWith("Events:", StringComparison.Ordinal));
        if (sectionIndex < 0)
        {
            throw new FormatException("kubectl describe: no 'Events:' section");
        }
        if (lines[sectionIndex].Text.Trim() == "Events:  <none>" || lines[sectionIndex].Text.Trim() == "Events: <none>")
        {
            return [];
        }
        if (sectionIndex + 2 >= lines.Count)
        {
            throw new FormatException($"kubectl describe line {lines[sectionIndex].Number}: the Events section has no header and rule");
        }
        var header = lines[sectionIndex + 1];
        var columns = ColumnStarts(header, DescribeColumns);
        var rule = lines[sectionIndex + 2];
        var ruleCells = Cells(rule, columns);
        if (ruleCells.Any(cell => cell.Length == 0 || cell.Any(c => c != '-')))
        {
            throw new FormatException($"kubectl describe line {rule.Number}: expected a rule of dashes under the Events header");
        }
        return [.. lines.Skip(sectionIndex + 3).TakeWhile(l => l.Text.Trim().Length > 0).Select(l =>
        {
            var cells = Cells(l, columns);
            return new PrintedEvent(Type: cells[0], Reason: cells[1], Object: cells[3], Message: cells[4], Age: cells[2]);
        })];
    }

    private sealed record Line(int Number, string Text);

    private static List<Line> Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select((l, i) => new Line(i + 1, l.TrimEnd()))];

    private static int[] ColumnStarts(Line header, string[] names)
    {
        var starts = new int[names.Length];
        var from = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var at = header.Text.IndexOf(names[i], from, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new FormatException(
                    $"line {header.Number}: expected a header with the columns {string.Join(", ", names)} in that order, found \"{header.Text.Trim()}\"");
            }
            starts[i] = at;
            from = at + names[i].Length;
        }
        return starts;
    }

    private static string[] Cells(Line row, int[] starts)
    {
        var text = row.Text;
        if (text.Length <= starts[^1] || (starts[0] > 0 && text[..starts[0]].Trim().Length > 0))
        {
            throw new FormatException($"line {row.Number}: the row does not reach the last column of the header: \"{text.Trim()}\"");
        }
        var cells = new string[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            if (i > 0 && text[starts[i] - 1] != ' ')
            {
                throw new FormatException($"line {row.Number}: the row does not line up with the header's columns: \"{text.Trim()}\"");
            }
            var end = i + 1 < starts.Length ? starts[i + 1] : text.Length;
            cells[i] = text[starts[i]..end].Trim();
        }
        return cells;
    }
}
