using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The simulated Flink Kubernetes Operator: reconciles every FlinkDeployment when a client changes it
/// (or its JobManager Deployment disappears) and periodically, on the simulation's scheduler. One annotated
/// <see cref="SimulatorKnobs.Unmanaged"/> is not reconciled at all. Its second controller reconciles
/// FlinkStateSnapshots when they are created or changed by a client, when their FlinkDeployment changes, and
/// periodically until they are COMPLETED or ABANDONED.
/// </summary>
internal sealed class FlinkOperator
{
    private const string EventCollectionKey = "cluster:event-ttl";
    private static readonly TimeSpan EventCollectionInterval = TimeSpan.FromMinutes(10);

    // Touched only from scheduler steps, which run one at a time.
    private readonly Dictionary<ObjectKey, ApplicationRuntime> _applications = [];
    private readonly ResourceStore _store;
    private readonly OperatorScheduler _scheduler;
    private readonly SimulatorClock _clock;
    private readonly OperatorTimings _timings;
    private readonly FlinkDeploymentController _controller;
    private readonly StateSnapshotController _snapshotController;
    private readonly StateSnapshotResources _snapshots;
    private readonly OperatorEvents _events;

    public FlinkOperator(
        ResourceStore store, OperatorScheduler scheduler, SimulatorClock clock, OperatorTimings timings,
        FlinkDeploymentController controller, StateSnapshotController snapshotController, StateSnapshotResources snapshots, OperatorEvents events)
    {
        _store = store;
        _scheduler = scheduler;
        _clock = clock;
        _timings = timings;
        _controller = controller;
        _snapshotController = snapshotController;
        _snapshots = snapshots;
        _events = events;
        store.AddObserver(OnChange);
    }

    public void Start()
    {
        foreach (var flinkDeployment in _store.List(ResourceTypes.FlinkDeployments, inNamespace: null).Items)
        {
            ScheduleReconcile(flinkDeployment.Key, _clock.Now);
        }
        foreach (var snapshot in _store.List(ResourceTypes.FlinkStateSnapshots, inNamespace: null).Items)
        {
            ScheduleSnapshotReconcile(snapshot.Key, _clock.Now);
        }
        ScheduleEventCollection();
    }

    // The informers FKO reconciles on: the FlinkDeployment itself (changes by clients), and JobManager Deployments
    // (EventSourceUtils.getDeploymentInformerEventSource), whoever changed them.
    private void OnChange(StoreChange change)
    {
        var obj = change.Object;
        if (obj.Type == ResourceTypes.FlinkDeployments)
        {
            if (change.Origin == ChangeOrigin.Client)
            {
                ScheduleReconcile(obj.Key, _clock.Now + _timings.ReconcileDelay);
            }
            // EventSourceUtils.getFlinkStateSnapshotInformerEventSources: any change of a FlinkDeployment reconciles its snapshots.
            ScheduleSnapshotsOf(obj.Key, _clock.Now + _timings.ReconcileDelay);
        }
        else if (obj.Type == ResourceTypes.FlinkStateSnapshots
            && change.EventType != WatchEventType.Deleted
            && (change.Origin == ChangeOrigin.Client || change.EventType == WatchEventType.Added || obj.IsTerminating))
        {
            // JOSDK's generation-aware filter drops the controller's own label and status writes.
            ScheduleSnapshotReconcile(obj.Key, _clock.Now + _timings.ReconcileDelay);
        }
        else if (obj.Type == ResourceTypes.Deployments
            && change.EventType != WatchEventType.Added
            && obj.Labels.GetValueOrDefault("component") == "jobmanager"
            && obj.Labels.GetValueOrDefault("app") is { } app)
        {
            ScheduleReconcile(new ObjectKey(obj.Namespace, app), _clock.Now + _timings.ReconcileDelay);
        }
    }

    private void ScheduleSnapshotsOf(ObjectKey flinkDeployment, DateTimeOffset due) =>
        _scheduler.Schedule("flinkstatesnapshots-of:" + flinkDeployment, due, () =>
        {
            foreach (var snapshot in _snapshots.Of(flinkDeployment))
            {
                ScheduleSnapshotReconcile(snapshot.Key, _clock.Now);
            }
        });

    private void ScheduleSnapshotReconcile(ObjectKey key, DateTimeOffset due) =>
        _scheduler.Schedule("flinkstatesnapshot:" + key, due, () =>
        {
            if (_snapshotController.Reconcile(key, RuntimeOf) is { } next)
            {
                ScheduleSnapshotReconcile(key, _clock.Now + next);
            }
        });

    /// <summary>What the running cluster of a FlinkDeployment was started from; for tests (a real cluster's flink-config ConfigMap).</summary>
    internal string? RestoredFromOf(ObjectKey flinkDeployment) => RuntimeOf(flinkDeployment)?.Cluster?.RestoredFrom;

    private ApplicationRuntime? RuntimeOf(ObjectKey flinkDeployment) => _applications.GetValueOrDefault(flinkDeployment);

    private void ScheduleReconcile(ObjectKey key, DateTimeOffset due) =>
        _scheduler.Schedule("flinkdeployment:" + key, due, () => Reconcile(key));

    private void Reconcile(ObjectKey key)
    {
        var stored = _store.Get(ResourceTypes.FlinkDeployments, key);
        if (_applications.TryGetValue(key, out var app) && (stored is null || stored.Uid != app.ObjectUid))
        {
            // The object went away (or was re-created under the same name): its leftovers go too.
            _controller.Reconcile(app);
            _applications.Remove(key);
            app = null;
        }
        if (stored is null || SimulatorKnobs.IsSet(stored.ToJsonObject(), SimulatorKnobs.Unmanaged))
        {
            return;
        }
        if (app is null)
        {
            app = new ApplicationRuntime(key, stored.Uid);
            _applications[key] = app;
        }
        if (_controller.Reconcile(app) is { } next)
        {
            ScheduleReconcile(key, _clock.Now + next);
        }
        else
        {
            _applications.Remove(key);
        }
    }

    private void ScheduleEventCollection() =>
        _scheduler.Schedule(EventCollectionKey, _clock.Now + EventCollectionInterval, () =>
        {
            _events.RemoveExpired(_timings.EventTimeToLive);
            ScheduleEventCollection();
        });
}
