namespace Cmf.UnitTests.RealWorld;

public sealed class OperatorLogTests
{
    private const string Log = """
        2024-05-17 01:07:05,290 INFO  org.apache.flink.kubernetes.operator.listener.AuditUtils     [] - >>> Event  | Warning | SAVEPOINTERROR | Savepoint failed | twice
        2024-05-17 01:07:05,410 INFO  com.example.Listener                   [] - NAME: basic-appli
        cation, JOB STATUS: RUNNING

        2024-05-17 01:07:06,000 INFO  org.apache.flink.kubernetes.operator.listener.AuditUtils     [] - >>> Status[Job] | Info    | STABLE          | The resource is stable
        """;

    [Fact]
    public void Lines_are_split_into_time_level_logger_and_message()
    {
        var lines = OperatorLog.Read(Log);

        Assert.Equal(3, lines.Count);
        Assert.Equal(
            (new DateTime(2024, 5, 17, 1, 7, 5, 290), "INFO", "org.apache.flink.kubernetes.operator.listener.AuditUtils"),
            (lines[0].Time, lines[0].Level, lines[0].Logger));
    }

    [Fact]
    public void A_line_the_terminal_wrapped_is_joined_without_a_space()
    {
        var lines = OperatorLog.Read(Log);

        Assert.Equal("NAME: basic-application, JOB STATUS: RUNNING", lines[1].Message);
    }

    [Fact]
    public void Audit_lines_give_kind_severity_reason_and_message()
    {
        var audits = OperatorLog.Read(Log).Select(OperatorLog.Audit).ToList();

        Assert.Equal(
        [
            new AuditLine("Event", "Warning", "SAVEPOINTERROR", "Savepoint failed | twice"),
            null,
            new AuditLine("Status", "Info", "STABLE", "The resource is stable"),
        ], audits);
        Assert.Equal(("Warning", "Normal"), (audits[0]!.EventType, audits[2]!.EventType));
    }

    [Fact]
    public void Text_before_the_first_log_line_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => OperatorLog.Read("\nwrapped tail\n2024-05-17 01:07:05,290 INFO  x [] - y"));

        Assert.Equal("operator log line 2: expected a line starting with a timestamp, found \"wrapped tail\"", error.Message);
    }

    [Fact]
    public void An_audit_line_without_its_four_fields_is_refused()
    {
        var line = Assert.Single(OperatorLog.Read(
            "2024-05-17 01:07:05,290 INFO  org.apache.flink.kubernetes.operator.listener.AuditUtils [] - >>> Event | Info"));

        var error = Assert.Throws<FormatException>(() => OperatorLog.Audit(line));

        Assert.Equal("AuditUtils line at 01:07:05,290: expected four fields separated by ' | ', found \">>> Event | Info\"", error.Message);
    }
}
