using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Writes the core v1 Events the operator emits about a FlinkDeployment or a FlinkStateSnapshot (EventRecorder.triggerEvent,
/// triggerEventOnce and triggerSnapshotEvent, all through EventUtils). As in the operator, an event's name hashes its
/// reason, message (or message key), type and target, so a repeated event bumps the count of the existing one.
/// </summary>
internal sealed class OperatorEvents(ResourceStore store, SimulatorClock clock)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    public const string ComponentOperator = "Operator";
    public const string ComponentJobManagerDeployment = "JobManagerDeployment";
    public const string ComponentJob = "Job";
    public const string ComponentSnapshot = "Snapshot";

    /// <summary>Records an event, or counts one more occurrence of it.</summary>
    public void Emit(JsonObject flinkDeployment, string type, string reason, string component, string message) =>
        Write(flinkDeployment, type, reason, component, message, messageKey: null, onlyOnce: false);

    /// <summary>Records an event unless one with the same key exists (SpecChanged is emitted once per generation).</summary>
    public void EmitOnce(JsonObject flinkDeployment, string type, string reason, string component, string message, string messageKey) =>
        Write(flinkDeployment, type, reason, component, message, messageKey, onlyOnce: true);

    /// <summary>Removes events older than <paramref name="timeToLive"/>, as the API server's event TTL does.</summary>
    public void RemoveExpired(TimeSpan timeToLive)
    {
        var cutoff = clock.Now - timeToLive;
        var (events, _) = store.List(ResourceTypes.Events, inNamespace: null);
        foreach (var stored in events)
        {
            if (KubernetesTime.Parse(stored.ToJsonObject().StringAt("lastTimestamp")) is { } last && last < cutoff)
            {
                try
                {
                    store.Delete(ResourceTypes.Events, stored.Key, preconditions: null, ChangeOrigin.Cluster);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Deleted meanwhile.
                }
            }
        }
    }

    private void Write(JsonObject target, string type, string reason, string component, string message, string? messageKey, bool onlyOnce)
    {
        var metadata = target.Metadata();
        var ns = metadata.StringAt("namespace") ?? "";
        var name = metadata.StringAt("name") ?? "";
        var uid = metadata.StringAt("uid") ?? "";
        var kind = target.StringAt("kind") ?? "";
        // EventUtils.generateEventName (L58-74).
        var eventName = $"{component}.{JavaHash(reason + (messageKey ?? message) + type + kind + name + uid) & 0x7FFFFFFF}";
        var now = KubernetesTime.Format(clock.Now);
        var existing = store.Get(ResourceTypes.Events, new ObjectKey(ns, eventName));
        if (existing is not null)
        {
            if (onlyOnce)
            {
                return;
            }
            var updated = existing.ToJsonObject();
            updated["count"] = (updated.LongAt("count") ?? 1) + 1;
            updated["lastTimestamp"] = now;
            updated["message"] = message;
            store.Update(ResourceTypes.Events, updated, UpdateTarget.Object, ChangeOrigin.Cluster);
            return;
        }
        var created = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = eventName, ["namespace"] = ns },
            // EventUtils.getObjectReference (L310-318): apiVersion, kind, name, namespace and uid; no resourceVersion.
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = target.StringAt("apiVersion"),
                ["kind"] = kind,
                ["name"] = name,
                ["namespace"] = ns,
                ["uid"] = uid,
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            // MicroTime marshals its zero value as null, and omitempty does not drop a struct: real servers serve it.
            ["eventTime"] = null,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["reportingComponent"] = "",
            ["reportingInstance"] = "",
        };
        try
        {
            store.Create(ResourceTypes.Events, created, ChangeOrigin.Cluster);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // The namespace is gone; so is the object the event would be about.
        }
    }

    // java.lang.String.hashCode, so event names look like the operator's.
    private static int JavaHash(string text)
    {
        var hash = 0;
        foreach (var c in text)
        {
            hash = unchecked((31 * hash) + c);
        }
        return hash;
    }
}
