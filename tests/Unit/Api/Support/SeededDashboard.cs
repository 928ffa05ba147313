using Cmf.Core.Configuration;
using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Api.Support;

/// <summary>
/// One real dashboard (Kestrel on 127.0.0.1) whose store holds a small history made by the real tracker, shared by the
/// read-only tests of a class: environments prod (with defaults), staging and quiet (no applications);
/// prod/orders after a savepoint upgrade (#1 on C1, #2 on C2, the password changed); prod/payments with #2 blocked by a
/// savepoint that failed three times (one counted error event); prod/audit with one instance; staging/trimmed with #1
/// pruned by retention.
/// </summary>
public class SeededDashboard : IAsyncLifetime
{
    public DashboardHost Host { get; private set; } = null!;

    public HttpClient Client => Host.Client;

    public SeededApplication Orders { get; private set; } = null!;

    public SeededApplication Payments { get; private set; } = null!;

    public string PrunedUid { get; private set; } = "";

    public string TrimmedLatestUid { get; private set; } = "";

    protected virtual StoreProviderKind Engine => StoreProviderKind.Sqlite;

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync(store: Engine);
        var store = Host.Store;
        await store.UpsertEnvironmentsAsync(
        [
            new EnvironmentInfo("prod", "prod", (JsonObject?)SecretMasker.Fingerprint(RealisticSpec.Defaults())),
            new EnvironmentInfo("staging", "staging"),
            new EnvironmentInfo("quiet", "quiet"),
        ], CancellationToken.None);

        Orders = new SeededApplication(store, new ApplicationKey("prod", "orders"), "prod");
        await Orders.SpecAsync(RealisticSpec.Basic().WithEnvironmentDefaults().Build());
        await Orders.ClusterStartedAsync("C1");
        await Orders.RunningAsync();
        await Orders.SpecAsync(RealisticSpec.Basic().WithEnvironmentDefaults().WithParallelism(4).WithPassword("a-new-secret-do-not-show").Build());
        await Orders.StatusAsync(Tracking.StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        await Orders.ClusterEndedAsync("C1");
        await Orders.ClusterStartedAsync("C2");
        await Orders.RunningAsync();

        Payments = new SeededApplication(store, new ApplicationKey("prod", "payments"), "prod");
        await Payments.SpecAsync(RealisticSpec.Basic().WithEnvironmentDefaults().Build());
        await Payments.ClusterStartedAsync("C1");
        await Payments.RunningAsync();
        await Payments.SpecAsync(RealisticSpec.Basic().WithEnvironmentDefaults().WithParallelism(4).Build());
        await Payments.StatusAsync(Tracking.StatusChanges.SavepointFailed(observedGeneration: 1));
        await Payments.StatusAsync(Tracking.StatusChanges.ErrorCleared());
        await Payments.StatusAsync(Tracking.StatusChanges.SavepointFailed(observedGeneration: 1));
        await Payments.StatusAsync(Tracking.StatusChanges.ErrorCleared());
        await Payments.StatusAsync(Tracking.StatusChanges.SavepointFailed(observedGeneration: 1));

        var audit = new SeededApplication(store, new ApplicationKey("prod", "audit"), "prod");
        await audit.SpecAsync(RealisticSpec.Basic().WithEnvironmentDefaults().Build());

        var trimmed = new SeededApplication(store, new ApplicationKey("staging", "trimmed"), "staging", new TrackerSettings(2));
        await trimmed.SpecAsync("v1");
        PrunedUid = trimmed.InstanceUid(1);
        await trimmed.SpecAsync("v2");
        await trimmed.SpecAsync("v3");
        TrimmedLatestUid = trimmed.InstanceUid(3);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The same dashboard and history on a PostgreSQL store.</summary>
public sealed class SeededPostgreSqlDashboard : SeededDashboard
{
    protected override StoreProviderKind Engine => StoreProviderKind.PostgreSql;
}
