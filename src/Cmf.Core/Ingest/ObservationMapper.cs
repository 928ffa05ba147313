using System.Text.Json.Nodes;
using Cmf.Core.Json;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using k8s;

namespace Cmf.Core.Ingest;

/// <summary>
/// Turns raw Kubernetes objects from a watch or a list into tracker observations. Pure: no I/O, no
/// clock. It never throws on bad input: anything it cannot read becomes a <see cref="ResourceRejected"/>
/// naming the JSON path at fault. The single-object mappers serve relists too (take
/// <see cref="FlinkDeploymentObserved.Resource"/> or <see cref="JobManagerDeploymentObserved.Deployment"/>).
/// A rejected object whose name cannot be read is reported under an empty application name.
/// </summary>
public static partial class ObservationMapper
{
    public const string DeploymentKind = "Deployment";
    public const string PodKind = "Pod";
    private const string UnknownKind = "unknown";

    /// <summary>Maps one watch event by the object's <c>kind</c>; null for events and objects we do not track.</summary>
    public static Observation? Map(
        EnvironmentInfo environment, WatchEventType eventType, JsonNode? resource, SpecVersionCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (eventType is not (WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted))
        {
            return null;
        }
        var deleted = eventType == WatchEventType.Deleted;
        return KindOf(resource) switch
        {
            FlinkDeploymentReader.Kind => MapFlinkDeployment(environment, resource, deleted, cache),
            DeploymentKind => MapJobManagerDeployment(environment, resource, deleted),
            PodKind => MapJobManagerPod(environment, resource, deleted),
            null => Rejected(environment, resource, UnknownKind, "kind: missing"),
            var other => Rejected(environment, resource, UnknownKind,
                "kind: expected FlinkDeployment, Deployment or Pod, found " + JsonPathText.Quote(other)),
        };
    }

    /// <summary>
    /// An object a list or watch delivered without its body (<see cref="ApiObject.Unreadable"/>): rejected under the
    /// application its identity names.
    /// </summary>
    public static ResourceRejected MapUnreadable(EnvironmentInfo environment, ResourceKind kind, JsonNode? identity, string reason)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var mapperKind = kind switch
        {
            ResourceKind.FlinkDeployment => FlinkDeploymentReader.Kind,
            ResourceKind.JobManagerDeployment => DeploymentKind,
            _ => PodKind,
        };
        return Rejected(environment, identity, mapperKind, reason);
    }

    private static Observation? Guarded(EnvironmentInfo environment, JsonNode? resource, string kind, Func<Observation?> map)
    {
        try
        {
            return map();
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return Rejected(environment, resource, kind, UnreadableJson.Reason(ex));
        }
    }

    private static ResourceRejected Rejected(EnvironmentInfo environment, JsonNode? resource, string kind, string reason)
    {
        var (name, @namespace, resourceVersion) = Identify(resource, kind);
        // The reason is stored as an event and logged: it must not carry a secret a parser quoted.
        return new ResourceRejected(
            new ApplicationKey(environment.Name, name), @namespace ?? environment.Namespace, kind, resourceVersion,
            SecretScrubber.PatternsOnly.Scrub(reason));
    }

    // Whatever can still be read of an object that was rejected, to say which one it was.
    private static (string Name, string? Namespace, string? ResourceVersion) Identify(JsonNode? resource, string kind)
    {
        try
        {
            var metadata = (resource as JsonObject)?["metadata"] as JsonObject;
            var app = kind == FlinkDeploymentReader.Kind
                ? null
                : JsonScalars.AsString((metadata?["labels"] as JsonObject)?[MetadataKeys.AppLabel]);
            var name = app ?? (kind == PodKind ? null : JsonScalars.AsString(metadata?["name"]));
            return (name ?? "", JsonScalars.AsString(metadata?["namespace"]), JsonScalars.AsString(metadata?["resourceVersion"]));
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return ("", null, null);
        }
    }

    private static string? KindOf(JsonNode? resource)
    {
        try
        {
            return JsonScalars.AsString((resource as JsonObject)?["kind"]);
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return null;
        }
    }

    /// <summary>The namespace an observation is filed under, or an error when the object belongs to another environment.</summary>
    private static (string Namespace, string? Error) NamespaceOf(EnvironmentInfo environment, ObjectMetadata metadata)
    {
        var @namespace = metadata.Namespace ?? environment.Namespace;
        return @namespace == environment.Namespace
            ? (@namespace, null)
            : (@namespace, "metadata.namespace: " + JsonPathText.Quote(@namespace) + " is not the namespace of environment "
                + JsonPathText.Quote(environment.Name) + " (" + JsonPathText.Quote(environment.Namespace) + ")");
    }
}
