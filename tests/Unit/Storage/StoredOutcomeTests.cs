using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// The outcome the tracker stores on each instance, as the changes list reads it without any history, equals the
/// outcome told from the application's whole stored history (instances, clusters, current and pending instance, error
/// episode), as the application and instance pages tell it: after every step of the DESIGN 3.3 scenarios.
/// </summary>
public abstract class StoredOutcomeTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    private static readonly DateTimeOffset From = TrackerScenario.Start.AddHours(-1);
    private static readonly DateTimeOffset To = TrackerScenario.Start.AddDays(1);

    public static TheoryData<string, InstanceOutcomeKind> Scenarios => new()
    {
        { "savepoint upgrade", InstanceOutcomeKind.Stopped },
        { "blocked upgrade", InstanceOutcomeKind.UpgradeBlocked },
        { "revert after a blocked upgrade", InstanceOutcomeKind.Reverted },
        { "in-place change", InstanceOutcomeKind.SupersededInPlace },
        { "rollback", InstanceOutcomeKind.RolledBack },
        { "replaced before deployment", InstanceOutcomeKind.NeverDeployed },
        { "finite job ends", InstanceOutcomeKind.JobEnded },
        { "stateless upgrade", InstanceOutcomeKind.Superseded },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_stored_outcome_equals_the_outcome_told_from_the_whole_history_after_every_step(string scenario, InstanceOutcomeKind reached)
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"), "prod");
        var seen = new HashSet<InstanceOutcomeKind>();

        foreach (var step in Steps(scenario))
        {
            await step(app);
            foreach (var kind in await AssertStoredOutcomesMatchTheHistoryAsync(app))
            {
                seen.Add(kind);
            }
        }

        Assert.Contains(reached, seen);
    }

    [Fact]
    public async Task An_outcome_that_moves_with_a_later_step_is_rewritten_on_the_instance()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"), "prod");
        await app.FailingSavepointAsync();
        Assert.Equal(InstanceOutcomeKind.UpgradeBlocked, (await StoredAsync(app, 2)).Kind);

        await app.SpecAsync("v1");
        await app.StatusAsync(ErrorCleared());
        await app.StatusAsync(ReconciledInPlace(observedGeneration: 3));

        Assert.Equal(InstanceOutcomeKind.NeverDeployed, (await StoredAsync(app, 2)).Kind);
        var reverted = await StoredAsync(app, 3);
        Assert.Equal(InstanceOutcomeKind.Reverted, reverted.Kind);
        Assert.Equal(app.InstanceUid(1), reverted.InstanceUid);
        Assert.Equal(1, reverted.InstanceSequence);
    }

    private async Task<InstanceOutcomeFacts> StoredAsync(SeededApplication app, int sequence)
    {
        var list = await Db.Queries.ListChangesAsync(new ChangeListQuery { From = From, To = To, Limit = 500 }, None);
        return list.Entries.Single(e => e.Instance.Uid == app.InstanceUid(sequence)).Instance.Outcome
            ?? throw new Xunit.Sdk.XunitException($"#{sequence} has no stored outcome");
    }

    /// <returns>The kinds of the instances' outcomes.</returns>
    private async Task<IReadOnlyList<InstanceOutcomeKind>> AssertStoredOutcomesMatchTheHistoryAsync(SeededApplication app)
    {
        var now = app.Now;
        var page = await ChangeListReader.ReadAsync(Db.Queries, new ChangeListFilter { From = From, To = To }, ChangeListReader.MaxPageSize, now, None);
        var detail = await Db.Queries.GetApplicationAsync(app.Key, None) ?? throw new Xunit.Sdk.XunitException("application not stored");
        var timeline = await Db.Queries.GetTimelineAsync(app.Key, range: null, None) ?? throw new Xunit.Sdk.XunitException("no timeline");
        var instances = timeline.Instances;
        var history = ApplicationHistory.Of(detail.Summary, instances, timeline.Clusters);

        Assert.Equal(instances.Count, page.Rows.Count);
        foreach (var instance in instances)
        {
            var told = InstanceOutcome.For(instance, history, now);
            var row = page.Rows.Single(r => r.Instance.Uid == instance.Uid);
            Assert.NotNull(row.Outcome);
            Assert.Equal((told.Kind, told.Text, told.Description), (row.Outcome.Kind, row.Outcome.Text, row.Outcome.Description));
        }
        return [.. page.Rows.Select(r => r.Outcome!.Kind)];
    }

    private static IReadOnlyList<Func<SeededApplication, Task>> Steps(string scenario) => scenario switch
    {
        "savepoint upgrade" =>
        [
            a => a.DeployedAndRunningAsync(),
            a => a.SpecAsync("v2"),
            a => a.StatusAsync(StoppedWithSavepoint(observedGeneration: 2)),
            a => a.ClusterEndedAsync("C1"),
            a => a.StatusAsync(ClusterDeleted().Then(NewJobId("J2"))),
            a => a.ClusterStartedAsync("C2"),
            a => a.StatusAsync(Submitted(observedGeneration: 2)),
            a => a.RunningAsync(),
        ],
        "blocked upgrade" => [a => a.DeployedAndRunningAsync(), a => a.SpecAsync("v2"), a => a.StatusAsync(SavepointFailed(observedGeneration: 1)),
            a => a.StatusAsync(ErrorCleared()), a => a.StatusAsync(SavepointFailed(observedGeneration: 1))],
        "revert after a blocked upgrade" => [a => a.FailingSavepointAsync(), a => a.SpecAsync("v1"), a => a.StatusAsync(ErrorCleared()),
            a => a.StatusAsync(ReconciledInPlace(observedGeneration: 3)), a => a.SpecAsync("v4"), a => a.ClusterEndedAsync("C1")],
        "in-place change" => [a => a.DeployedAndRunningAsync(), a => a.SpecAsync("v1-last-state"), a => a.StatusAsync(ReconciledInPlace(observedGeneration: 2))],
        "rollback" =>
        [
            a => a.DeployedAndRunningAsync(),
            a => a.SpecAsync("broken"),
            a => a.StatusAsync(StoppedWithSavepoint(observedGeneration: 2)),
            a => a.ClusterEndedAsync("C1"),
            a => a.StatusAsync(ClusterDeleted().Then(NewJobId("J2"))),
            a => a.ClusterStartedAsync("C2"),
            a => a.StatusAsync(Submitted(observedGeneration: 2)),
            a => a.StatusAsync(DeploymentFailed()),
            a => a.ClusterEndedAsync("C2"),
            a => a.StatusAsync(RollingBack()),
            a => a.StatusAsync(NewJobId("J3")),
            a => a.ClusterStartedAsync("C3"),
            a => a.StatusAsync(RolledBackSubmitted()),
            a => a.StatusAsync(RolledBackRunning()),
        ],
        "replaced before deployment" => [a => a.DeployedAndRunningAsync(), a => a.SpecAsync("v2"), a => a.SpecAsync("v3"),
            a => a.StatusAsync(StoppedAndDeleted(observedGeneration: 3)), a => a.ClusterEndedAsync("C1"), a => a.ClusterStartedAsync("C2"), a => a.RunningAsync()],
        "finite job ends" => [a => a.DeployedAndRunningAsync(), a => a.StatusAsync(s => s with { JobState = JobState.Finished }), a => a.SpecAsync("v2"),
            a => a.ClusterEndedAsync("C1")],
        "stateless upgrade" => [a => a.DeployedAndRunningAsync(), a => a.SpecAsync("v2"), a => a.ClusterEndedAsync("C1"),
            a => a.StatusAsync(StoppedAndDeleted(observedGeneration: 2)), a => a.StatusAsync(NewJobId("J2")), a => a.ClusterStartedAsync("C2"), a => a.RunningAsync()],
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };
}

public sealed class StoredOutcomeTestsOnSqlite() : StoredOutcomeTests(StoreProviderKind.Sqlite);

public sealed class StoredOutcomeTestsOnPostgreSql() : StoredOutcomeTests(StoreProviderKind.PostgreSql);
