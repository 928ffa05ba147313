namespace Cmf.Simulator.Operator;

/// <summary>Simulated durations of the steps the operator and Flink take; scaled by the clock's speed.</summary>
public sealed record OperatorTimings
{
    /// <summary>From a change to the resource until the operator reconciles it.</summary>
    public TimeSpan ReconcileDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Periodic reconciliation of a quiet resource (also the savepoint retry interval).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a deploying or upgrading resource is checked.</summary>
    public TimeSpan ProgressCheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>From the JobManager Deployment's creation until its pod is ready.</summary>
    public TimeSpan JobManagerStartup { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>From the pod being ready until the Flink REST API answers.</summary>
    public TimeSpan RestApiReadyDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stop-with-savepoint takes.</summary>
    public TimeSpan SavepointDuration { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Pause between two steps of one upgrade (the operator reschedules itself at once).</summary>
    public TimeSpan UpgradeStepDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Kubernetes events older than this are removed, as the API server's event TTL does.</summary>
    public TimeSpan EventTimeToLive { get; init; } = TimeSpan.FromHours(1);
}
