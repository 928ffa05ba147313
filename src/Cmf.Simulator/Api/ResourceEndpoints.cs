using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;
using Cmf.Simulator.Validation;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>get, list, watch, create, replace, patch and delete on any served resource and its status subresource.</summary>
internal sealed class ResourceEndpoints(
    ResourceStore store,
    SimulatorClock clock,
    SimulatorRandom random,
    GarbageCollector garbageCollector,
    WatchStream watchStream)
{
    private const int PatchAttempts = 5;

    public Task HandleAsync(HttpContext context, ResourceRoute route, CancellationToken serverStopping)
    {
        if (route.Subresource is { } sub && (sub != "status" || !route.Type.HasStatusSubresource))
        {
            throw ApiException.NoSuchPath();
        }
        var method = context.Request.Method;
        return (method, route.IsCollection) switch
        {
            ("GET", true) when IsWatch(context.Request) => WatchAsync(context, route, serverStopping),
            ("GET", true) => ListAsync(context, route),
            ("GET", false) => GetAsync(context, route),
            ("POST", true) when route.Namespace is not null || !route.Type.Namespaced => CreateAsync(context, route),
            ("PUT", false) => ReplaceAsync(context, route),
            ("PATCH", false) => PatchAsync(context, route),
            ("DELETE", false) when route.Subresource is null => DeleteAsync(context, route),
            ("POST", true) => throw ApiException.NoSuchPath(),
            _ => throw ApiException.MethodNotAllowed(method),
        };
    }

    private static bool IsWatch(HttpRequest request) =>
        request.Query["watch"].ToString() is "true" or "1" or "True";

    private Task ListAsync(HttpContext context, ResourceRoute route)
    {
        var request = ListRequest.Read(context.Request, route.Type);
        ListPage page;
        try
        {
            page = store.ListPage(route.Type, route.Namespace, Filter(context.Request, route.Type), request.Limit, request.Continue, countRemaining: !request.HasSelectors);
        }
        catch (ResourceVersionExpiredException)
        {
            throw ApiException.Expired(ListRequest.ContinueTooOld);
        }
        var next = page.Next?.Encode();
        if (TableView.IsRequested(context.Request.Headers.Accept))
        {
            var table = TableView.ForList(route.Type, page.Items, page.Version, clock.Now, context.Request.Query["includeObject"]);
            ListRequest.SetPaging(table["metadata"]!.AsObject(), next, page.RemainingItemCount);
            return ApiResponses.WriteJsonAsync(context, 200, table);
        }
        return ApiResponses.WriteListAsync(context, route.Type, page.Items, page.Version, next, page.RemainingItemCount);
    }

    private Task WatchAsync(HttpContext context, ResourceRoute route, CancellationToken serverStopping)
    {
        var query = context.Request.Query;
        var filter = Filter(context.Request, route.Type);
        var ns = route.Namespace;
        var request = new WatchStream.Request(
            route.Type,
            ns is null ? filter : o => o.Namespace == ns && filter(o),
            ParseVersion(query["resourceVersion"]),
            query["allowWatchBookmarks"].ToString() is "true" or "1",
            long.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
            TableView.IsRequested(context.Request.Headers.Accept),
            query["includeObject"]);
        return watchStream.ServeAsync(context, request, serverStopping);
    }

    private Task GetAsync(HttpContext context, ResourceRoute route)
    {
        var stored = store.Get(route.Type, route.Key) ?? throw ApiException.NotFound(route.Type.GroupResource, route.Key.Name);
        if (TableView.IsRequested(context.Request.Headers.Accept))
        {
            return ApiResponses.WriteJsonAsync(context, 200, TableView.ForObject(route.Type, stored.ToJsonObject(), clock.Now, context.Request.Query["includeObject"]));
        }
        return ApiResponses.WriteBytesAsync(context, 200, stored.Json);
    }

    private async Task CreateAsync(HttpContext context, ResourceRoute route)
    {
        var fieldManager = FieldManagerParameter.Read(context.Request, "CreateOptions");
        var body = await RequestBody.ReadObjectAsync(context.Request, route.Type, context.RequestAborted);
        CheckKind(route.Type, body);
        var metadata = body.Metadata();
        if (string.IsNullOrEmpty(metadata.StringAt("name")) && metadata.StringAt("generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = prefix + random.NameSuffix(5);
        }
        SetNamespace(route, body);
        body.RemoveNulls();
        var unknown = ObjectValidator.Validate(route.Type, body);
        FieldValidation.Apply(context, body, unknown);
        if (IsDryRun(context.Request))
        {
            if (route.Type == ResourceTypes.Namespaces)
            {
                NamespaceStrategy.PrepareForCreate(body);
            }
            await ApiResponses.WriteJsonAsync(context, 201, body);
            return;
        }
        var stored = store.Create(route.Type, body, ChangeOrigin.Client, fieldManager);
        await ApiResponses.WriteBytesAsync(context, 201, stored.Json);
    }

    private async Task ReplaceAsync(HttpContext context, ResourceRoute route)
    {
        var fieldManager = FieldManagerParameter.Read(context.Request, "UpdateOptions");
        var body = await RequestBody.ReadObjectAsync(context.Request, route.Type, context.RequestAborted);
        CheckKind(route.Type, body);
        var name = body.StringAt("metadata", "name");
        if (name is not null && name != route.Name)
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({route.Name})");
        }
        body.Metadata()["name"] = route.Name;
        SetNamespace(route, body);
        body.RemoveNulls();
        var unknown = ObjectValidator.Validate(route.Type, body);
        FieldValidation.Apply(context, body, unknown);
        if (IsDryRun(context.Request))
        {
            await ApiResponses.WriteJsonAsync(context, 200, body);
            return;
        }
        if (route.Type.CreatesOnUpdate && route.Subresource is null && store.Get(route.Type, route.Key) is null)
        {
            // k8s.io/apiserver's generic registry Update: a missing object is created when the strategy allows it (Leases).
            await ApiResponses.WriteBytesAsync(context, 201, store.Create(route.Type, body, ChangeOrigin.Client, fieldManager).Json);
            return;
        }
        var stored = store.Update(route.Type, body, Target(route), ChangeOrigin.Client, fieldManager);
        await ApiResponses.WriteBytesAsync(context, 200, stored.Json);
    }

    private async Task PatchAsync(HttpContext context, ResourceRoute route)
    {
        var fieldManager = FieldManagerParameter.Read(context.Request, "PatchOptions");
        var mediaType = RequestBody.MediaType(context.Request);
        Func<JsonObject, JsonNode?, JsonNode?> apply = mediaType switch
        {
            // Strategic merge differs from a merge patch only for lists with merge keys, which the simulated objects do not rely on.
            "application/merge-patch+json" or "application/strategic-merge-patch+json" => (doc, patch) => MergePatch.Apply(doc, patch),
            "application/json-patch+json" => (doc, patch) => JsonPatch.Apply(doc, patch),
            _ => throw ApiException.UnsupportedMediaType(mediaType, ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"]),
        };
        var patch = await RequestBody.ReadJsonAsync(context.Request, required: true, context.RequestAborted);
        for (var attempt = 1; ; attempt++)
        {
            var current = store.Get(route.Type, route.Key) ?? throw ApiException.NotFound(route.Type.GroupResource, route.Key.Name);
            var document = current.ToJsonObject();
            if (apply(document, patch?.DeepClone()) is not JsonObject patched)
            {
                throw ApiException.BadRequest("the patch must leave a JSON object");
            }
            var metadata = patched.Metadata();
            if (metadata.StringAt("name") != route.Name || (route.Type.Namespaced && metadata.StringAt("namespace") != route.Namespace))
            {
                throw ObjectValidator.Invalid(route.Type, route.Key.Name, [new FieldError("FieldValueInvalid", "metadata.name", "Invalid value: field is immutable")]);
            }
            if (metadata.StringAt("uid") != current.Uid)
            {
                throw ApiException.PreconditionFailed(route.Type.GroupResource, route.Key.Name, $"Precondition failed: UID in precondition: {metadata.StringAt("uid")}, UID in object meta: {current.Uid}");
            }
            var versionFromPatch = (patch as JsonObject)?.StringAt("metadata", "resourceVersion") is not null;
            if (!versionFromPatch)
            {
                metadata["resourceVersion"] = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            }
            CheckKind(route.Type, patched);
            patched.RemoveNulls();
            var unknown = ObjectValidator.Validate(route.Type, patched);
            FieldValidation.Apply(context, patched, unknown);
            if (IsDryRun(context.Request))
            {
                await ApiResponses.WriteJsonAsync(context, 200, patched);
                return;
            }
            try
            {
                var stored = store.Update(route.Type, patched, Target(route), ChangeOrigin.Client, fieldManager);
                await ApiResponses.WriteBytesAsync(context, 200, stored.Json);
                return;
            }
            catch (ApiException e) when (e.Reason == "Conflict" && !versionFromPatch && attempt < PatchAttempts)
            {
                // Someone else wrote in between: a server-side patch simply re-applies to the new version.
            }
        }
    }

    private async Task DeleteAsync(HttpContext context, ResourceRoute route)
    {
        var options = await RequestBody.ReadJsonAsync(context.Request, required: false, context.RequestAborted) as JsonObject;
        var preconditions = options?["preconditions"] is JsonObject p
            ? new DeletePreconditions(p.StringAt("uid"), p.LongAt("resourceVersion"))
            : null;
        if (IsDryRun(context.Request) || (options?["dryRun"] is JsonArray { Count: > 0 }))
        {
            var existing = store.Get(route.Type, route.Key) ?? throw ApiException.NotFound(route.Type.GroupResource, route.Key.Name);
            await ApiResponses.WriteBytesAsync(context, 200, existing.Json);
            return;
        }
        var result = store.Delete(route.Type, route.Key, preconditions, ChangeOrigin.Client);
        if (store.Get(route.Type, route.Key) is null)
        {
            garbageCollector.CollectAfterDeletion(result);
        }
        await ApiResponses.WriteBytesAsync(context, 200, result.Json);
    }

    private static Func<StoredObject, bool> Filter(HttpRequest request, ResourceType type)
    {
        var labels = LabelSelector.Parse(request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(request.Query["fieldSelector"], type);
        return o => labels(o.Labels) && fields(o);
    }

    private static long? ParseVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ApiException.BadRequest($"invalid resource version \"{text}\"");
    }

    private static UpdateTarget Target(ResourceRoute route) => route.Subresource == "status" ? UpdateTarget.Status : UpdateTarget.Object;

    private static bool IsDryRun(HttpRequest request) => request.Query["dryRun"].ToString() == "All";

    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var apiVersion = body.StringAt("apiVersion");
        var kind = body.StringAt("kind");
        if (string.IsNullOrEmpty(kind) && string.IsNullOrEmpty(apiVersion) && type.Group != ResourceTypes.FlinkGroup)
        {
            // kube-apiserver decodes a built-in kind with the endpoint's group-version-kind as the default, so a typed
            // client may leave both out (KubernetesClient's LeaseLock does); a custom resource's body must carry them.
            body["apiVersion"] = type.ApiVersion;
            body["kind"] = type.Kind;
            return;
        }
        if (string.IsNullOrEmpty(kind))
        {
            throw ApiException.BadRequest("Object 'Kind' is missing in the request body");
        }
        if (kind != type.Kind || apiVersion != type.ApiVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) and kind ({kind}) do not match the expected {type.ApiVersion}, Kind={type.Kind}");
        }
    }

    private static void SetNamespace(ResourceRoute route, JsonObject body)
    {
        var metadata = body.Metadata();
        if (!route.Type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }
        var ns = metadata.StringAt("namespace");
        if (!string.IsNullOrEmpty(ns) && ns != route.Namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        metadata["namespace"] = route.Namespace;
    }
}
