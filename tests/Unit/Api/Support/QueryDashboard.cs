using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.Api.Support;

/// <summary>
/// A real dashboard whose store holds names and states for CMF's <c>filter</c> and <c>search</c> examples, made by the
/// real tracker: environments prod, foo-bar, foo-qa-bar, foo-baz and staging (namespaces differ from the names); in prod,
/// prod-orders after a savepoint upgrade (the most events, of every type), prod-payments whose job FAILED, prod-audit
/// without a job state, foo-x-bar and reports RUNNING.
/// </summary>
public class QueryDashboard : IAsyncLifetime
{
    public const string Environment = "prod";

    public const string EventsApplication = "prod-orders";

    public const string EnvironmentsPath = "/cmf/api/v1/environments";

    public const string ApplicationsPath = "/cmf/api/v1/environments/prod/applications";

    public const string InstancesPath = "/cmf/api/v1/environments/prod/applications/prod-orders/instances";

    public const string EventsPath = "/cmf/api/v1alpha1/environments/prod/applications/prod-orders/events";

    public DashboardHost Host { get; private set; } = null!;

    public HttpClient Client => Host.Client;

    public SeededApplication Orders { get; private set; } = null!;

    protected virtual StoreProviderKind Engine => StoreProviderKind.Sqlite;

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync(store: Engine);
        var store = Host.Store;
        await store.UpsertEnvironmentsAsync(
        [
            new EnvironmentInfo("prod", "prod"),
            new EnvironmentInfo("foo-bar", "team-a"),
            new EnvironmentInfo("foo-qa-bar", "qa-space"),
            new EnvironmentInfo("foo-baz", "kube-foo"),
            new EnvironmentInfo("staging", "stage-ns"),
        ], CancellationToken.None);

        Orders = Application(store, EventsApplication);
        await Orders.SavepointUpgradeAsync();

        var payments = Application(store, "prod-payments");
        await payments.DeployedAndRunningAsync();
        await payments.StatusAsync(s => s with { JobState = JobState.Failed });

        await Application(store, "prod-audit").SpecAsync("v1");
        await Application(store, "foo-x-bar").DeployedAndRunningAsync();
        await Application(store, "reports").DeployedAndRunningAsync();
    }

    private static SeededApplication Application(Cmf.Core.Storage.InstanceStore store, string name) =>
        new(store, new ApplicationKey(Environment, name), Environment);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The same dashboard and history on a PostgreSQL store.</summary>
public sealed class QueryPostgreSqlDashboard : QueryDashboard
{
    protected override StoreProviderKind Engine => StoreProviderKind.PostgreSql;
}
