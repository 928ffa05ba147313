namespace Cmf.Simulator.Scenarios;

/// <summary>A fresh cluster: only the namespaces every cluster has.</summary>
internal static class EmptyScenario
{
    public static void Seed(SimulatorApi api)
    {
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            api.CreateNamespace(ns);
        }
    }
}
