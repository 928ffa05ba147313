using Cmf.Simulator.Operator;

namespace Cmf.Simulator.Scenarios;

/// <summary>Environments prod and staging with a dozen applications, and a driver that keeps changing them.</summary>
internal static class DemoScenario
{
    public static void Seed(SimulatorApi api, OperatorScheduler scheduler, SimulatorClock clock, SimulatorRandom random, Func<bool> watched)
    {
        EmptyScenario.Seed(api);
        api.CreateNamespace(DemoApplications.Prod, new Dictionary<string, string> { ["environment"] = "prod" });
        api.CreateNamespace(DemoApplications.Staging, new Dictionary<string, string> { ["environment"] = "staging" });
        foreach (var app in DemoApplications.All(random))
        {
            api.CreateFlinkDeployment(app.Namespace, app.ToFlinkDeployment());
        }
        new DemoChangeDriver(api, scheduler, clock, random, watched).Start();
    }
}
