using System.Text.Json.Nodes;

namespace Cmf.Simulator.Store.FieldManagement;

/// <summary>
/// What the API server's field manager does to <c>metadata.managedFields</c> on a create, update or patch
/// (k8s.io/apimachinery managedfields: the structured-merge-diff Updater behind the managedFieldsUpdater): the fields
/// the write added or changed move to its manager (every other entry loses them: an update always forces), fields it
/// removed leave every entry, entries left empty go, and the writer's entry gets the time only when the write changed
/// something. Entries are sorted by operation, time, manager, API version and subresource.
/// </summary>
internal static class ManagedFieldsUpdate
{
    /// <summary>The new managedFields of <paramref name="next"/>; <paramref name="live"/> is null for a create.</summary>
    public static JsonArray Apply(
        JsonNode? requestedEntries, JsonObject? live, JsonObject next, string manager, UpdateTarget target, ResourceType type, DateTimeOffset now)
    {
        // A request that carries managedFields replaces them (that is how a client clears them); else the live ones stay.
        var entries = ManagerEntry.ReadAll(requestedEntries) ?? ManagerEntry.ReadAll((live?["metadata"] as JsonObject)?["managedFields"]) ?? [];
        var scope = target == UpdateTarget.Status ? WriteScope.Status
            : type.HasStatusSubresource ? WriteScope.ObjectWithoutStatus
            : WriteScope.WholeObject;
        var (changed, removed) = live is null ? (FieldPaths.Of(next, scope), new FieldSet()) : FieldPaths.Diff(live, next, scope);
        var subresource = target == UpdateTarget.Status ? "status" : null;

        var result = new List<ManagerEntry>();
        ManagerEntry? own = null;
        foreach (var entry in entries)
        {
            var fields = entry.Fields.Clone();
            fields.ExceptWith(removed);
            if (entry.SameWriter(manager, ManagerEntry.Update, subresource))
            {
                own = entry with { Fields = fields };
                continue;
            }
            fields.ExceptWith(changed);
            if (!fields.IsEmpty)
            {
                result.Add(entry with { Fields = fields });
            }
        }
        if (!changed.IsEmpty)
        {
            var fields = own?.Fields ?? new FieldSet();
            fields.UnionWith(changed);
            own = new ManagerEntry(manager, ManagerEntry.Update, subresource, type.ApiVersion, KubernetesTime.Format(now), fields);
        }
        if (own is { Fields.IsEmpty: false })
        {
            result.Add(own);
        }
        return [.. Sorted(result).Select(e => (JsonNode)e.ToJson())];
    }

    private static IEnumerable<ManagerEntry> Sorted(List<ManagerEntry> entries) => entries
        .OrderBy(e => e.Operation, StringComparer.Ordinal)
        .ThenBy(e => KubernetesTime.Parse(e.Time) ?? DateTimeOffset.MinValue)
        .ThenBy(e => e.Manager, StringComparer.Ordinal)
        .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
        .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal);
}
