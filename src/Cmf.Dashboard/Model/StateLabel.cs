using Cmf.Core.Model;

namespace Cmf.Dashboard.Model;

/// <summary>How a job or lifecycle state is named and coloured: the operator's spelling and a tone.</summary>
public sealed record StateLabel(string Text, StateTone Tone, string Description)
{
    public static StateLabel ForJobState(JobState? state, bool stoppedForUpgrade = false)
    {
        if (state is null)
        {
            return new("NO JOB STATE", StateTone.Neutral, "No job state was reported");
        }
        if (state == JobState.Finished && stoppedForUpgrade)
        {
            return new("FINISHED (stopped for upgrade)", StateTone.Finished,
                "The job was stopped with a savepoint so the new instance can start from it");
        }
        var wire = FlinkStateNames.ToWire(state.Value);
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
