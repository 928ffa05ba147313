namespace Cmf.Dashboard.Model;

/// <summary>Columns the application list sorts by: each has its own index in the store, so a page is read without sorting.</summary>
public enum ApplicationSort
{
    Name,
    Environment,
    JobState,
    LastChange,
    InstanceCount,
}
