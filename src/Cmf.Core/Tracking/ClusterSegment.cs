namespace Cmf.Core.Tracking;

/// <summary>
/// A stretch of a cluster's life during which it ran one instance. An IGNORE or SCALE change hands a
/// live cluster to the newer instance in place (DESIGN 3.2 rule 3): the cluster then has two segments.
/// </summary>
public sealed record ClusterSegment(string InstanceUid, DateTimeOffset From);
