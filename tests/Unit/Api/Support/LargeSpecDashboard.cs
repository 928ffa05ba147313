using Cmf.Core.Model;
using Cmf.UnitTests.Dashboard;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Api.Support;

/// <summary>A real dashboard whose store holds the large specs of the bounded-work attacks: prod/huge, whose #2 carries a 1.4 MB single-line arg.</summary>
public sealed class LargeSpecDashboard : IAsyncLifetime
{
    public DashboardHost Host { get; private set; } = null!;

    public HttpClient Client => Host.Client;

    public SeededApplication Huge { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync();
        await Host.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "prod")], CancellationToken.None);

        Huge = new SeededApplication(Host.Store, new ApplicationKey("prod", "huge"), "prod");
        await Huge.SpecAsync(SpecJson.Orders());
        await Huge.SpecAsync(SpecJson.Orders(arg: LongArg.Of(1_400_000)));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
