using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.Simulator.GroundTruth;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The demo scenario: environments prod and staging, a dozen applications, DESIGN 3.3, batch jobs, and a growing history.</summary>
public sealed class DemoScenarioTests
{
    [Fact]
    public async Task The_demo_has_prod_and_staging_with_about_a_dozen_applications()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        using var http = new SimulatorHttp(server.BaseUrl);

        var namespaces = ((JsonArray)(await http.GetAsync("/api/v1/namespaces")).Object["items"]!).Select(n => n!["metadata"]!["name"]!.GetValue<string>()).ToList();
        var applications = server.Api.ListFlinkDeployments();

        Assert.Contains("prod", namespaces);
        Assert.Contains("staging", namespaces);
        Assert.InRange(applications.Count, 11, 14);
        Assert.Contains(applications, a => a["metadata"]!["namespace"]!.GetValue<string>() == "staging");
    }

    [Fact]
    public async Task Over_twenty_minutes_the_demo_plays_the_blocked_upgrade_a_rollback_and_finite_jobs()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await using var viewer = await Viewer.WatchAsync(server);

        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(20));

        var truth = server.GroundTruth;
        var payments = truth.SpecChanges().Where(s => s.Namespace == "prod" && s.Name == "payments-fraud-detection").ToList();
        Assert.True(payments.Count >= 5, $"payments-fraud-detection had {payments.Count} specs");
        // Generation 3 reverts to generation 1's spec.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(payments[0].SpecJson), JsonNode.Parse(payments[2].SpecJson)));
        // Its own script runs in the first ten minutes: the first cluster, the upgrade once savepoints work, the stateless migration.
        var paymentClusters = truth.JobManagerDeployments().Count(d => d.Namespace == "prod" && d.ApplicationName == "payments-fraud-detection"
            && d.Change == JobManagerDeploymentChange.Created && d.Time < TestSimulator.StartTime.AddMinutes(10));
        Assert.Equal(3, paymentClusters);
        Assert.Equal("FINISHED", truth.JobStateChanges().LastOrDefault(j => j.Name == "nightly-billing-batch" && j.State == "FINISHED")?.State);
        Assert.Equal("FAILED", truth.FinalJobState("staging", "etl-backfill-2024"));
        var geo = server.Api.GetFlinkDeployment("staging", "geo-fencing-alerts")!;
        Assert.True(truth.SpecChanges().Count > 20, "spec changes keep coming");
        Assert.Contains(truth.JobStateChanges(), j => j.Name == "geo-fencing-alerts");
        Assert.Equal("STABLE", geo["status"]!["lifecycleState"]!.GetValue<string>());
        Assert.Empty(server.OperatorErrors);
    }

    [Fact]
    public async Task The_failing_savepoint_application_keeps_failed_periodic_snapshots_then_its_upgrade_and_completed_ones()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await using var viewer = await Viewer.WatchAsync(server);
        using var http = new SimulatorHttp(server.BaseUrl);

        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(10));

        var served = ((JsonArray)(await http.GetAsync("/apis/flink.apache.org/v1beta1/flinkstatesnapshots")).Object["items"]!).Select(s => s!.AsObject()).ToList();
        Assert.Empty(served.SelectMany(CrdSchema.ValidateFlinkStateSnapshot));
        var snapshots = served
            .Where(s => s["metadata"]!["namespace"]!.GetValue<string>() == "prod")
            .Where(s => s["spec"]!["jobReference"]!["name"]!.GetValue<string>() == "payments-fraud-detection")
            .OrderBy(s => s["metadata"]!["creationTimestamp"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(s => (Trigger: s["metadata"]!["labels"]!["snapshot.trigger-type"]!.GetValue<string>(), State: s["status"]?["state"]?.GetValue<string>()))
            .ToList();
        var upgrade = snapshots.FindIndex(s => s.Trigger == "UPGRADE");
        Assert.True(upgrade > 0, string.Join(", ", snapshots));
        Assert.Equal("COMPLETED", snapshots[upgrade].State);
        Assert.Contains(("PERIODIC", "FAILED"), snapshots[..upgrade]);
        Assert.Contains(("PERIODIC", "COMPLETED"), snapshots[(upgrade + 1)..]);
        Assert.Empty(server.OperatorErrors);
    }

    [Fact]
    public async Task The_in_place_change_and_the_rescale_keep_their_job_manager()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await using var viewer = await Viewer.WatchAsync(server);

        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(2.5));

        foreach (var (ns, name) in new[] { ("prod", "ad-impressions-rollup"), ("staging", "recommendations-trainer") })
        {
            var status = server.Api.GetFlinkDeployment(ns, name)!;
            Assert.Equal(2, status["status"]!["observedGeneration"]!.GetValue<long>());
            Assert.Single(server.GroundTruth.JobManagerDeployments(), d => d.Namespace == ns && d.ApplicationName == name);
        }
    }

    [Fact]
    public async Task The_story_waits_for_somebody_to_watch()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);

        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(2));
        var unwatched = server.GroundTruth.SpecChanges().Count(s => s.Namespace == "prod" && s.Name == "payments-fraud-detection");
        await using var viewer = await Viewer.WatchAsync(server);
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, unwatched);
        Assert.Equal(3, server.GroundTruth.SpecChanges().Count(s => s.Namespace == "prod" && s.Name == "payments-fraud-detection"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_demo()
    {
        await using var first = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await using var second = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await using var firstViewer = await Viewer.WatchAsync(first);
        await using var secondViewer = await Viewer.WatchAsync(second);
        await first.Clock.AdvanceAsync(TimeSpan.FromMinutes(10));
        await second.Clock.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(
            first.GroundTruth.JobManagerDeployments().Select(d => (d.ApplicationName, d.DeploymentUid, d.Change)),
            second.GroundTruth.JobManagerDeployments().Select(d => (d.ApplicationName, d.DeploymentUid, d.Change)));
        Assert.Equal(first.GroundTruth.SpecChanges().Select(s => s.SpecJson), second.GroundTruth.SpecChanges().Select(s => s.SpecJson));
    }
}
