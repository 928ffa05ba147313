using System.Text.Json.Nodes;

namespace Cmf.Simulator.Operator;

/// <summary>
/// FKO's UpgradeFailureException: the controller records it in <c>status.error</c> and emits a Warning event with its
/// reason, and the pass carries on (no JOSDK retry) (FlinkDeploymentController.reconcile L153-155).
/// </summary>
internal sealed class UpgradeFailureException(string message, string reason, params (string Type, string Message)[] causes) : Exception(message)
{
    public string Reason { get; } = reason;

    public string Json => OperatorErrors.Serialize("org.apache.flink.kubernetes.operator.exception.UpgradeFailureException", Message, causes);

    /// <summary>ExceptionUtils.getExceptionMessage: the message and up to two causes joined by " -> ".</summary>
    public string EventMessage => string.Join(" -> ", new[] { Message }.Concat(causes.Take(2).Select(c => c.Message)));
}

/// <summary>
/// FKO's DeploymentFailedException, thrown by the observer when the JobManager's containers fail: the controller sets
/// the JobManager ERROR and the job RECONCILING (FlinkDeploymentController.reconcile L156-161).
/// </summary>
internal sealed class DeploymentFailedException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    public string Json => new JsonObject
    {
        ["type"] = "org.apache.flink.kubernetes.operator.exception.DeploymentFailedException",
        ["message"] = Message,
        ["additionalMetadata"] = new JsonObject { ["reason"] = Reason },
        ["throwableList"] = new JsonArray(),
    }.ToJsonString();
}

/// <summary>
/// The operator is blocked in a long call (a stop-with-savepoint waits up to the checkpoint timeout): the rest of the
/// pass runs when it returns. JOSDK reconciles one resource at a time, so no other pass of it runs meanwhile.
/// </summary>
internal sealed class PassBlockedException(DateTimeOffset resumesAt, Action resume) : Exception("The reconcile pass waits for a blocking call.")
{
    public DateTimeOffset ResumesAt { get; } = resumesAt;

    public Action Resume { get; } = resume;
}
