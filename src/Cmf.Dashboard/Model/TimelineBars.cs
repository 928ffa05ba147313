namespace Cmf.Dashboard.Model;

/// <summary>Where one instance's bar sits in the timeline's plot area (x in pixels from the plot's left edge).</summary>
public sealed record TimelineInstanceBar(
    InstanceSummary Instance,
    double X,
    double Width,
    int Row,
    bool IsCurrent,
    bool WasDeployed,
    bool IsOpenEnded,
    bool ClippedAtStart,
    bool ClippedAtEnd);

/// <summary>Where one cluster's bar sits; <see cref="Owner"/> is null when its owner is no longer kept.</summary>
public sealed record TimelineClusterBar(
    ClusterSummary Cluster,
    InstanceSummary? Owner,
    double X,
    double Width,
    int Row,
    bool IsOpenEnded,
    bool ClippedAtStart,
    bool ClippedAtEnd);

/// <summary>One labelled tick of the shared time axis.</summary>
public sealed record TimelineTick(double X, DateTimeOffset Time, string Label);
