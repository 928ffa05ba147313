using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.GroundTruth;

/// <summary>
/// What really happened in the simulated cluster, recorded at commit time: every spec change, every
/// JobManager Deployment created or deleted, every job state written, every deletion. Tests compare
/// what the dashboard stored with this. All accessors return snapshots and are thread-safe.
/// </summary>
public sealed class GroundTruthLog
{
    private const string JobManagerComponent = "jobmanager";

    private readonly Lock _gate = new();
    private readonly SimulatorClock _clock;
    private readonly List<SpecChangeRecord> _specChanges = [];
    private readonly List<JobManagerDeploymentRecord> _deployments = [];
    private readonly List<JobStateRecord> _jobStates = [];
    private readonly List<DeletionRecord> _deletions = [];
    private readonly Dictionary<ObjectKey, JobStateRecord> _latestJobState = [];
    private readonly Dictionary<ObjectKey, string> _liveDeployment = [];

    internal GroundTruthLog(SimulatorClock clock)
    {
        _clock = clock;
    }

    public IReadOnlyList<SpecChangeRecord> SpecChanges()
    {
        lock (_gate)
        {
            return [.. _specChanges];
        }
    }

    public IReadOnlyList<JobManagerDeploymentRecord> JobManagerDeployments()
    {
        lock (_gate)
        {
            return [.. _deployments];
        }
    }

    public IReadOnlyList<JobStateRecord> JobStateChanges()
    {
        lock (_gate)
        {
            return [.. _jobStates];
        }
    }

    public IReadOnlyList<DeletionRecord> Deletions()
    {
        lock (_gate)
        {
            return [.. _deletions];
        }
    }

    /// <summary>The last job state written for each application (also after its deletion).</summary>
    public IReadOnlyList<JobStateRecord> FinalJobStates()
    {
        lock (_gate)
        {
            return [.. _latestJobState.Values.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
        }
    }

    public string? FinalJobState(string ns, string name)
    {
        lock (_gate)
        {
            return _latestJobState.GetValueOrDefault(new ObjectKey(ns, name))?.State;
        }
    }

    internal void Observe(StoreChange change)
    {
        if (change.Object.Type == ResourceTypes.FlinkDeployments)
        {
            ObserveFlinkDeployment(change);
        }
        else if (change.Object.Type == ResourceTypes.Deployments
            && change.Object.Labels.GetValueOrDefault("component") == JobManagerComponent
            && change.EventType != WatchEventType.Modified)
        {
            ObserveJobManagerDeployment(change);
        }
    }

    private void ObserveFlinkDeployment(StoreChange change)
    {
        var obj = change.Object;
        var time = _clock.Now;
        lock (_gate)
        {
            if (change.EventType == WatchEventType.Deleted)
            {
                _deletions.Add(new DeletionRecord(obj.Namespace, obj.Name, obj.Uid, time, obj.ResourceVersion));
                return;
            }
            var json = obj.ToJsonObject();
            if (change.Previous is null || change.Previous.Generation != obj.Generation)
            {
                _specChanges.Add(new SpecChangeRecord(obj.Namespace, obj.Name, obj.Uid, obj.Generation, json["spec"] is { } spec ? ApiServerJson.Serialize(spec) : "{}", time, obj.ResourceVersion));
            }
            var state = json.StringAt("status", "jobStatus", "state");
            var previous = _latestJobState.GetValueOrDefault(obj.Key);
            if (state is not null && (previous is null || previous.State != state || previous.ObjectUid != obj.Uid))
            {
                var record = new JobStateRecord(obj.Namespace, obj.Name, obj.Uid, state, _liveDeployment.GetValueOrDefault(obj.Key),
                    json.LongAt("status", "observedGeneration"), time, obj.ResourceVersion);
                _jobStates.Add(record);
                _latestJobState[obj.Key] = record;
            }
        }
    }

    private void ObserveJobManagerDeployment(StoreChange change)
    {
        var obj = change.Object;
        var json = obj.ToJsonObject();
        var created = change.EventType == WatchEventType.Added;
        var owner = (json.NodeAt("metadata", "ownerReferences") as System.Text.Json.Nodes.JsonArray)?
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .FirstOrDefault(o => o.StringAt("kind") == "FlinkDeployment")?.StringAt("uid");
        var record = new JobManagerDeploymentRecord(
            obj.Namespace,
            obj.Labels.GetValueOrDefault("app") ?? obj.Name,
            obj.Uid,
            created ? JobManagerDeploymentChange.Created : JobManagerDeploymentChange.Deleted,
            long.TryParse(json.StringAt("metadata", "annotations", SimulatorMetadataKeys.GenerationAnnotation), out var generation) ? generation : null,
            json.StringAt("spec", "template", "metadata", "annotations", SimulatorMetadataKeys.InstanceAnnotation),
            owner,
            _clock.Now,
            obj.ResourceVersion);
        var app = new ObjectKey(obj.Namespace, record.ApplicationName);
        lock (_gate)
        {
            _deployments.Add(record);
            if (created)
            {
                _liveDeployment[app] = obj.Uid;
            }
            else if (_liveDeployment.GetValueOrDefault(app) == obj.Uid)
            {
                _liveDeployment.Remove(app);
            }
        }
    }
}
