using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>Status writes the operator makes, as functions of the previous status.</summary>
public static class StatusChanges
{
    public const string SavepointError = """{"type":"org.apache.flink.util.FlinkException","message":"Savepoint failed"}""";

    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Running(long observedGeneration) => s => s with
    {
        JobState = JobState.Running,
        JobId = s.JobId ?? "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
        LifecycleState = LifecycleState.Stable,
        ReconciliationState = ReconciliationState.Deployed,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Ready,
        ObservedGeneration = observedGeneration,
        Error = null,
    };

    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> StoppedWithSavepoint(long observedGeneration) => s => s with
    {
        JobState = JobState.Finished,
        LifecycleState = LifecycleState.Upgrading,
        ReconciliationState = ReconciliationState.Upgrading,
        ObservedGeneration = observedGeneration,
        UpgradeSavepointPath = "s3://savepoints/savepoint-1",
    };

    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> SavepointFailed(long observedGeneration) => s => s with
    {
        Error = SavepointError,
        ObservedGeneration = observedGeneration,
    };

    /// <summary>Applies one status change after another.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Then(
        this Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> first,
        Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> second) => s => second(first(s));

    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Reconciling(long observedGeneration) => s => s with
    {
        JobState = JobState.Reconciling,
        LifecycleState = LifecycleState.Deployed,
        ReconciliationState = ReconciliationState.Deployed,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Deploying,
        ObservedGeneration = observedGeneration,
    };
}
