using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>How a job or lifecycle state is named and coloured: the operator's spelling and a tone.</summary>
public sealed record StateLabel(string Text, StateTone Tone, string Description)
{
    /// <summary>The application's job state; FINISHED or CANCELED while the operator upgrades says the job was stopped for it.</summary>
    public static StateLabel ForJobState(JobState? state, bool stoppedForUpgrade) =>
        ForJobState(state, stoppedForUpgrade ? InstanceStop.Upgrade : InstanceStop.None, savepointPath: null);

    /// <summary>An instance's job state and, when the operator stopped the job, why (only a new savepoint path makes it a savepoint stop).</summary>
    public static StateLabel ForJobState(JobState? state, InstanceStop stop = InstanceStop.None, string? savepointPath = null)
    {
        if (state is null)
        {
            return new("NO JOB STATE", StateTone.Neutral, "No job state was reported");
        }
        var wire = FlinkStateNames.ToWire(state.Value);
        if (stop != InstanceStop.None && state is JobState.Finished or JobState.Canceled)
        {
            var why = StopWords.Of(stop, savepointPath);
            var detail = savepointPath is null ? "" : $" ({savepointPath})";
            return new($"{wire} ({why})", StateTone.Finished, $"The operator {why}{detail}");
        }
        var tone = state.Value switch
        {
            JobState.Running => StateTone.Success,
            JobState.Failed or JobState.Failing => StateTone.Error,
            JobState.Finished or JobState.Canceled => StateTone.Finished,
            JobState.Suspended => StateTone.Warning,
            JobState.Reconciling or JobState.Initializing or JobState.Created or JobState.Restarting
                or JobState.Cancelling => StateTone.Info,
            _ => StateTone.Neutral,
        };
        return new(wire, tone, $"Job state {wire}");
    }

    public static StateLabel ForLifecycleState(LifecycleState? state)
    {
        if (state is null)
        {
            return new("NO LIFECYCLE STATE", StateTone.Neutral, "No lifecycle state was reported");
        }
        var wire = FlinkStateNames.ToWire(state.Value);
        var tone = state.Value switch
        {
            LifecycleState.Stable or LifecycleState.Deployed => StateTone.Success,
            LifecycleState.Failed => StateTone.Error,
            LifecycleState.Suspended or LifecycleState.RolledBack => StateTone.Warning,
            LifecycleState.Upgrading or LifecycleState.RollingBack or LifecycleState.Created => StateTone.Info,
            LifecycleState.Deleting or LifecycleState.Deleted => StateTone.Finished,
            _ => StateTone.Neutral,
        };
        return new(wire, tone, $"Lifecycle state {wire}");
    }
}
