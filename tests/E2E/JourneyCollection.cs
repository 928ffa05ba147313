namespace Cmf.E2ETests;

/// <summary>Every browser test: one Chromium and two simulated dashboards, shared; the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<DemoDashboard>, ICollectionFixture<ClusterDashboard>
{
    public const string Name = "journeys";
}
