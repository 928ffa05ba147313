using System.Text.Json.Nodes;
using Cmf.UnitTests.TestSupport;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The installed kubectl (v1.32) works against the simulator: get, apply, patch, get -w, delete, create namespace.</summary>
public sealed class KubectlTests
{
    [Fact]
    public async Task Get_flinkdeployments_across_namespaces_lists_the_demo_applications()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));

        var result = (await kubectl.RunAsync("get", "flinkdeployments", "-A")).ShouldSucceed();

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAMESPACE\s+NAME\s+JOB STATUS\s+LIFECYCLE STATE\s+AGE", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("prod ", StringComparison.Ordinal) && l.Contains("payments-fraud-detection", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("staging ", StringComparison.Ordinal) && l.Contains("orders-enrichment", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RUNNING", StringComparison.Ordinal) && l.Contains("STABLE", StringComparison.Ordinal));
        Assert.InRange(lines.Length - 1, 12, 14);
    }

    [Fact]
    public async Task The_short_name_flinkdep_resolves_through_discovery()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));

        var result = (await kubectl.RunAsync("get", "flinkdep", "-n", "staging", "-o", "name")).ShouldSucceed();

        Assert.Contains("flinkdeployment.flink.apache.org/geo-fencing-alerts", result.Output);
    }

    [Fact]
    public async Task Apply_creates_the_operator_example_and_a_second_apply_changes_nothing()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));

        var created = (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();
        var again = (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        var got = (await kubectl.RunAsync("get", "flinkdeployment", "basic-example", "-o", "jsonpath={.metadata.generation} {.status.lifecycleState} {.metadata.annotations}")).ShouldSucceed();

        Assert.Contains("flinkdeployment.flink.apache.org/basic-example created", created.Output);
        Assert.Contains("flinkdeployment.flink.apache.org/basic-example unchanged", again.Output);
        Assert.StartsWith("1 STABLE ", got.Output);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", got.Output);
    }

    [Fact]
    public async Task Patch_bumps_the_generation_and_the_upgrade_brings_a_job_manager_with_a_new_uid()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        var firstUid = (await kubectl.RunAsync("get", "deployment", "basic-example", "-o", "jsonpath={.metadata.uid}")).ShouldSucceed().Output;

        (await kubectl.RunAsync("patch", "flinkdeployment", "basic-example", "--type", "merge", "-p", """{"spec":{"job":{"parallelism":3}}}""")).ShouldSucceed();
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));

        var generation = (await kubectl.RunAsync("get", "flinkdep", "basic-example", "-o", "jsonpath={.metadata.generation}")).ShouldSucceed().Output;
        var deployment = (await kubectl.RunAsync("get", "deployment", "basic-example", "-o",
            "jsonpath={.metadata.uid} {.metadata.annotations.flinkdeployment\\.flink\\.apache\\.org/generation}")).ShouldSucceed().Output.Split(' ');
        Assert.Equal("2", generation);
        Assert.NotEqual(firstUid, deployment[0]);
        Assert.Equal("2", deployment[1]);
    }

    [Fact]
    public async Task Get_watch_prints_the_status_updates_of_an_upgrade()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));

        using var watch = kubectl.Stream("get", "flinkdep", "-w");
        await Eventually.TrueAsync(() => watch.Lines.Any(l => l.Contains("STABLE", StringComparison.Ordinal)), "kubectl printed the current state");
        (await kubectl.RunAsync("patch", "flinkdeployment", "basic-example", "--type", "merge", "-p", """{"spec":{"job":{"parallelism":3}}}""")).ShouldSucceed();
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => watch.Lines.Count(l => l.Contains("STABLE", StringComparison.Ordinal)) >= 3, "kubectl printed the upgrade through to STABLE again");

        var lines = watch.Lines;
        Assert.Matches(@"^NAME\s+JOB STATUS\s+LIFECYCLE STATE\s+AGE", lines[0]);
        Assert.Contains(lines, l => l.Contains("FINISHED", StringComparison.Ordinal) && l.Contains("UPGRADING", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RECONCILING", StringComparison.Ordinal) && l.Contains("DEPLOYED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_namespace_sends_protobuf_and_get_shows_the_namespace_active()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));

        // -v=8 logs the request headers: kubectl's typed client sends the Namespace as protobuf.
        var created = (await kubectl.RunAsync("create", "namespace", "team-a", "-v=8")).ShouldSucceed();
        var got = (await kubectl.RunAsync("get", "namespace", "team-a", "-o", "json")).ShouldSucceed();

        Assert.Contains("namespace/team-a created", created.Output);
        Assert.Contains("Content-Type: application/vnd.kubernetes.protobuf", created.Error);
        var ns = JsonNode.Parse(got.Output)!;
        Assert.Equal("Active", ns["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("kubernetes", ns["spec"]!["finalizers"]![0]!.GetValue<string>());
        Assert.Equal("team-a", ns["metadata"]!["labels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_removes_the_flink_deployment_and_its_cluster()
    {
        await using var server = await TestSimulator.StartAsync(configure: o => { o.ManualClock = false; o.Speed = 50; });
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();
        await Eventually.TrueAsync(async () => (await kubectl.RunAsync("get", "deployment", "basic-example")).ExitCode == 0, "the cluster was deployed");

        var deleted = (await kubectl.RunAsync("delete", "flinkdeployment", "basic-example", "--timeout=60s")).ShouldSucceed();

        Assert.Contains("\"basic-example\" deleted", deleted.Output);
        var remaining = (await kubectl.RunAsync("get", "flinkdeployments,deployments,pods", "-o", "name")).ShouldSucceed();
        Assert.Equal("", remaining.Output.Trim());
    }
}
