namespace Cmf.Core.Kubernetes;

/// <summary>What the tracker needs of <c>status.reconciliationStatus.lastStableSpec</c>; both null when it is absent or unreadable.</summary>
internal sealed record LastStableSpec(string? Hash, long? Generation)
{
    public static LastStableSpec None { get; } = new(null, null);
}
