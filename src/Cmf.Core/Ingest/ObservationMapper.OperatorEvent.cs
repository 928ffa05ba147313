using System.Text.Json.Nodes;
using Cmf.Core.Json;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

public static partial class ObservationMapper
{
    /// <summary>
    /// A core/v1 Event about a FlinkDeployment (filed under that application) or a FlinkStateSnapshot (filed under the
    /// application <paramref name="snapshotOwner"/> names for it). Null for deletions (the cluster's event TTL: the
    /// history keeps them), Events about other kinds, Events about a snapshot we do not know, and unreadable Events:
    /// an Event carries no application to file a rejection under.
    /// </summary>
    public static OperatorEventObserved? MapOperatorEvent(
        EnvironmentInfo environment, JsonNode? resource, bool deleted, Func<string, ApplicationKey?> snapshotOwner)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(snapshotOwner);
        if (deleted || resource is not JsonObject root)
        {
            return null;
        }
        try
        {
            return ReadOperatorEvent(environment, root, snapshotOwner);
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return null;
        }
    }

    private static OperatorEventObserved? ReadOperatorEvent(EnvironmentInfo environment, JsonObject root, Func<string, ApplicationKey?> snapshotOwner)
    {
        var fields = new JsonFieldReader();
        var metadata = ObjectMetadata.Read(root, fields);
        var involved = fields.Object(root, "", "involvedObject", required: true);
        var kind = fields.String(involved, "involvedObject", "kind", required: true);
        var name = fields.String(involved, "involvedObject", "name", required: true);
        var reason = fields.String(root, "", "reason") ?? "";
        var type = fields.String(root, "", "type") ?? "Normal";
        var message = fields.String(root, "", "message") ?? "";
        var source = fields.String(fields.Object(root, "", "source"), "source", "component");
        var reporting = fields.String(root, "", "reportingComponent");
        var first = fields.Timestamp(root, "", "firstTimestamp");
        var last = fields.Timestamp(root, "", "lastTimestamp");
        var eventTime = fields.Timestamp(root, "", "eventTime");
        var count = fields.Integer(root, "", "count") ?? fields.Integer(fields.Object(root, "", "series"), "series", "count");
        if (fields.Error is not null || metadata is null || kind is null || name is null)
        {
            return null;
        }
        var (@namespace, error) = NamespaceOf(environment, metadata);
        if (error is not null)
        {
            return null;
        }
        ApplicationKey? application = kind switch
        {
            FlinkDeploymentReader.Kind => new ApplicationKey(environment.Name, name),
            FlinkStateSnapshotResource.Kind => snapshotOwner(name),
            _ => null,
        };
        var happened = first ?? eventTime ?? metadata.CreationTimestamp ?? last;
        if (application is null || happened is null)
        {
            return null;
        }
        var operatorEvent = new OperatorEventSnapshot
        {
            Identity = metadata.Uid ?? $"{@namespace}/{metadata.Name}",
            InvolvedKind = kind,
            InvolvedName = name,
            Reason = reason,
            Type = type,
            Source = string.IsNullOrEmpty(source) ? (string.IsNullOrEmpty(reporting) ? null : reporting) : source,
            Message = SecretScrubber.PatternsOnly.Scrub(message) ?? "",
            Count = (int)Math.Clamp(count ?? 1, 1, int.MaxValue),
            FirstSeen = happened.Value,
            LastSeen = last is { } l && l > happened.Value ? l : happened.Value,
        };
        return new OperatorEventObserved(application.Value, @namespace, operatorEvent);
    }
}
