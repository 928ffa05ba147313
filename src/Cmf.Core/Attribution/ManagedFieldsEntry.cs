using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Json;

namespace Cmf.Core.Attribution;

/// <summary>
/// One entry of <c>metadata.managedFields</c> that owns part of <c>spec</c>: a manager's writes to the object itself
/// (entries of the status subresource own no spec). <see cref="SpecFields"/> is the entry's <c>fieldsV1["f:spec"]</c>,
/// the set of owned spec fields in the <c>f:</c> / <c>k:</c> / <c>v:</c> / <c>i:</c> notation.
/// </summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, DateTimeOffset? Time, JsonObject SpecFields)
{
    /// <summary>The API server rejects longer manager names (apimachinery ValidateManagedFields: 128).</summary>
    public const int MaxManagerLength = 128;

    /// <summary>Entries read at most: a real object has one per (manager, operation, subresource), a handful.</summary>
    public const int MaxEntries = 64;

    /// <summary>The spec-owning entries of an object's metadata; never throws, leaves out what it cannot read.</summary>
    public static IReadOnlyList<ManagedFieldsEntry> ReadSpecOwners(JsonNode? metadata)
    {
        if ((metadata as JsonObject)?["managedFields"] is not JsonArray entries)
        {
            return [];
        }
        var owners = new List<ManagedFieldsEntry>();
        foreach (var node in entries.Take(MaxEntries))
        {
            if (node is not JsonObject entry
                || JsonScalars.AsString(entry["manager"]) is not { Length: > 0 } manager
                || !string.IsNullOrEmpty(JsonScalars.AsString(entry["subresource"]))
                || (entry["fieldsV1"] as JsonObject)?["f:spec"] is not JsonObject spec)
            {
                continue;
            }
            var operation = JsonScalars.AsString(entry["operation"]) ?? "";
            owners.Add(new ManagedFieldsEntry(InertText.Of(manager, MaxManagerLength), InertText.Of(operation, 16), ParseTime(entry["time"]), spec));
        }
        return owners;
    }

    private static DateTimeOffset? ParseTime(JsonNode? node) =>
        JsonScalars.AsString(node) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
