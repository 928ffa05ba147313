using Cmf.Core.Model;
using Cmf.Simulator;
using Cmf.Simulator.GroundTruth;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// Compares what the store holds with what really happened in the simulated cluster: one instance per spec
/// generation (every change in these tests changes the spec), the same JobManager Deployments as clusters with
/// the owners their generation annotation names, the same ended clusters, and the same final job state.
/// </summary>
internal sealed class GroundTruthComparison
{
    private readonly List<string> _differences = [];

    public int InstancesCompared { get; private set; }

    public int ClustersCompared { get; private set; }

    public int JobStatesCompared { get; private set; }

    public IReadOnlyList<string> Differences => _differences;

    public static Task<GroundTruthComparison> RunAsync(WatchedCluster cluster, IReadOnlyList<(string Namespace, string Name)> applications) =>
        RunAsync(cluster.Simulator, cluster.History, applications);

    public static async Task<GroundTruthComparison> RunAsync(
        SimulatorServer simulator, StoredHistory cluster, IReadOnlyList<(string Namespace, string Name)> applications)
    {
        var comparison = new GroundTruthComparison();
        var truth = simulator.GroundTruth;
        var specChanges = truth.SpecChanges();
        var deployments = truth.JobManagerDeployments();
        foreach (var (ns, name) in applications)
        {
            await comparison.CompareAsync(cluster, truth, ns, name,
                [.. specChanges.Where(c => c.Namespace == ns && c.Name == name)],
                [.. deployments.Where(d => d.Namespace == ns && d.ApplicationName == name)]);
        }
        return comparison;
    }

    public string Summary =>
        $"compared {InstancesCompared} instances, {ClustersCompared} clusters and {JobStatesCompared} final job states; " +
        $"{_differences.Count} differences{(_differences.Count == 0 ? "" : ":" + Environment.NewLine + string.Join(Environment.NewLine, _differences.Take(40)))}";

    private async Task CompareAsync(
        StoredHistory cluster, GroundTruthLog truth, string ns, string name,
        IReadOnlyList<SpecChangeRecord> specChanges, IReadOnlyList<JobManagerDeploymentRecord> deployments)
    {
        var where = $"{ns}/{name}";
        var instances = await cluster.InstancesAsync(ns, name);
        var clusters = await cluster.ClustersAsync(ns, name);

        var expectedInstances = specChanges.Select(c => (c.ObjectUid, c.Generation)).Distinct().Order().ToList();
        var actualInstances = instances.Select(i => (i.ObjectUid, i.Generation)).Order().ToList();
        InstancesCompared += expectedInstances.Count;
        foreach (var missing in expectedInstances.Except(actualInstances))
        {
            _differences.Add($"{where}: no instance for generation {missing.Generation}");
        }
        foreach (var extra in actualInstances.Except(expectedInstances))
        {
            _differences.Add($"{where}: unexpected instance for generation {extra.Generation}");
        }
        if (instances.Select(i => i.Uid).Distinct().Count() != instances.Count || actualInstances.Distinct().Count() != actualInstances.Count)
        {
            _differences.Add($"{where}: duplicate instances");
        }

        var created = deployments.Where(d => d.Change == JobManagerDeploymentChange.Created).ToList();
        var deleted = deployments.Where(d => d.Change == JobManagerDeploymentChange.Deleted).Select(d => d.DeploymentUid).ToHashSet();
        ClustersCompared += created.Count;
        foreach (var deployment in created)
        {
            var stored = clusters.FirstOrDefault(c => c.Uid == deployment.DeploymentUid);
            if (stored is null)
            {
                _differences.Add($"{where}: cluster {deployment.DeploymentUid} (generation {deployment.GenerationAnnotation}) is missing");
                continue;
            }
            var owner = instances.FirstOrDefault(i => i.Uid == stored.OwnerInstanceUid);
            var expectedOwner = instances
                .Where(i => i.ObjectUid == deployment.FlinkDeploymentUid && i.Generation <= deployment.GenerationAnnotation)
                .MaxBy(i => i.Generation);
            if (owner is null || owner.Uid != expectedOwner?.Uid)
            {
                _differences.Add($"{where}: cluster {deployment.DeploymentUid} of generation {deployment.GenerationAnnotation} is owned by generation {owner?.Generation}");
            }
            if (deleted.Contains(deployment.DeploymentUid) != stored.EndedAt is not null)
            {
                _differences.Add($"{where}: cluster {deployment.DeploymentUid} is {(stored.EndedAt is null ? "live" : "ended")} in the store but not in the cluster");
            }
        }
        foreach (var extra in clusters.Where(c => created.All(d => d.DeploymentUid != c.Uid)))
        {
            _differences.Add($"{where}: unexpected cluster {extra.Uid}");
        }

        JobStatesCompared++;
        var expectedState = truth.FinalJobState(ns, name);
        var application = await cluster.ApplicationAsync(ns, name);
        var actualState = application?.Summary.JobState is { } state ? FlinkStateNames.ToWire(state) : null;
        if (expectedState != actualState)
        {
            _differences.Add($"{where}: final job state {actualState ?? "none"}, expected {expectedState ?? "none"}");
        }
    }
}
