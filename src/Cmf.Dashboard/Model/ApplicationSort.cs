namespace Cmf.Dashboard.Model;

/// <summary>Columns the application list sorts by.</summary>
public enum ApplicationSort
{
    Name,
    Environment,
    JobState,
    LifecycleState,
    LastChange,
    InstanceCount,
}
