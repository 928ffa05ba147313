namespace Cmf.Simulator.Operator;

/// <summary>
/// Simulated durations of the steps the operator and Flink take; scaled by the clock's speed. The operator's intervals
/// are FKO's defaults (KubernetesOperatorConfigOptions).
/// </summary>
public sealed record OperatorTimings
{
    /// <summary>From a change to the resource until the operator reconciles it (the informer's delivery).</summary>
    public TimeSpan ReconcileDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>kubernetes.operator.reconcile.interval: a quiet resource, or a failed savepoint, is looked at again after this.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>kubernetes.operator.observer.progress-check.interval: a deploying JobManager or a cancelling job.</summary>
    public TimeSpan ProgressCheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>kubernetes.operator.observer.rest-ready.delay: after the JobManager port opens, until the REST API is used.</summary>
    public TimeSpan RestApiReadyDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>From the JobManager Deployment's creation until its pod is ready.</summary>
    public TimeSpan JobManagerStartup { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a stop-with-savepoint takes (the operator's pass waits for it).</summary>
    public TimeSpan SavepointDuration { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long Flink takes to cancel a job.</summary>
    public TimeSpan CancelDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Kubernetes events older than this are removed, as the API server's event TTL does.</summary>
    public TimeSpan EventTimeToLive { get; init; } = TimeSpan.FromHours(1);
}
