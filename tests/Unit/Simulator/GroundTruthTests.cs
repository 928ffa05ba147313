using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator.GroundTruth;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The ground truth log records what really happened, matching what a client observed.</summary>
public sealed class GroundTruthTests
{
    [Fact]
    public async Task Spec_changes_and_job_manager_deployments_match_what_the_watches_saw()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.PatchAsync("orders", OperatorUpgradeTests.Parallelism(3));
        await cluster.PatchAsync("orders", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["team"] = "x" } } });
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));

        var specChanges = cluster.Server.GroundTruth.SpecChanges();
        var deployments = cluster.Server.GroundTruth.JobManagerDeployments();
        var watched = cluster.JobManagerEvents();

        Assert.Equal([1L, 2L], specChanges.Select(s => s.Generation));
        Assert.Equal(3, JsonNode.Parse(specChanges[1].SpecJson)!["job"]!["parallelism"]!.GetValue<int>());
        Assert.Equal(watched.Select(w => w.Uid), deployments.Select(d => d.DeploymentUid));
        Assert.Equal([JobManagerDeploymentChange.Created, JobManagerDeploymentChange.Deleted, JobManagerDeploymentChange.Created], deployments.Select(d => d.Change));
        Assert.Equal([1L, 1L, 2L], deployments.Select(d => d.GenerationAnnotation ?? 0));
        Assert.All(deployments, d => Assert.Equal(specChanges[0].ObjectUid, d.FlinkDeploymentUid));
        Assert.Equal("RUNNING", cluster.Server.GroundTruth.FinalJobState("default", "orders"));
    }

    [Fact]
    public async Task Job_states_are_recorded_against_the_cluster_that_ran_them()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("billing").WithAnnotation(SimulatorKnobs.FinishAfterSeconds, "30").Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));

        var states = cluster.Server.GroundTruth.JobStateChanges();
        var cluster1 = Assert.Single(cluster.Server.GroundTruth.JobManagerDeployments()).DeploymentUid;

        Assert.Equal(["RECONCILING", "RUNNING", "FINISHED"], states.Select(s => s.State));
        Assert.All(states, s => Assert.Equal(cluster1, s.DeploymentUid));
        Assert.Equal("FINISHED", Assert.Single(cluster.Server.GroundTruth.FinalJobStates()).State);
    }

    [Fact]
    public async Task The_ground_truth_is_readable_over_http()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.Http.DeleteAsync(SimulatorHttp.FlinkDeployments + "/orders");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));

        var document = await cluster.Http.GetAsync("/_sim/ground-truth");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        Assert.Equal("orders", document.Object["specChanges"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["Created", "Deleted"], document.Object["jobManagerDeployments"]!.AsArray().Select(d => d!["change"]!.GetValue<string>()));
        Assert.Equal("orders", document.Object["deletions"]![0]!["name"]!.GetValue<string>());
    }
}
