using System.Text.Json.Nodes;

namespace Cmf.Simulator.Operator;

/// <summary>The JSON the operator writes to status.error (its FlinkResourceException shape).</summary>
internal static class OperatorErrors
{
    public static string SavepointFailed(string? jobId) => Serialize(
        "org.apache.flink.kubernetes.operator.exception.UpgradeFailureException",
        "Savepoint Error",
        ("java.util.concurrent.ExecutionException", $"org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint Coordinator is suspending, job {jobId} (simulated by {SimulatorKnobs.SavepointFails})."));

    public static string MissingJobManager() => Serialize(
        "org.apache.flink.kubernetes.operator.exception.MissingJobManagerException",
        "Missing JobManager deployment");

    public static string JobFailed() => Serialize(
        "org.apache.flink.runtime.JobException",
        "Recovery is suppressed by NoRestartBackoffTimeStrategy",
        ("java.lang.RuntimeException", $"The job failed (simulated by {SimulatorKnobs.FailAfterSeconds})."));

    private static string Serialize(string type, string message, params (string Type, string Message)[] causes)
    {
        var throwables = new JsonArray();
        foreach (var (causeType, causeMessage) in causes)
        {
            throwables.Add(new JsonObject { ["type"] = causeType, ["message"] = causeMessage, ["additionalMetadata"] = new JsonObject() });
        }
        return new JsonObject
        {
            ["type"] = type,
            ["message"] = message,
            ["additionalMetadata"] = new JsonObject(),
            ["throwableList"] = throwables,
        }.ToJsonString();
    }
}
