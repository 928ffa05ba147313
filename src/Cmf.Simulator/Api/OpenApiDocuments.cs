using System.Text.Json.Nodes;
using Cmf.Simulator.Store;
using Cmf.Simulator.Validation;

namespace Cmf.Simulator.Api;

/// <summary>
/// The /openapi/v3 documents kubectl reads before apply and create: per kind a permissive schema carrying
/// x-kubernetes-group-version-kind, and paths whose operations carry it too together with a
/// fieldValidation parameter. Without both, kubectl falls back to /openapi/v2 and refuses to validate.
/// </summary>
internal static class OpenApiDocuments
{
    private const string Hash = "5C3D0F1E2A4B6C8D";

    public static JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var (group, version) in ResourceTypes.GroupVersions)
        {
            var path = PathOf(group, version);
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={Hash}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for "api/v1", "apis/apps/v1" and so on, or null for an unknown group-version.</summary>
    public static JsonObject? ForPath(string path)
    {
        var gv = ResourceTypes.GroupVersions.Cast<(string Group, string Version)?>().FirstOrDefault(gv => PathOf(gv!.Value.Group, gv.Value.Version) == path.Trim('/'));
        if (gv is not { } groupVersion)
        {
            return null;
        }
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var type in ResourceTypes.All.Where(t => t.Matches(groupVersion.Group, groupVersion.Version)))
        {
            schemas[SchemaName(type)] = KindSchema(type, type.Kind);
            schemas[SchemaName(type) + "List"] = KindSchema(type, type.ListKind);
            var prefix = "/" + PathOf(type.Group, type.Version) + (type.Namespaced ? "/namespaces/{namespace}/" : "/") + type.Plural;
            paths[prefix] = CollectionPath(type);
            paths[prefix + "/{name}"] = ItemPath(type, subresource: false);
            if (type.HasStatusSubresource)
            {
                paths[prefix + "/{name}/status"] = ItemPath(type, subresource: true);
            }
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static string PathOf(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    private static string SchemaName(ResourceType type) => type.Group switch
    {
        "" => $"io.k8s.api.core.{type.Version}.{type.Kind}",
        "apps" => $"io.k8s.api.apps.{type.Version}.{type.Kind}",
        "coordination.k8s.io" => $"io.k8s.api.coordination.{type.Version}.{type.Kind}",
        _ => string.Join('.', type.Group.Split('.').Reverse()) + $".{type.Version}.{type.Kind}",
    };

    // kubectl looks up apiVersion, kind and metadata when it computes an apply patch: name them, leave the rest open.
    private static JsonObject KindSchema(ResourceType type, string kind) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string" },
                    ["namespace"] = new JsonObject { ["type"] = "string" },
                    ["labels"] = StringMap(),
                    ["annotations"] = StringMap(),
                },
                ["x-kubernetes-preserve-unknown-fields"] = true,
            },
            ["spec"] = type == ResourceTypes.FlinkDeployments ? ToOpenApi(FlinkDeploymentSchema.Spec)
                : type == ResourceTypes.FlinkStateSnapshots ? ToOpenApi(FlinkStateSnapshotSchema.Spec) : OpenObject(),
            ["status"] = type == ResourceTypes.FlinkDeployments ? ToOpenApi(FlinkDeploymentSchema.Status)
                : type == ResourceTypes.FlinkStateSnapshots ? ToOpenApi(FlinkStateSnapshotSchema.Status) : OpenObject(),
        },
        ["x-kubernetes-preserve-unknown-fields"] = true,
        ["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(type, kind)),
    };

    private static JsonObject OpenObject() => new() { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };

    /// <summary>The simulator's own CRD schema subset as OpenAPI, so kubectl can compute apply patches field by field.</summary>
    private static JsonObject ToOpenApi(SchemaNode schema)
    {
        var result = new JsonObject();
        if (schema.IntOrString)
        {
            result["x-kubernetes-int-or-string"] = true;
            return result;
        }
        if (schema.Type is { } type)
        {
            result["type"] = type;
        }
        if (schema.Enum is { } values)
        {
            result["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
        }
        if (schema.Properties is { } properties)
        {
            result["properties"] = new JsonObject([.. properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToOpenApi(p.Value)))]);
        }
        if (schema.AdditionalProperties is { } additional)
        {
            result["additionalProperties"] = ToOpenApi(additional);
        }
        if (schema.Items is { } items)
        {
            result["items"] = ToOpenApi(items);
        }
        if (schema.PreserveUnknownFields)
        {
            result["x-kubernetes-preserve-unknown-fields"] = true;
        }
        return result;
    }

    private static JsonObject StringMap() => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject Gvk(ResourceType type, string kind) =>
        new() { ["group"] = type.Group, ["kind"] = kind, ["version"] = type.Version };

    private static JsonObject CollectionPath(ResourceType type)
    {
        var path = new JsonObject
        {
            ["get"] = Operation(type, "list", type.ListKind, body: false, writes: false),
            ["post"] = Operation(type, "post", type.Kind, body: true, writes: true),
        };
        AddPathParameters(path, type, item: false);
        return path;
    }

    private static JsonObject ItemPath(ResourceType type, bool subresource)
    {
        var path = new JsonObject
        {
            ["get"] = Operation(type, "get", type.Kind, body: false, writes: false),
            ["put"] = Operation(type, "put", type.Kind, body: true, writes: true),
            ["patch"] = Operation(type, "patch", type.Kind, body: true, writes: true),
        };
        if (!subresource)
        {
            path["delete"] = Operation(type, "delete", type.Kind, body: false, writes: false);
        }
        AddPathParameters(path, type, item: true);
        return path;
    }

    private static void AddPathParameters(JsonObject path, ResourceType type, bool item)
    {
        var parameters = new JsonArray();
        if (item)
        {
            parameters.Add(StringParameter("name", "path", required: true));
        }
        if (type.Namespaced)
        {
            parameters.Add(StringParameter("namespace", "path", required: true));
        }
        if (parameters.Count > 0)
        {
            path["parameters"] = parameters;
        }
    }

    private static JsonObject Operation(ResourceType type, string action, string responseKind, bool body, bool writes)
    {
        var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + SchemaName(type) + (responseKind == type.ListKind ? "List" : "") };
        var operation = new JsonObject
        {
            ["operationId"] = action + type.Kind,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = reference.DeepClone() } },
                },
            },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = Gvk(type, type.Kind),
        };
        if (writes)
        {
            operation["parameters"] = new JsonArray(
                StringParameter("dryRun", "query", required: false),
                StringParameter("fieldManager", "query", required: false),
                StringParameter("fieldValidation", "query", required: false));
        }
        if (body)
        {
            var content = new JsonObject();
            foreach (var mediaType in action == "patch"
                ? (string[])["application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json"]
                : ["application/json"])
            {
                content[mediaType] = new JsonObject { ["schema"] = reference.DeepClone() };
            }
            operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        }
        return operation;
    }

    private static JsonObject StringParameter(string name, string location, bool required) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = required,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}
