using System.Globalization;
using System.Text.RegularExpressions;

namespace Cmf.UnitTests.RealWorld;

/// <summary>One line of the operator's log4j output: <c>2024-05-17 01:07:05,290 INFO  logger [] - message</c>.</summary>
internal sealed record OperatorLogLine(DateTime Time, string Level, string Logger, string Message);

/// <summary>
/// What FKO's <c>AuditUtils</c> logs for each Kubernetes Event and status update
/// (<c>&gt;&gt;&gt; Event | Info | JOBSTATUSCHANGED | message</c>, <c>&gt;&gt;&gt; Status | Info | STABLE | description</c>).
/// <see cref="Kind"/> is Event or Status (1.8 writes them bare, later releases as <c>Event[Job]</c>, <c>Status[Job]</c>);
/// <see cref="Severity"/> is Info for a Normal event, else the event's type; <see cref="Reason"/> is the event's reason
/// upper-cased, or for a status its lifecycle state.
/// </summary>
internal sealed record AuditLine(string Kind, string Severity, string Reason, string Message)
{
    /// <summary>The Kubernetes Event type AuditUtils printed: it writes Normal as Info.</summary>
    public string EventType => Severity == "Info" ? "Normal" : Severity;
}

/// <summary>
/// Reads an operator log as pasted from a terminal: a line that does not start with a timestamp continues the
/// previous one (the terminal wrapped it mid-word, so the pieces are joined without a space); blank lines are skipped.
/// </summary>
internal static partial class OperatorLog
{
    /// <exception cref="FormatException">Text before the first log line; the message gives the line.</exception>
    public static IReadOnlyList<OperatorLogLine> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<OperatorLogLine>();
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }
            var match = LogLinePattern().Match(line);
            if (match.Success)
            {
                var time = DateTime.ParseExact(match.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
                lines.Add(new OperatorLogLine(time, match.Groups["level"].Value, match.Groups["logger"].Value, match.Groups["message"].Value));
            }
            else if (lines.Count > 0)
            {
                lines[^1] = lines[^1] with { Message = lines[^1].Message + line };
            }
            else
            {
                throw new FormatException($"operator log line {number}: expected a line starting with a timestamp, found \"{line}\"");
            }
        }
        return lines;
    }

    /// <summary>The AuditUtils record of a line, or null for any other line.</summary>
    public static AuditLine? Audit(OperatorLogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Logger.EndsWith(".AuditUtils", StringComparison.Ordinal) || !line.Message.StartsWith(">>> ", StringComparison.Ordinal))
        {
            return null;
        }
        var fields = line.Message[4..].Split(" | ", 4);
        if (fields.Length != 4)
        {
            throw new FormatException($"AuditUtils line at {line.Time:HH:mm:ss,fff}: expected four fields separated by ' | ', found \"{line.Message}\"");
        }
        var component = fields[0].Trim();
        var kind = component.Split('[')[0];
        return new AuditLine(kind, fields[1].Trim(), fields[2].Trim(), fields[3].Trim());
    }

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) (?<level>[A-Z]+)\s+(?<logger>\S+)\s+\[[^\]]*\] - (?<message>.*)$")]
    private static partial Regex LogLinePattern();
}
