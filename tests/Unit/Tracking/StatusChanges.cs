using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// Status writes the Flink Kubernetes Operator makes, as functions of the previous status. Each names the FKO code
/// (release 1.15, commit 6e9caeb) whose status patch it reproduces; docs/operator-conformance.md has the sequences.
/// </summary>
public static class StatusChanges
{
    public const string SavepointError = """{"type":"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException","message":"Savepoint Error"}""";

    public const string DeploymentError = """{"type":"org.apache.flink.kubernetes.operator.exception.DeploymentFailedException","message":"back-off restarting failed container"}""";

    public const string FirstJobId = "J1";

    /// <summary>JobStatusObserver sees RUNNING; checkAndUpdateStableSpec marks the spec stable (lifecycle STABLE).</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Running(long observedGeneration) => s => s with
    {
        JobState = JobState.Running,
        JobId = s.JobId ?? FirstJobId,
        LifecycleState = LifecycleState.Stable,
        ReconciliationState = ReconciliationState.Deployed,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Ready,
        ObservedGeneration = observedGeneration,
        Error = null,
    };

    /// <summary>
    /// AbstractJobReconciler.reconcileSpecChange with SuspendMode.SAVEPOINT: cancelJob stops the job with a savepoint
    /// (FINISHED, upgradeSavepointPath), the JobManager stays, updateStatusBeforeDeploymentAttempt records UPGRADING.
    /// </summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> StoppedWithSavepoint(long observedGeneration, string path = "s3://savepoints/savepoint-1") => s => s with
    {
        JobState = JobState.Finished,
        LifecycleState = LifecycleState.Upgrading,
        ReconciliationState = ReconciliationState.Upgrading,
        ObservedGeneration = observedGeneration,
        UpgradeSavepointPath = path,
        Error = null,
    };

    /// <summary>SuspendMode.STATELESS or LAST_STATE: cancelJob deletes the cluster first, then FINISHED and UPGRADING are written.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> StoppedAndDeleted(long observedGeneration) => s => s with
    {
        JobState = JobState.Finished,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing,
        LifecycleState = LifecycleState.Upgrading,
        ReconciliationState = ReconciliationState.Upgrading,
        ObservedGeneration = observedGeneration,
        Error = null,
    };

    /// <summary>ApplicationReconciler.deploy: deleteClusterDeployment's updateStatusAfterClusterDeletion, patched before the new job id.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> ClusterDeleted() => s => s with
    {
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing,
    };

    /// <summary>ApplicationReconciler.setJobIdIfNecessary: the next job's id, patched before the new Deployment exists.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> NewJobId(string jobId) => s => s with { JobId = jobId };

    /// <summary>ApplicationReconciler.deploy then updateStatusForDeployedSpec: RECONCILING, DEPLOYING, DEPLOYED.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Submitted(long observedGeneration) => s => s with
    {
        JobState = JobState.Reconciling,
        LifecycleState = LifecycleState.Deployed,
        ReconciliationState = ReconciliationState.Deployed,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Deploying,
        ObservedGeneration = observedGeneration,
        Error = null,
    };

    /// <summary>The controller's updateForReconciliationError after an UpgradeFailureException: only the error changes.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> SavepointFailed(long observedGeneration) => s => s with
    {
        Error = SavepointError,
        ObservedGeneration = observedGeneration,
    };

    /// <summary>AbstractFlinkDeploymentObserver.clearErrorsIfDeploymentIsHealthy: the observe step clears the error.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> ErrorCleared() => s => s with { Error = null };

    /// <summary>ReconciliationUtils.updateReconciliationMetadata for an IGNORE diff (or updateStatusForDeployedSpec after an in-place scale).</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> ReconciledInPlace(long observedGeneration) => s => s with
    {
        ObservedGeneration = observedGeneration,
    };

    /// <summary>A savepoint suspend: the job is FINISHED with a savepoint, the JobManager stays, the suspended spec is DEPLOYED.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> SuspendedWithSavepoint(long observedGeneration, string path = "s3://savepoints/savepoint-s") => s => s with
    {
        JobState = JobState.Finished,
        LifecycleState = LifecycleState.Suspended,
        ReconciliationState = ReconciliationState.Deployed,
        ObservedGeneration = observedGeneration,
        UpgradeSavepointPath = path,
        Error = null,
    };

    /// <summary>A stateless or last-state suspend: cancelJob deleted the cluster; the suspended spec is DEPLOYED.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> SuspendedAndDeleted(long observedGeneration) => s => s with
    {
        JobState = JobState.Finished,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing,
        LifecycleState = LifecycleState.Suspended,
        ReconciliationState = ReconciliationState.Deployed,
        ObservedGeneration = observedGeneration,
        Error = null,
    };

    /// <summary>A last-state upgrade by cancel (no HA metadata, FKO 1.10+): cancelJobOrError writes CANCELLING, obsGen unchanged.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Cancelling() => s => s with
    {
        JobState = JobState.Cancelling,
        LifecycleState = LifecycleState.Upgrading,
        ReconciliationState = ReconciliationState.Upgrading,
    };

    /// <summary>The observer sees the cancelled job.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> Canceled() => s => s with { JobState = JobState.Canceled };

    /// <summary>After the cancel, SuspendMode.NOOP's cancelJob writes FINISHED and the spec is recorded UPGRADING.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> FinishedAfterCancel(long observedGeneration) => s => s with
    {
        JobState = JobState.Finished,
        ObservedGeneration = observedGeneration,
    };

    /// <summary>The controller catches DeploymentFailedException: JobManager ERROR, job RECONCILING, the error set.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> DeploymentFailed() => s => s with
    {
        JobState = JobState.Reconciling,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Error,
        Error = DeploymentError,
    };

    /// <summary>
    /// prepareCrForRollback, then deleteJmThatNeverStarted and a NOOP cancel (FINISHED), and
    /// updateStatusBeforeDeploymentAttempt keeps ROLLING_BACK and clears the error.
    /// </summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> RollingBack() => s => s with
    {
        JobState = JobState.Finished,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing,
        LifecycleState = LifecycleState.RollingBack,
        ReconciliationState = ReconciliationState.RollingBack,
        Error = null,
    };

    /// <summary>The rollback's deploy then updateStatusForDeployedSpec: ROLLED_BACK.</summary>
    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> RolledBackSubmitted() => s => s with
    {
        JobState = JobState.Reconciling,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Deploying,
        LifecycleState = LifecycleState.RolledBack,
        ReconciliationState = ReconciliationState.RolledBack,
    };

    public static Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> RolledBackRunning() => s => s with
    {
        JobState = JobState.Running,
        JobManagerDeploymentStatus = JobManagerDeploymentStatus.Ready,
        LifecycleState = LifecycleState.RolledBack,
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
