using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;
using Cmf.Simulator.Validation;

namespace Cmf.Simulator;

/// <summary>
/// In-process access to the simulated API for tests and benchmarks: the same storage rules, validation
/// and operator reactions as over HTTP, without the HTTP. Objects go in and come out as JSON.
/// </summary>
public sealed class SimulatorApi
{
    /// <summary>The field manager of writes through this API when the caller names none: a client without a user agent of its own.</summary>
    public const string DefaultFieldManager = "cmf-simulator";

    private const int PatchAttempts = 5;
    private readonly ResourceStore _store;
    private readonly GarbageCollector _garbageCollector;

    internal SimulatorApi(ResourceStore store, GarbageCollector garbageCollector)
    {
        _store = store;
        _garbageCollector = garbageCollector;
    }

    /// <summary>The cluster's latest resource version.</summary>
    public long ResourceVersion => _store.CurrentVersion;

    public JsonObject CreateNamespace(string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject([.. labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]);
        }
        var ns = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = metadata,
        };
        return Create(ResourceTypes.Namespaces, ns);
    }

    /// <summary>
    /// Creates a FlinkDeployment in <paramref name="ns"/>; apiVersion and kind may be left out. <paramref name="fieldManager"/>
    /// is recorded in managedFields as a request's <c>fieldManager</c> parameter is.
    /// </summary>
    public JsonObject CreateFlinkDeployment(string ns, JsonObject flinkDeployment, string fieldManager = DefaultFieldManager)
    {
        var obj = flinkDeployment.DeepClone().AsObject();
        obj["apiVersion"] ??= ResourceTypes.FlinkDeployments.ApiVersion;
        obj["kind"] ??= ResourceTypes.FlinkDeployments.Kind;
        obj.Metadata()["namespace"] = ns;
        return Create(ResourceTypes.FlinkDeployments, obj, fieldManager);
    }

    public JsonObject? GetFlinkDeployment(string ns, string name) =>
        _store.Get(ResourceTypes.FlinkDeployments, new ObjectKey(ns, name))?.ToJsonObject();

    public IReadOnlyList<JsonObject> ListFlinkDeployments(string? ns = null) =>
        [.. _store.List(ResourceTypes.FlinkDeployments, ns).Items.Select(o => o.ToJsonObject())];

    /// <summary>Applies a JSON merge patch (RFC 7386) to the object; status in the patch is ignored, as on the main resource.</summary>
    public JsonObject PatchFlinkDeployment(string ns, string name, JsonObject mergePatch, string fieldManager = DefaultFieldManager) =>
        Patch(new ObjectKey(ns, name), mergePatch, UpdateTarget.Object, fieldManager);

    /// <summary>Applies a JSON merge patch to the status subresource.</summary>
    public JsonObject PatchFlinkDeploymentStatus(string ns, string name, JsonObject mergePatch, string fieldManager = DefaultFieldManager) =>
        Patch(new ObjectKey(ns, name), mergePatch, UpdateTarget.Status, fieldManager);

    /// <summary>Deletes a FlinkDeployment; with the operator's finalizer it first becomes terminating.</summary>
    public JsonObject DeleteFlinkDeployment(string ns, string name) => Translate(() =>
    {
        var deleted = _store.Delete(ResourceTypes.FlinkDeployments, new ObjectKey(ns, name), null, ChangeOrigin.Client);
        _garbageCollector.CollectAfterDeletion(deleted);
        return deleted.ToJsonObject();
    });

    private JsonObject Create(ResourceType type, JsonObject obj, string fieldManager = DefaultFieldManager) => Translate(() =>
    {
        obj.RemoveNulls();
        RejectUnknownFields(ObjectValidator.Validate(type, obj));
        return _store.Create(type, obj, ChangeOrigin.Client, fieldManager).ToJsonObject();
    });

    private JsonObject Patch(ObjectKey key, JsonObject mergePatch, UpdateTarget target, string fieldManager) => Translate(() =>
    {
        var type = ResourceTypes.FlinkDeployments;
        for (var attempt = 1; ; attempt++)
        {
            var current = _store.Get(type, key) ?? throw ApiException.NotFound(type.GroupResource, key.Name);
            var patched = (JsonObject)MergePatch.Apply(current.ToJsonObject(), mergePatch.DeepClone())!;
            patched.Metadata()["name"] = key.Name;
            patched.Metadata()["namespace"] = key.Namespace;
            patched.Metadata()["resourceVersion"] = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            patched.RemoveNulls();
            RejectUnknownFields(ObjectValidator.Validate(type, patched));
            try
            {
                return _store.Update(type, patched, target, ChangeOrigin.Client, fieldManager).ToJsonObject();
            }
            catch (ApiException e) when (e.Reason == "Conflict" && attempt < PatchAttempts)
            {
                // Changed in between (the operator writes status): apply the patch again.
            }
        }
    });

    private static void RejectUnknownFields(List<string> unknownFields)
    {
        if (unknownFields.Count > 0)
        {
            throw ApiException.BadRequest($"strict decoding error: unknown field \"{unknownFields[0]}\"");
        }
    }

    private static JsonObject Translate(Func<JsonObject> action)
    {
        try
        {
            return action();
        }
        catch (ApiException e)
        {
            throw new SimulatorApiException(e.Code, e.Reason, e.Message);
        }
    }
}
