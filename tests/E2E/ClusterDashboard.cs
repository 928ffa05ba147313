using System.Globalization;

namespace Cmf.E2ETests;

/// <summary>
/// An empty simulated cluster that only the journeys change, through kubectl, each with its own applications in
/// namespace <see cref="Namespace"/>. Retention keeps two instances per application, so a third prunes one.
/// </summary>
public sealed class ClusterDashboard : SimulatedDashboard
{
    public const string Namespace = "default";

    /// <summary>With no environments configured, each watched namespace is an environment named after it.</summary>
    public const string Environment = Namespace;
    public const int MaxInstancesPerApplication = 2;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Cmf:Cluster:Simulator:Scenario"] = "empty",
        ["Cmf:Retention:MaxInstancesPerApplication"] = MaxInstancesPerApplication.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Applies a new application and waits until the dashboard has recorded its first instance.</summary>
    public async Task<string> CreateApplicationAsync(FlinkDeploymentManifest manifest)
    {
        await Kubectl.ApplyAsync(manifest.ToJson());
        return (await Api.WaitForInstancesAsync(Environment, manifest.Name, 1))[0];
    }
}
