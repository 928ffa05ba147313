using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// What the tracker is told about one watch signal: a change maps to one observation, a list to one per object (and,
/// for FlinkDeployments and JobManager Deployments, to the relist's view of what is gone). Events and snapshots that
/// come from a list or a replay are marked replayed. Lazy: the caller applies each before the next is made.
/// </summary>
internal sealed class SignalObservations(ObjectMapping mapping, TrackedApplications applications)
{
    public IEnumerable<Observation?> Of(WatchSignal signal, List<EnvironmentInfo> newEnvironments)
    {
        switch (signal)
        {
            case ResourceChanged changed:
                var single = mapping.Map(changed.Kind, changed.Object, changed.Type == WatchEventKind.Deleted, newEnvironments);
                yield return (single, changed.Replayed) switch
                {
                    (JobManagerDeploymentObserved observed, true) => observed with { Replayed = true },
                    (JobManagerDeploymentDeleted deleted, true) => deleted with { Replayed = true },
                    (OperatorEventObserved observed, true) => observed with { Replayed = true },
                    (FlinkStateSnapshotObserved observed, true) => observed with { Replayed = true },
                    _ => single,
                };
                break;
            case ResourceListed { Kind: ResourceKind.FlinkDeployment } listed:
                foreach (var relisted in RelistExpansion.FlinkDeployments(listed, mapping.MapListed(listed, newEnvironments), applications))
                {
                    yield return relisted;
                }
                break;
            case ResourceListed { Kind: ResourceKind.JobManagerDeployment } listed:
                foreach (var relisted in RelistExpansion.Clusters(listed, mapping.MapListed(listed, newEnvironments), applications))
                {
                    yield return relisted;
                }
                break;
            case ResourceListed listed:
                foreach (var mapped in mapping.MapListed(listed, newEnvironments))
                {
                    if (mapped is not null)
                    {
                        yield return mapped switch
                        {
                            OperatorEventObserved observed => observed with { Replayed = true },
                            FlinkStateSnapshotObserved observed => observed with { Replayed = true },
                            var other => other,
                        };
                    }
                }
                break;
        }
    }
}
