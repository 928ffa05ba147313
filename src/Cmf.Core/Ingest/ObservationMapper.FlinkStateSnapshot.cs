using System.Text.Json.Nodes;
using Cmf.Core.Json;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

public static partial class ObservationMapper
{
    public const string SnapshotTypeLabel = "snapshot.type";
    public const string SnapshotTriggerTypeLabel = "snapshot.trigger-type";

    /// <summary>
    /// A FlinkStateSnapshot of a FlinkDeployment's job (<c>spec.jobReference</c>), filed under that application. Null
    /// for deletions (the operator cleans old snapshots up; the history keeps them), snapshots of session jobs, and
    /// snapshots that cannot be read: without a job reference there is no application to file a rejection under.
    /// </summary>
    public static FlinkStateSnapshotObserved? MapFlinkStateSnapshot(EnvironmentInfo environment, JsonNode? resource, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (deleted || resource is not JsonObject root)
        {
            return null;
        }
        try
        {
            return ReadFlinkStateSnapshot(environment, root);
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return null;
        }
    }

    private static FlinkStateSnapshotObserved? ReadFlinkStateSnapshot(EnvironmentInfo environment, JsonObject root)
    {
        var fields = new JsonFieldReader();
        var metadata = ObjectMetadata.Read(root, fields);
        var spec = fields.Object(root, "", "spec", required: true);
        var job = fields.Object(spec, "spec", "jobReference", required: true);
        var jobKind = fields.String(job, "spec.jobReference", "kind");
        var jobName = fields.String(job, "spec.jobReference", "name", required: true);
        var status = fields.Object(root, "", "status");
        var state = fields.String(status, "status", "state");
        var path = fields.String(status, "status", "path");
        var error = fields.String(status, "status", "error");
        var failures = fields.Integer(status, "status", "failures");
        var triggered = fields.Timestamp(status, "status", "triggerTimestamp");
        var result = fields.Timestamp(status, "status", "resultTimestamp");
        if (fields.Error is not null || metadata is null || metadata.Uid is null || jobName is null
            || (jobKind is not null && jobKind != FlinkDeploymentReader.Kind))
        {
            return null;
        }
        var (@namespace, wrongNamespace) = NamespaceOf(environment, metadata);
        if (wrongNamespace is not null)
        {
            return null;
        }
        var snapshotType = metadata.Labels.GetValueOrDefault(SnapshotTypeLabel)
            ?? (spec!["checkpoint"] is JsonObject && spec["savepoint"] is not JsonObject ? "CHECKPOINT" : "SAVEPOINT");
        var snapshot = new FlinkStateSnapshotResource
        {
            Uid = metadata.Uid,
            Name = metadata.Name,
            ResourceVersion = metadata.ResourceVersion,
            CreatedAt = metadata.CreationTimestamp ?? triggered ?? DateTimeOffset.UnixEpoch,
            SnapshotType = snapshotType,
            TriggerType = metadata.Labels.GetValueOrDefault(SnapshotTriggerTypeLabel),
            State = state,
            Path = SecretScrubber.PatternsOnly.Scrub(path),
            Error = SecretScrubber.PatternsOnly.Scrub(error),
            Failures = (int)Math.Clamp(failures ?? 0, 0, int.MaxValue),
            TriggeredAt = triggered,
            ResultAt = result,
        };
        return new FlinkStateSnapshotObserved(new ApplicationKey(environment.Name, jobName), @namespace, snapshot);
    }
}
