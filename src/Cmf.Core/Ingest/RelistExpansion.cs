using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// A relist says what exists now, which also says what no longer does: this turns a list of FlinkDeployments or of
/// JobManager Deployments into observations that cover every application of its scope, listed or not.
/// </summary>
internal static class RelistExpansion
{
    /// <summary>Every listed FlinkDeployment, and every known application of that scope the list no longer holds.</summary>
    public static IEnumerable<Observation> FlinkDeployments(ResourceListed listed, Observation?[] mapped, TrackedApplications applications)
    {
        var present = new HashSet<ApplicationKey>();
        foreach (var observation in mapped)
        {
            switch (observation)
            {
                case FlinkDeploymentObserved observed:
                    present.Add(observed.Application);
                    yield return new FlinkDeploymentRelisted(observed.Application, observed.Namespace, observed.Resource);
                    break;
                case { } other:
                    present.Add(other.Application);
                    yield return other;
                    break;
            }
        }
        foreach (var state in applications.InScope(listed.Namespace).Where(s => !present.Contains(s.Key) && !s.ObjectDeleted && s.ObjectUid is not null))
        {
            yield return new FlinkDeploymentRelisted(state.Key, state.Namespace, Resource: null);
        }
    }

    /// <summary>One <see cref="ClustersRelisted"/> per application that has a listed or a live cluster.</summary>
    public static IEnumerable<Observation> Clusters(ResourceListed listed, Observation?[] mapped, TrackedApplications applications)
    {
        var byApplication = new Dictionary<ApplicationKey, (string Namespace, List<JobManagerDeploymentSnapshot> Deployments)>();
        foreach (var observation in mapped)
        {
            switch (observation)
            {
                case JobManagerDeploymentObserved observed:
                    if (!byApplication.TryGetValue(observed.Application, out var entry))
                    {
                        entry = (observed.Namespace, []);
                        byApplication[observed.Application] = entry;
                    }
                    entry.Deployments.Add(observed.Deployment);
                    break;
                case { } other:
                    yield return other;
                    break;
            }
        }
        foreach (var state in applications.InScope(listed.Namespace).Where(s => s.LiveCluster is not null && !byApplication.ContainsKey(s.Key)))
        {
            byApplication[state.Key] = (state.Namespace, []);
        }
        foreach (var (application, (@namespace, deployments)) in byApplication)
        {
            yield return new ClustersRelisted(application, @namespace, deployments);
        }
    }
}
