using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Core.Attribution;

/// <summary>
/// Who wrote an object's current spec, from <c>metadata.managedFields</c>: among the managers that own a spec field
/// changed since <paramref name="previousSpec"/> the one with the latest time (the API server moves a field to the
/// manager that last changed it and stamps that manager's entry); when no previous spec is known or no manager owns a
/// changed field (a removed field is owned by nobody), the latest manager owning anything under <c>spec</c>.
/// </summary>
public static class ChangeAttributor
{
    public static ChangeAttribution? Attribute(
        JsonNode? metadata, ObjectMetadata objectMetadata, JsonObject spec, JsonObject? previousSpec, bool managedByCmf)
    {
        ArgumentNullException.ThrowIfNull(objectMetadata);
        ArgumentNullException.ThrowIfNull(spec);
        var owners = ManagedFieldsEntry.ReadSpecOwners(metadata);
        var writer = Writer(owners, spec, previousSpec);
        var origin = DeliveryTracking.Describe(objectMetadata.Labels, objectMetadata.Annotations, writer?.Manager, managedByCmf);
        return writer is null && origin is null
            ? null
            : new ChangeAttribution { ChangedBy = writer?.Manager, ChangedAt = writer?.Time, ChangeOrigin = origin };
    }

    private static ManagedFieldsEntry? Writer(IReadOnlyList<ManagedFieldsEntry> owners, JsonObject spec, JsonObject? previousSpec)
    {
        if (owners.Count == 0)
        {
            return null;
        }
        if (previousSpec is not null)
        {
            var changed = SpecChanges.Between(previousSpec, spec);
            var candidates = owners
                .Select(o => (Entry: o, Weight: changed.Count(path => FieldOwnership.Owns(o.SpecFields, path))))
                .Where(c => c.Weight > 0)
                .ToList();
            if (candidates.Count > 0)
            {
                return Latest(candidates);
            }
        }
        return Latest([.. owners.Select(o => (o, FieldOwnership.Leaves(o.SpecFields)))]);
    }

    // Times have a resolution of one second: of two writes in the same second the one owning more of what changed
    // (or of the spec) is the author, the other most likely a controller filling in a default.
    private static ManagedFieldsEntry Latest(List<(ManagedFieldsEntry Entry, int Weight)> candidates) =>
        candidates.Aggregate((best, next) =>
        {
            var (bestTime, nextTime) = (best.Entry.Time ?? DateTimeOffset.MinValue, next.Entry.Time ?? DateTimeOffset.MinValue);
            return nextTime > bestTime || (nextTime == bestTime && next.Weight >= best.Weight) ? next : best;
        }).Entry;
}
