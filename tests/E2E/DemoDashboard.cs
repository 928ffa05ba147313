namespace Cmf.E2ETests;

/// <summary>
/// The built-in demo (13 applications in prod and staging, DESIGN 3.3 on prod/payments-fraud-detection), framable by
/// one portal origin. Journeys only read it: the demo keeps changing its own applications.
/// </summary>
public sealed class DemoDashboard : SimulatedDashboard
{
    public const string DesignScenarioEnvironment = "prod";
    public const string DesignScenarioApplication = "payments-fraud-detection";
    public const string DesignScenarioPath = "/environments/prod/applications/payments-fraud-detection";

    /// <summary>The portal origin listed in <c>Cmf:Embedding:FrameAncestors</c>.</summary>
    public PortalPage AllowedPortal { get; } = PortalPage.Start();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Cmf:Cluster:Simulator:Scenario"] = "demo",
        ["Cmf:Embedding:FrameAncestors:0"] = AllowedPortal.Origin,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await AllowedPortal.DisposeAsync();
    }
}
