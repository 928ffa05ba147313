using Cmf.Core.Attribution;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// Plays one application through the tracker the way the watcher would: spec changes bump the generation,
/// status writes bump only the resourceVersion, JobManager Deployments come and go. Clusters are named C1, C2, ...
/// in the order a test creates them; instances are named by sequence (#1, #2, ...).
/// </summary>
public sealed class TrackerScenario
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _clusterUids = [];
    private long _resourceVersion = 100;
    private ChangeAttribution? _attribution;
    private string _specLabel = "";
    private string? _instanceAnnotation;
    private SpecVersion? _spec;
    private FlinkDeploymentStatusSnapshot _status = new();

    public TrackerScenario(TrackerSettings? settings = null, ApplicationKey? key = null, string? @namespace = null)
    {
        Settings = settings ?? TrackerSettings.Default;
        Key = key ?? new ApplicationKey("prod", "orders");
        State = ApplicationState.Empty(Key, @namespace ?? Key.Environment + "-ns");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key.ToString())));
        ObjectUid = $"0b1ec7a1-0000-4000-8000-{digest[..12]}";
    }

    /// <summary>The application played; prod/orders unless the test names another.</summary>
    public ApplicationKey Key { get; }

    public TrackerSettings Settings { get; }

    public ApplicationState State { get; private set; }

    public TrackerResult Last { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; } = Start;

    public string ObjectUid { get; private set; }

    public long Generation { get; private set; }

    /// <summary>The FlinkDeployment as the watcher would see it now.</summary>
    public FlinkDeploymentSnapshot Resource => new()
    {
        ObjectUid = ObjectUid,
        ResourceVersion = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Generation = Generation,
        Spec = _spec ?? SpecOf(_specLabel, _instanceAnnotation),
        Status = _status,
        Attribution = _attribution,
    };

    public static SpecVersion SpecOf(string label, string? instanceAnnotation = null) => new()
    {
        EffectiveSpecJson = $"{{\"job\":{{\"label\":\"{label}\"}}}}",
        SpecHash = HashOf(label),
        InstanceAnnotation = instanceAnnotation,
        FlinkVersion = "v1_20",
        UpgradeMode = "savepoint",
    };

    public static string HashOf(string label) => "hash-of-" + label;

    /// <summary>A spec change: the generation bumps and the watcher sees the object modified.</summary>
    public TrackerResult Spec(string label, long? generation = null, string? instanceAnnotation = null, ChangeAttribution? attribution = null)
    {
        _spec = null;
        _attribution = attribution;
        _specLabel = label;
        _instanceAnnotation = instanceAnnotation;
        Generation = generation ?? Generation + 1;
        _resourceVersion++;
        return Apply(new FlinkDeploymentObserved(Key, State.Namespace, Resource));
    }

    /// <summary>A spec change to a spec built by the caller (for example with <c>SpecVersionFactory</c>).</summary>
    public TrackerResult Spec(SpecVersion spec)
    {
        _spec = spec;
        Generation++;
        _resourceVersion++;
        return Apply(new FlinkDeploymentObserved(Key, State.Namespace, Resource));
    }

    /// <summary>The operator writes status: same generation, new resourceVersion.</summary>
    public TrackerResult Status(Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> change)
    {
        _attribution = null;
        _status = change(_status);
        _resourceVersion++;
        return Apply(new FlinkDeploymentObserved(Key, State.Namespace, Resource));
    }

    public TrackerResult DeploymentAdded(string cluster, long? generation, string? instanceAnnotation = null) =>
        Apply(new JobManagerDeploymentObserved(Key, State.Namespace, Deployment(cluster, generation, instanceAnnotation)));

    public TrackerResult DeploymentDeleted(string cluster) =>
        Apply(new JobManagerDeploymentDeleted(Key, State.Namespace, Deployment(cluster, null)));

    public TrackerResult Delete()
    {
        _resourceVersion++;
        return Apply(new FlinkDeploymentDeleted(Key, State.Namespace, ObjectUid, _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>A new object under the same name starts again at generation 1.</summary>
    public TrackerResult Recreate(string objectUid, string label)
    {
        ObjectUid = objectUid;
        Generation = 0;
        _status = new FlinkDeploymentStatusSnapshot();
        return Spec(label);
    }

    public JobManagerDeploymentSnapshot Deployment(string cluster, long? generation, string? instanceAnnotation = null) => new()
    {
        Uid = ClusterUid(cluster),
        Name = Key.Name,
        ResourceVersion = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture),
        CreationTimestamp = Now,
        GenerationAnnotation = generation,
        InstanceAnnotation = instanceAnnotation,
        DeploymentType = "flink-native-kubernetes",
    };

    public TrackerResult Apply(Observation observation)
    {
        Now = Now.AddSeconds(10);
        Last = InstanceTracker.Apply(State, observation, Now, Settings);
        State = Last.State;
        return Last;
    }

    /// <summary>Goes on from a state the test changed by hand (as if read back from an older store).</summary>
    public void Restore(ApplicationState state) => State = state;

    public string ClusterUid(string cluster)
    {
        if (!_clusterUids.TryGetValue(cluster, out var uid))
        {
            uid = $"c1a57e00-0000-4000-8000-{_clusterUids.Count + 1:D12}";
            _clusterUids[cluster] = uid;
        }
        return uid;
    }

    public string InstanceUidOf(int sequence) => State.Instances.Single(i => i.Sequence == sequence).Uid;

    // The descriptions below turn state into short strings so a table row reads like the scenario.

    public string Instances => Join(State.Instances.Select(i => $"#{i.Sequence}{(i.EndedAt is null ? "" : " ended")}"));

    /// <summary>"C1:#1", "C1:#1>#2" after an in-place hand-over, " ended" once the Deployment is gone.</summary>
    public string Clusters => Join(State.Clusters.Select(c =>
        $"{ClusterName(c.Uid)}:{string.Join(">", c.InstanceUids.Select(InstanceName))}{(c.EndedAt is null ? "" : " ended")}"));

    public string Current => State.CurrentInstanceUid is { } uid ? InstanceName(uid) : "-";

    /// <summary>"#1=FINISHED(savepoint upgrade) #2=RUNNING": the stop says why the operator stopped the job.</summary>
    public string JobStates => Join(State.Instances.Select(i =>
        $"#{i.Sequence}={(i.JobState is { } s ? FlinkStateNames.ToWire(s) : "-")}{StopOf(i)}"));

    /// <summary>"#1=J1 #2=-": the job id each instance keeps.</summary>
    public string JobIds => Join(State.Instances.Select(i => $"#{i.Sequence}={i.JobId ?? "-"}"));

    /// <summary>The pending instance ("#2"), or "-".</summary>
    public string Pending => State.PendingInstance is { } pending ? $"#{pending.Sequence}" : "-";

    private static string StopOf(InstanceState instance) => instance.Stop switch
    {
        InstanceStop.None => "",
        var stop => $"({(instance.StopSavepointPath is null ? "" : "savepoint ")}{stop.ToString().ToLowerInvariant()})",
    };

    public string Events => Join(Last.Events.Select(Describe));

    private string Describe(AppEvent e)
    {
        var parts = new List<string>();
        if (e.InstanceUid is { } instance)
        {
            parts.Add(InstanceName(instance));
        }
        if (e.ClusterUid is { } cluster)
        {
            parts.Add(ClusterName(cluster));
        }
        if (e.NewStatus is { } status)
        {
            parts.Add(status);
        }
        if (e.Count > 1)
        {
            parts.Add($"x{e.Count}");
        }
        return parts.Count == 0 ? e.Kind.ToString() : $"{e.Kind}({string.Join(",", parts)})";
    }

    private string InstanceName(string uid) =>
        State.FindInstance(uid) is { } instance ? $"#{instance.Sequence}" : Last.Previous.FindInstance(uid) is { } gone ? $"#{gone.Sequence}" : "?";

    private string ClusterName(string uid) => _clusterUids.Single(kv => kv.Value == uid).Key;

    private static string Join(IEnumerable<string> parts) => string.Join(" ", parts);
}
