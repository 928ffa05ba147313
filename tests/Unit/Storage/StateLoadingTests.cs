using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Storage;

public abstract class StateLoadingTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task Loading_states_returns_the_stored_applications_and_skips_unknown_keys()
    {
        var orders = new TrackedApplication(name: "orders");
        var payments = new TrackedApplication(name: "payments");
        await Db.CommitAsync(orders.NewInstance(), payments.NewInstance(), payments.StartCluster());

        var states = await Db.Store.LoadStatesAsync([payments.Key, new ApplicationKey("prod", "missing")], None);

        var state = Assert.Single(states);
        Assert.Equal(payments.Key, state.Key);
        Assert.Equal(payments.State.Clusters, state.Clusters);
    }

    [Fact]
    public async Task Tracker_memory_of_rollbacks_rejections_and_held_clusters_survives_a_reload()
    {
        var orders = new TrackedApplication(name: "orders");
        var result = orders.NewInstance();
        var held = new HeldCluster(
            new JobManagerDeploymentSnapshot { Uid = "held-deployment", Name = "orders", GenerationAnnotation = 7, ResourceVersion = "99" },
            TrackedApplication.Start,
            DeletedAt: TrackedApplication.Start.AddSeconds(5));
        var remembered = result.State with
        {
            LastRejection = "FlinkDeployment@42",
            HeldClusters = [held],
            ErrorEpisode = new ErrorEpisode { Message = "Savepoint Error", PendingInstanceUid = "uid-2", FirstSeen = TrackedApplication.Start, LastSeen = TrackedApplication.Start.AddMinutes(5), Count = 7 },
        };
        await Db.CommitAsync(result with { State = remembered });

        var state = Assert.Single(await Db.Store.LoadStatesAsync([orders.Key], None));

        Assert.Equal("FlinkDeployment@42", state.LastRejection);
        Assert.Equal(remembered.ErrorEpisode, state.ErrorEpisode);
        Assert.Equal([held], state.HeldClusters);
    }

    [Fact]
    public async Task Who_changed_an_instance_is_stored_shown_and_reloaded()
    {
        var orders = new TrackedApplication(name: "orders");
        var result = orders.NewInstance();
        var changedAt = TrackedApplication.Start.AddMinutes(-3);
        var attributed = result.State with
        {
            Instances = [result.State.Instances[0] with { ChangedBy = "kubectl-patch", ChangedAt = changedAt, ChangeOrigin = "Argo CD application payments" }],
        };
        await Db.CommitAsync(result with { State = attributed });

        var shown = (await Db.Queries.GetInstanceAsync(orders.Key, attributed.Instances[0].Uid, None))!.Instance;
        var reloaded = Assert.Single(Assert.Single(await Db.Store.LoadStatesAsync([orders.Key], None)).Instances);

        Assert.Equal(("kubectl-patch", (DateTimeOffset?)changedAt, "Argo CD application payments"), (shown.ChangedBy, shown.ChangedAt, shown.ChangeOrigin));
        Assert.Equal(attributed.Instances[0], reloaded);
    }

    [Fact]
    public async Task Loading_all_states_streams_every_application_in_chunks()
    {
        var apps = Enumerable.Range(1, 1203).Select(n => new TrackedApplication(name: $"app-{n:D4}")).ToList();
        await Db.Store.CommitAsync([.. apps.Select(a => a.NewInstance())], None);

        var loaded = new List<ApplicationState>();
        await foreach (var state in Db.Store.LoadAllStatesAsync(None))
        {
            loaded.Add(state);
        }

        Assert.Equal(apps.Select(a => a.Key), loaded.Select(s => s.Key));
        Assert.All(loaded, s => Assert.Single(s.Instances));
    }

    [Fact]
    public async Task Application_keys_are_listed_by_environment_then_name()
    {
        var b = new TrackedApplication("staging", "b");
        var a = new TrackedApplication("staging", "a");
        var c = new TrackedApplication("prod", "c");
        await Db.CommitAsync(b.NewInstance(), a.NewInstance(), c.NewInstance());

        var keys = await Db.Store.ListApplicationKeysAsync(None);

        Assert.Equal([c.Key, a.Key, b.Key], keys);
    }
}

public sealed class StateLoadingTestsOnSqlite() : StateLoadingTests(StoreProviderKind.Sqlite);

public sealed class StateLoadingTestsOnPostgreSql() : StateLoadingTests(StoreProviderKind.PostgreSql);
