using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// FlinkStateSnapshots and the Events about them read by independent clients: the installed kubectl and the official
/// Kubernetes Python client (python3-kubernetes), list and watch.
/// </summary>
public sealed class SnapshotClientTests
{
    [Fact]
    public async Task Kubectl_gets_snapshots_with_the_crd_printer_columns_by_name_and_short_name()
    {
        await using var cluster = await PeriodicAndUpgradeSnapshotsAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(cluster.Server.WriteKubeconfig(temp.File("kubeconfig")));

        var table = (await kubectl.RunAsync("get", "flinkstatesnapshots", "-n", "default")).ShouldSucceed();
        var byShortName = (await kubectl.RunAsync("get", "flinksnp", "-n", "default", "-l", "snapshot.trigger-type=UPGRADE", "-o", "name")).ShouldSucceed();

        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+PATH\s+RESULT TIMESTAMP\s+SNAPSHOT STATE\s+AGE", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("payments-savepoint-upgrade-", StringComparison.Ordinal) && l.Contains("COMPLETED", StringComparison.Ordinal)
            && l.Contains("file:///flink-data/savepoints/savepoint-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("payments-savepoint-periodic-", StringComparison.Ordinal));
        Assert.Matches(@"^flinkstatesnapshot\.flink\.apache\.org/payments-savepoint-upgrade-[0-9]{13}$", byShortName.Output.Trim());
    }

    [Fact]
    public async Task Kubectl_lists_the_events_about_snapshots_by_their_kind()
    {
        await using var cluster = await PeriodicAndUpgradeSnapshotsAsync(savepointsFail: true);
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(cluster.Server.WriteKubeconfig(temp.File("kubeconfig")));

        var events = (await kubectl.RunAsync("get", "events", "-n", "default", "--field-selector", "involvedObject.kind=FlinkStateSnapshot")).ShouldSucceed();

        var lines = events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE", lines[0]);
        Assert.True(lines.Length > 1, events.Output);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"\sWarning\s+SavepointError\s+flinkstatesnapshot/payments-savepoint-periodic-[0-9]{13}\s", l));
    }

    [Fact]
    public async Task The_official_python_client_lists_and_watches_snapshots_and_reads_their_events_as_typed_models()
    {
        await using var cluster = await PeriodicAndUpgradeSnapshotsAsync(savepointsFail: true);
        using var temp = new TempDirectory();
        var kubeconfig = cluster.Server.WriteKubeconfig(temp.File("kubeconfig"));
        var script = Path.Combine(AppContext.BaseDirectory, "Simulator", "Support", "snapshot_client.py");

        var run = await Command.RunAsync(TypedModels.Python, [script, kubeconfig, "default"], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"snapshot_client.py failed ({run.ExitCode}; is python3-kubernetes installed? ./test.sh installs it): {run.Error}");
        var result = JsonNode.Parse(run.Output)!;
        var listed = result["snapshots"]!.AsArray().Select(s => (Name: s!["name"]!.GetValue<string>(), State: s["state"]?.GetValue<string>())).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, s => Assert.Equal("FAILED", s.State));
        var watched = result["watched"]!.AsArray().Select(w => (Type: w!["type"]!.GetValue<string>(), Name: w["name"]!.GetValue<string>())).ToList();
        Assert.Equal(listed.Select(s => ("ADDED", s.Name)).Order(), watched.Order());
        var events = result["events"]!.AsArray();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal("FlinkStateSnapshot", e!["kind"]!.GetValue<string>());
            Assert.Equal("SavepointError", e["reason"]!.GetValue<string>());
            Assert.Equal("Snapshot", e["component"]!.GetValue<string>());
            Assert.Contains(e["name"]!.GetValue<string>(), listed.Select(s => s.Name));
        });
    }

    // payments runs with a periodic savepoint every 2 minutes, then gets an upgrade (blocked when savepoints fail).
    private static async Task<ObservedCluster> PeriodicAndUpgradeSnapshotsAsync(bool savepointsFail = false)
    {
        var cluster = await ObservedCluster.StartAsync();
        var builder = FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "2m");
        if (savepointsFail)
        {
            builder = builder.WithAnnotation(SimulatorKnobs.SavepointFails, "true");
        }
        await cluster.CreateAsync(builder.Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(5));
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));
        return cluster;
    }
}
