using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Per-application behaviour, set by annotations on the FlinkDeployment (metadata changes: they never
/// bump the generation). Documented in the simulator's README.
/// </summary>
public static class SimulatorKnobs
{
    public const string Prefix = "simulator.cmf.dev/";

    /// <summary>"true": every stop-with-savepoint fails; a number N: the next N attempts fail.</summary>
    public const string SavepointFails = Prefix + "savepoint-fails";

    /// <summary>Seconds (simulated) after the job starts running until it finishes on its own (a batch job).</summary>
    public const string FinishAfterSeconds = Prefix + "finish-after-seconds";

    /// <summary>Seconds (simulated) after the job starts running until it fails terminally.</summary>
    public const string FailAfterSeconds = Prefix + "fail-after-seconds";

    /// <summary>"true": new JobManagers never become ready (pods crash-loop), except one started by a rollback.</summary>
    public const string StartupFails = Prefix + "startup-fails";

    /// <summary>
    /// "true": the operator leaves the FlinkDeployment alone (no finalizer, cluster, status or events), so whoever writes
    /// its status subresource plays the operator, e.g. replaying a status sequence captured on a real cluster. A cluster
    /// it started before the annotation was set is left as it is; removing the annotation hands the object back.
    /// </summary>
    public const string Unmanaged = Prefix + "unmanaged";

    internal static string? Read(JsonObject flinkDeployment, string knob) =>
        flinkDeployment.StringAt("metadata", "annotations", knob);

    internal static bool ShouldSavepointFail(JsonObject flinkDeployment, int failuresSoFar)
    {
        var value = Read(flinkDeployment, SavepointFails);
        if (value is null)
        {
            return false;
        }
        if (bool.TryParse(value, out var always))
        {
            return always;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && failuresSoFar < count;
    }

    internal static TimeSpan? Seconds(JsonObject flinkDeployment, string knob) =>
        double.TryParse(Read(flinkDeployment, knob), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    internal static bool IsSet(JsonObject flinkDeployment, string knob) =>
        bool.TryParse(Read(flinkDeployment, knob), out var value) && value;
}
