using System.Collections.Immutable;
using System.Text.Json;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>The tracker's held JobManager Deployments, kept as one JSON column: rare, small, and only ever read back whole.</summary>
internal static class PendingClustersJson
{
    public static string? Write(ImmutableList<PendingCluster> pending) =>
        pending.IsEmpty ? null : JsonSerializer.Serialize(pending);

    public static ImmutableList<PendingCluster> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<ImmutableList<PendingCluster>>(json) ?? [];
}
