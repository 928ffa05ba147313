using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Api;

/// <summary>
/// Server-side printing (<c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c>): the columns kubectl
/// shows, with the FlinkDeployment CRD's printer columns (Job Status, Lifecycle State) and the FlinkStateSnapshot CRD's
/// (Path, Result Timestamp, Snapshot State).
/// </summary>
internal static class TableView
{
    private sealed record Column(string Name, string Type, string Format, Func<JsonObject, JsonNode?> Cell);

    public static bool IsRequested(string? accept) =>
        accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject ForList(ResourceType type, IEnumerable<StoredObject> items, long resourceVersion, DateTimeOffset now, string? includeObject)
    {
        var table = Empty(type, resourceVersion);
        var rows = (JsonArray)table["rows"]!;
        foreach (var item in items)
        {
            rows.Add(Row(type, item.ToJsonObject(), now, includeObject));
        }
        return table;
    }

    public static JsonObject ForObject(ResourceType type, JsonObject obj, DateTimeOffset now, string? includeObject)
    {
        var table = Empty(type, obj.LongAt("metadata", "resourceVersion") ?? 0);
        ((JsonArray)table["rows"]!).Add(Row(type, obj, now, includeObject));
        return table;
    }

    private static JsonObject Empty(ResourceType type, long resourceVersion)
    {
        var definitions = new JsonArray();
        foreach (var column in Columns(type, DateTimeOffset.UnixEpoch))
        {
            definitions.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Name,
                ["priority"] = 0,
            });
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["columnDefinitions"] = definitions,
            ["rows"] = new JsonArray(),
        };
    }

    private static JsonObject Row(ResourceType type, JsonObject obj, DateTimeOffset now, string? includeObject)
    {
        var cells = new JsonArray();
        foreach (var column in Columns(type, now))
        {
            cells.Add(column.Cell(obj) ?? "");
        }
        var row = new JsonObject { ["cells"] = cells };
        if (includeObject == "Object")
        {
            row["object"] = obj;
        }
        else if (includeObject != "None")
        {
            row["object"] = new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = obj["metadata"]?.DeepClone(),
            };
        }
        return row;
    }

    private static List<Column> Columns(ResourceType type, DateTimeOffset now)
    {
        var name = new Column("Name", "string", "name", o => o.StringAt("metadata", "name"));
        var age = new Column("Age", "string", "", o => Age(o, now));
        if (type == ResourceTypes.FlinkDeployments)
        {
            return [name, Text("Job Status", "status", "jobStatus", "state"), Text("Lifecycle State", "status", "lifecycleState"), age];
        }
        if (type == ResourceTypes.FlinkStateSnapshots)
        {
            // The FlinkStateSnapshot CRD's additionalPrinterColumns, in its order.
            return [name, Text("Path", "status", "path"), Text("Result Timestamp", "status", "resultTimestamp"), Text("Snapshot State", "status", "state"), age];
        }
        if (type == ResourceTypes.Deployments)
        {
            return
            [
                name,
                new("Ready", "string", "", o => $"{o.LongAt("status", "readyReplicas") ?? 0}/{o.LongAt("spec", "replicas") ?? 1}"),
                new("Up-to-date", "integer", "", o => o.LongAt("status", "updatedReplicas") ?? 0),
                new("Available", "integer", "", o => o.LongAt("status", "availableReplicas") ?? 0),
                age,
            ];
        }
        if (type == ResourceTypes.Pods)
        {
            return
            [
                name,
                new("Ready", "string", "", o => PodReady(o)),
                new("Status", "string", "", o => PodStatus(o)),
                new("Restarts", "string", "", o => (o.NodeAt("status", "containerStatuses") as JsonArray)?.Sum(c => (c as JsonObject)?.LongAt("restartCount") ?? 0).ToString(CultureInfo.InvariantCulture) ?? "0"),
                age,
            ];
        }
        if (type == ResourceTypes.Events)
        {
            return
            [
                new("Last Seen", "string", "", o => KubernetesTime.Parse(o.StringAt("lastTimestamp")) is { } t ? KubernetesTime.HumanAge(now - t) : "<unknown>"),
                Text("Type", "type"),
                Text("Reason", "reason"),
                new("Object", "string", "", o => $"{o.StringAt("involvedObject", "kind")?.ToLowerInvariant()}/{o.StringAt("involvedObject", "name")}"),
                Text("Message", "message"),
                name,
            ];
        }
        if (type == ResourceTypes.Leases)
        {
            // kube-apiserver's printer for leases (pkg/printers/internalversion): NAME, HOLDER, AGE.
            return [name, Text("Holder", "spec", "holderIdentity"), age];
        }
        return [name, Text("Status", "status", "phase"), age];
    }

    private static Column Text(string title, params string[] path) => new(title, "string", "", o => o.StringAt(path));

    private static string Age(JsonObject obj, DateTimeOffset now) =>
        KubernetesTime.Parse(obj.StringAt("metadata", "creationTimestamp")) is { } created ? KubernetesTime.HumanAge(now - created) : "<unknown>";

    private static string PodReady(JsonObject pod)
    {
        var statuses = pod.NodeAt("status", "containerStatuses") as JsonArray ?? [];
        var total = (pod.NodeAt("spec", "containers") as JsonArray)?.Count ?? statuses.Count;
        var ready = statuses.Count(s => (s as JsonObject)?.StringAt("ready") == "true");
        return $"{ready}/{total}";
    }

    private static string PodStatus(JsonObject pod)
    {
        if (pod.StringAt("metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }
        foreach (var status in pod.NodeAt("status", "containerStatuses") as JsonArray ?? [])
        {
            if ((status as JsonObject)?.StringAt("state", "waiting", "reason") is { } waiting)
            {
                return waiting;
            }
        }
        return pod.StringAt("status", "phase") ?? "Unknown";
    }
}
