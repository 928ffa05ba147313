using System.Collections.Immutable;
using System.Text.Json;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// Tracker state kept as JSON columns: rare or small, and only ever read back whole (held JobManager Deployments,
/// cluster segments of in-place hand-overs, the open error episode).
/// </summary>
internal static class TrackerMemoryJson
{
    public static string? WriteHeldClusters(ImmutableList<HeldCluster> pending) =>
        pending.IsEmpty ? null : JsonSerializer.Serialize(pending);

    public static ImmutableList<HeldCluster> ReadHeldClusters(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<ImmutableList<HeldCluster>>(json) ?? [];

    /// <summary>Null for the usual cluster, whose only segment is its first owner from its start.</summary>
    public static string? WriteSegments(ClusterState cluster) =>
        cluster.Segments.Count <= 1 ? null : JsonSerializer.Serialize(cluster.Segments);

    public static ImmutableList<ClusterSegment> ReadSegments(string? json, string ownerUid, DateTimeOffset startedAt) =>
        string.IsNullOrEmpty(json)
            ? [new ClusterSegment(ownerUid, startedAt)]
            : JsonSerializer.Deserialize<ImmutableList<ClusterSegment>>(json) ?? [new ClusterSegment(ownerUid, startedAt)];

    public static string? WriteErrorEpisode(ErrorEpisode? episode) =>
        episode is null ? null : JsonSerializer.Serialize(episode);

    public static ErrorEpisode? ReadErrorEpisode(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ErrorEpisode>(json);
}
