using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// A FlinkDeployment Event list is mapped on several threads: the observations equal the serial mapper's, item by
/// item, and an Event about a snapshot that a server let into that list still waits for its snapshot's owner as the
/// serial mapper leaves it waiting.
/// </summary>
public sealed class ObjectMappingParallelTests
{
    [Fact]
    public async Task A_FlinkDeployment_Event_list_mapped_in_parallel_gives_the_serial_observations()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var lists = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        var events = lists.Single(l => l.Kind == ResourceKind.FlinkDeploymentEvent);

        var serial = Map(events, parallel: false).Mapped;
        var parallel = Map(events, parallel: true).Mapped;

        // Above the parallel threshold, and every Event filed under its application.
        Assert.True(events.Items.Count >= 64, $"{events.Items.Count} Events");
        Assert.All(serial, o => Assert.IsType<OperatorEventObserved>(o));
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public async Task An_Event_about_a_snapshot_in_a_FlinkDeployment_Event_list_waits_for_its_owner_in_parallel_as_serially()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var lists = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        var events = lists.Single(l => l.Kind == ResourceKind.FlinkDeploymentEvent);
        var aboutSnapshot = events.Items[3].Json.DeepClone().AsObject();
        aboutSnapshot["metadata"]!["uid"] = "snapshot-event-uid";
        aboutSnapshot["involvedObject"] = new JsonObject { ["kind"] = "FlinkStateSnapshot", ["name"] = "savepoint-1" };
        var @namespace = aboutSnapshot["metadata"]!["namespace"]!.GetValue<string>();
        // A server that ignored the field selector: an Event about a snapshot half-way through the list.
        var mixed = events with { Items = [.. events.Items.Take(40), new ApiObject(aboutSnapshot), .. events.Items.Skip(40)] };

        var serial = Map(mixed, parallel: false);
        var parallel = Map(mixed, parallel: true);

        Assert.Null(serial.Mapped[40]);
        Assert.Equal(serial.Mapped, parallel.Mapped);
        var owner = new ApplicationKey("anywhere", "app-001");
        Assert.Equal("snapshot-event-uid", Assert.Single(serial.Owners.Add(@namespace, "savepoint-1", owner)).Json["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal("snapshot-event-uid", Assert.Single(parallel.Owners.Add(@namespace, "savepoint-1", owner)).Json["metadata"]!["uid"]!.GetValue<string>());
    }

    private static (Observation?[] Mapped, SnapshotOwners Owners) Map(ResourceListed list, bool parallel)
    {
        var owners = new SnapshotOwners();
        var mapping = new ObjectMapping(new EnvironmentDiscovery(new EnvironmentCatalog([], watchAllNamespaces: true)), owners, parallel);
        return (mapping.MapListed(list, []), owners);
    }
}
