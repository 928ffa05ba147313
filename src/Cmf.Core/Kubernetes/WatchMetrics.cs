namespace Cmf.Core.Kubernetes;

/// <summary>What the watch loops count; the dashboard's meter (Telemetry) implements it, so this layer names no meter.</summary>
public interface IWatchMetrics
{
    void WatchEvent(ResourceKind kind);

    void WatchRestarted(string watch);

    void WatchRelisted(string watch);
}
