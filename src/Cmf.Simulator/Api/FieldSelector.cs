using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Api;

/// <summary>Field selectors (<c>metadata.name=x</c>, <c>involvedObject.uid!=y</c>) limited, as on a real server, to the fields each resource indexes.</summary>
internal static class FieldSelector
{
    private static readonly string[] CommonFields = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<ResourceType, string[]> ExtraFields = new()
    {
        [ResourceTypes.Events] =
        [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "source", "type",
        ],
        [ResourceTypes.Pods] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
        [ResourceTypes.Namespaces] = ["status.phase"],
    };

    public static Func<StoredObject, bool> Parse(string? selector, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return static _ => true;
        }
        var requirements = new List<Func<StoredObject, bool>>();
        foreach (var part in selector.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = part.Contains("!=", StringComparison.Ordinal);
            var op = negate ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=";
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                throw ApiException.BadRequest($"invalid selector: '{selector}'; can't understand '{part}'");
            }
            var field = part[..at].Trim();
            var value = part[(at + op.Length)..].Trim();
            if (!CommonFields.Contains(field) && !(ExtraFields.GetValueOrDefault(type)?.Contains(field) ?? false))
            {
                throw ApiException.BadRequest($"\"{field}\" is not a known field selector: only \"{string.Join("\", \"", CommonFields.Concat(ExtraFields.GetValueOrDefault(type) ?? []))}\"");
            }
            Func<StoredObject, string?> read = field switch
            {
                "metadata.name" => o => o.Name,
                "metadata.namespace" => o => o.Namespace,
                "source" => o => o.ToJsonObject().StringAt("source", "component"),
                _ => o => o.ToJsonObject().StringAt(field.Split('.')),
            };
            requirements.Add(negate ? o => (read(o) ?? "") != value : o => (read(o) ?? "") == value);
        }
        return obj => requirements.TrueForAll(r => r(obj));
    }
}
