using Cmf.Core.Model;
using Cmf.UnitTests.Dashboard;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Api.Support;

/// <summary>
/// A real dashboard whose store holds the large specs of the bounded-work attacks: prod/huge, whose #2 carries a
/// 1.4 MB single-line arg; prod/history, 100 instances of 200 KB specs (20 MB in all); and environment bulk, 30
/// applications of 200 KB specs.
/// </summary>
public sealed class LargeSpecDashboard : IAsyncLifetime
{
    public const int LargeSpecLength = 200_000;
    public const int HistoryInstances = 100;
    public const int BulkApplications = 30;

    public DashboardHost Host { get; private set; } = null!;

    public HttpClient Client => Host.Client;

    public SeededApplication Huge { get; private set; } = null!;

    public SeededApplication History { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync();
        await Host.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "prod"), new EnvironmentInfo("bulk", "bulk")], CancellationToken.None);

        Huge = new SeededApplication(Host.Store, new ApplicationKey("prod", "huge"), "prod");
        await Huge.SpecAsync(SpecJson.Orders());
        await Huge.SpecAsync(SpecJson.Orders(arg: LongArg.Of(1_400_000)));

        History = new SeededApplication(Host.Store, new ApplicationKey("prod", "history"), "prod");
        for (var i = 1; i <= HistoryInstances; i++)
        {
            await History.SpecAsync(SpecJson.Orders(parallelism: i, arg: LongArg.Of(LargeSpecLength)));
        }

        for (var i = 1; i <= BulkApplications; i++)
        {
            var application = new SeededApplication(Host.Store, new ApplicationKey("bulk", $"app-{i:D2}"), "bulk");
            await application.SpecAsync(SpecJson.Orders(parallelism: i, arg: LongArg.Of(LargeSpecLength)));
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
