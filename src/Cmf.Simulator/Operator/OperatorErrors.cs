using System.Text.Json.Nodes;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The JSON FKO writes to status.error: FlinkResourceException (FlinkResourceExceptionUtils.updateFlinkResourceException):
/// type, message, additionalMetadata, and up to two causes in throwableList, no stack trace by default.
/// </summary>
internal static class OperatorErrors
{
    /// <summary>AbstractFlinkDeploymentObserver.onMissingDeployment.</summary>
    public static string MissingJobManager() => Serialize(
        "org.apache.flink.kubernetes.operator.exception.MissingJobManagerException", "Missing JobManager deployment");

    /// <summary>JobStatusObserver.recordJobErrorIfPresent: the job's failure cause as Flink serialised it.</summary>
    public static string JobFailed() => Serialize(
        "org.apache.flink.runtime.JobException",
        "Recovery is suppressed by NoRestartBackoffTimeStrategy",
        ("java.lang.RuntimeException", $"The job failed (simulated by {SimulatorKnobs.FailAfterSeconds})."));

    public static string Serialize(string type, string message, params (string Type, string Message)[] causes)
    {
        var throwables = new JsonArray();
        foreach (var (causeType, causeMessage) in causes.Take(2))
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
