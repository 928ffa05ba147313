using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>Where one instance's bar sits in the timeline's plot area (x in pixels from the plot's left edge).</summary>
public sealed record TimelineInstanceBar(
    InstanceState Instance,
    double X,
    double Width,
    int Row,
    bool IsCurrent,
    bool WasDeployed,
    bool IsOpenEnded,
    bool ClippedAtStart,
    bool ClippedAtEnd);

/// <summary>
/// Where one cluster's bar sits; <see cref="Owner"/> (the instance it runs now, or ran last) is null when it is no longer
/// kept. A cluster handed over in place is one bar drawn in several <see cref="Segments"/>, one per instance it ran.
/// </summary>
public sealed record TimelineClusterBar(
    ClusterState Cluster,
    InstanceState? Owner,
    double X,
    double Width,
    int Row,
    bool IsOpenEnded,
    bool ClippedAtStart,
    bool ClippedAtEnd,
    IReadOnlyList<TimelineClusterSegment> Segments);

/// <summary>
/// The part of a cluster bar during which it ran one instance (<see cref="Instance"/> is null when that instance is no
/// longer kept); segments after the first start at an in-place hand-over.
/// </summary>
public sealed record TimelineClusterSegment(ClusterStint Stint, InstanceState? Instance, double X, double Width)
{
    public bool StartsWithHandOver => Stint.HandedOverFrom is not null;
}

/// <summary>One labelled tick of the shared time axis.</summary>
public sealed record TimelineTick(double X, DateTimeOffset Time, string Label);
