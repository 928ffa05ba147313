using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class EventTableTests : DashboardTestContext
{
    private const string KnownUid = "00000000-0000-0000-0000-000000000001";
    private const string PrunedUid = "9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910";

    private static EventView Event(long id, string message, string? instanceUid = null) => new()
    {
        Id = id,
        Timestamp = Now.AddMinutes(-id),
        Kind = AppEventKind.ErrorSet,
        CmfType = "CMF_STATUS",
        Message = message,
        InstanceUid = instanceUid,
    };

    private IRenderedComponent<EventTable> RenderEvents(params EventView[] events) => Render<EventTable>(p => p
        .Add(c => c.Environment, "prod")
        .Add(c => c.Application, "orders")
        .Add(c => c.Events, events)
        .Add(c => c.InstanceSequences, new Dictionary<string, int> { [KnownUid] = 1 }));

    [Fact]
    public void An_event_of_a_kept_instance_links_to_it_by_number()
    {
        var cut = RenderEvents(Event(1, "Instance #1 created", KnownUid));

        var link = cut.Find("tbody a");
        Assert.Equal("#1", link.TextContent);
        Assert.Equal($"/environments/prod/applications/orders/instances/{KnownUid}", link.GetAttribute("href"));
    }

    [Fact]
    public void An_event_of_an_instance_no_longer_kept_shows_its_short_uid()
    {
        var cut = RenderEvents(Event(1, "Instance #7 created", PrunedUid));

        Assert.Equal("9b7e6d5c", cut.Find("tbody a").TextContent);
    }

    [Theory]
    [MemberData(nameof(HostileMessages))]
    public void A_hostile_message_is_shown_as_text(string message)
    {
        var cut = RenderEvents(Event(1, "Error: " + message));

        Assert.Equal("Error: " + message, cut.Find(".event-table__message").TextContent);
        Assert.Empty(cut.FindAll("tbody script, tbody img"));
    }

    [Fact]
    public void An_event_the_operator_repeated_says_how_often_and_when_last()
    {
        var repeated = Event(1, "Error: Savepoint Error") with { Count = 14, LastSeenAt = Now.AddMinutes(-3) };

        var message = RenderEvents(repeated).Find(".event-table__message");

        Assert.Equal("Error: Savepoint Error × 14, last 3 min ago", message.TextContent);
        Assert.Equal("Seen 14 times, first 2025-03-01T11:59:00Z, last 2025-03-01T11:57:00Z", message.QuerySelector(".event-table__count")!.GetAttribute("title"));
    }

    [Fact]
    public void An_event_seen_once_has_no_count()
    {
        Assert.Empty(RenderEvents(Event(1, "Instance #1 created", KnownUid)).FindAll(".event-table__count"));
    }

    [Fact]
    public void No_events_gets_an_empty_state()
    {
        var cut = RenderEvents();

        Assert.Equal("No events recorded", cut.Find(".empty-state__title").TextContent);
    }

    public static TheoryData<string> HostileMessages => HostileText.All;
}
