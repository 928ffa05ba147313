namespace Cmf.UnitTests.RealWorld;

public sealed class PrintedEventsTests
{
    [Fact]
    public void A_get_events_table_is_cut_at_the_header_columns()
    {
        const string table = """
            LAST SEEN   TYPE      REASON      OBJECT                 MESSAGE
            20m         Normal    Submit      flinkdeployment/app    Starting deployment
            2m3s        Warning   Unhealthy   pod/app-1              Startup probe failed: Get "http://10.0.0.1:8081/config"
            """;

        var events = PrintedEvents.ReadGetEventsTable(table);

        Assert.Equal(
        [
            new PrintedEvent("Normal", "Submit", "flinkdeployment/app", "Starting deployment", "20m"),
            new PrintedEvent("Warning", "Unhealthy", "pod/app-1", "Startup probe failed: Get \"http://10.0.0.1:8081/config\"", "2m3s"),
        ], events);
    }

    [Fact]
    public void A_describe_events_section_is_read_under_its_rule()
    {
        const string section = """
            Status:
              Lifecycle State:  STABLE
            Events:
              Type    Reason         Age   From                  Message
              ----    ------         ----  ----                  -------
              Normal  Submit         53m   JobManagerDeployment  Starting deployment
              Normal  StatusChanged  52m   Job                   Job status changed from RECONCILING to CREATED

            """;

        var events = PrintedEvents.ReadDescribeEvents(section);

        Assert.Equal(
        [
            new PrintedEvent("Normal", "Submit", "JobManagerDeployment", "Starting deployment", "53m"),
            new PrintedEvent("Normal", "StatusChanged", "Job", "Job status changed from RECONCILING to CREATED", "52m"),
        ], events);
    }

    [Fact]
    public void A_describe_without_events_reads_as_none()
    {
        Assert.Empty(PrintedEvents.ReadDescribeEvents("Name: app\nEvents:  <none>\n"));
    }

    [Fact]
    public void A_table_without_the_kubectl_header_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => PrintedEvents.ReadGetEventsTable("TYPE  REASON  MESSAGE\nNormal  Submit  x\n"));

        Assert.Equal("line 1: expected a header with the columns LAST SEEN, TYPE, REASON, OBJECT, MESSAGE in that order, found \"TYPE  REASON  MESSAGE\"", error.Message);
    }

    [Fact]
    public void A_row_that_does_not_line_up_with_the_header_is_refused()
    {
        const string table = """
            LAST SEEN   TYPE      REASON      OBJECT                 MESSAGE
            20m         Normal    Submit      flinkdeployment/app    Starting deployment
            1m   Normal Submit flinkdeployment/app Starting deployment
            """;

        var error = Assert.Throws<FormatException>(() => PrintedEvents.ReadGetEventsTable(table));

        Assert.StartsWith("line 3: the row does not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_an_events_section_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => PrintedEvents.ReadDescribeEvents("Name: app\nStatus: READY\n"));

        Assert.Equal("kubectl describe: no 'Events:' section", error.Message);
    }

    [Fact]
    public void An_events_section_without_its_rule_is_refused()
    {
        const string section = """
            Events:
              Type    Reason   Age   From   Message
              Normal  Submit   53m   Job    Starting deployment
            """;

        var error = Assert.Throws<FormatException>(() => PrintedEvents.ReadDescribeEvents(section));

        Assert.Equal("kubectl describe line 3: expected a rule of dashes under the Events header", error.Message);
    }
}
