using System.Collections.Frozen;

namespace Cmf.Core.Model;

/// <summary>
/// Converts between the operator's wire names (<c>DEPLOYED_NOT_READY</c>) and our enums.
/// An absent value parses to null; a value we do not know parses to <c>Unknown</c>.
/// </summary>
public static class FlinkStateNames
{
    private static readonly FrozenDictionary<string, JobState> JobStates = Index<JobState>();
    private static readonly FrozenDictionary<string, LifecycleState> LifecycleStates = Index<LifecycleState>();
    private static readonly FrozenDictionary<string, ReconciliationState> ReconciliationStates = Index<ReconciliationState>();
    private static readonly FrozenDictionary<string, JobManagerDeploymentStatus> JobManagerStatuses = Index<JobManagerDeploymentStatus>();

    public static JobState? ParseJobState(string? wire) => Parse(JobStates, wire);

    public static LifecycleState? ParseLifecycleState(string? wire) => Parse(LifecycleStates, wire);

    public static ReconciliationState? ParseReconciliationState(string? wire) => Parse(ReconciliationStates, wire);

    public static JobManagerDeploymentStatus? ParseJobManagerDeploymentStatus(string? wire) => Parse(JobManagerStatuses, wire);

    /// <summary>The operator's spelling: <c>RollingBack</c> becomes <c>ROLLING_BACK</c>.</summary>
    public static string ToWire<T>(T value) where T : struct, Enum => ToWire(value.ToString());

    /// <summary>FAILED, CANCELED and FINISHED end a job for good; SUSPENDED only locally.</summary>
    public static bool IsGloballyTerminal(this JobState state) =>
        state is JobState.Failed or JobState.Canceled or JobState.Finished;

    private static T? Parse<T>(FrozenDictionary<string, T> index, string? wire) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(wire))
        {
            return null;
        }
        return index.TryGetValue(wire.Trim(), out var value) ? value : default(T);
    }

    private static FrozenDictionary<string, T> Index<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToFrozenDictionary(v => ToWire(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);

    private static string ToWire(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
