using System.Globalization;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>The fields of a FlinkDeployment's status that the operator's sequences are about, read from a served object.</summary>
internal sealed record FlinkStatusView(
    long ResourceVersion,
    long Generation,
    long? ObservedGeneration,
    string? Lifecycle,
    string? Job,
    string? JobManager,
    string? Reconciliation,
    string? Error,
    string? UpgradeSavepointPath,
    string? JobId)
{
    /// <summary>"LIFECYCLE JOB JOBMANAGER RECONCILIATION", the shape sequences are written in.</summary>
    public string Brief => $"{Lifecycle} {Job} {JobManager} {Reconciliation}";

    public static FlinkStatusView Of(JsonObject flinkDeployment)
    {
        var metadata = flinkDeployment["metadata"]!;
        var status = flinkDeployment["status"];
        return new FlinkStatusView(
            long.Parse(metadata["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            metadata["generation"]!.GetValue<long>(),
            status?["observedGeneration"]?.GetValue<long>(),
            status?["lifecycleState"]?.GetValue<string>(),
            status?["jobStatus"]?["state"]?.GetValue<string>(),
            status?["jobManagerDeploymentStatus"]?.GetValue<string>(),
            status?["reconciliationStatus"]?["state"]?.GetValue<string>(),
            status?["error"]?.GetValue<string>(),
            status?["jobStatus"]?["upgradeSavepointPath"]?.GetValue<string>(),
            status?["jobStatus"]?["jobId"]?.GetValue<string>());
    }
}
