using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Json;

namespace Cmf.Core.Specs;

/// <summary>
/// Reads a FlinkDeployment in both operator shapes: up to 1.9 (<c>flinkConfiguration</c> a map of
/// strings, <c>jobManager.resource</c>) and 1.13+ (free-form nested <c>flinkConfiguration</c>,
/// <c>jobManager.resources.requests</c>). Checks the types of the fields we read and lets every other
/// field through untouched; never throws on bad input.
/// </summary>
public static class FlinkDeploymentReader
{
    public const string Kind = "FlinkDeployment";

    /// <summary>1.5 MiB, etcd's default request limit: a larger spec cannot have come from a real API server.</summary>
    public const int MaxSpecBytes = 1536 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    public static ReadResult<FlinkDeploymentResource> Read(string json, int maxSpecBytes = MaxSpecBytes)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException ex)
        {
            return ReadResult<FlinkDeploymentResource>.Failure("not valid JSON: " + ex.Message);
        }
        return Read(node, maxSpecBytes);
    }

    public static ReadResult<FlinkDeploymentResource> Read(JsonNode? resource, int maxSpecBytes = MaxSpecBytes) =>
        Read(resource, specAccepted: null, maxSpecBytes);

    /// <summary>
    /// Reads the resource; when <paramref name="specAccepted"/> says this object's generation was read and accepted
    /// before, its spec (unchanged: Kubernetes bumps the generation on every spec change) is not checked again, so a
    /// status-only update costs no walk over a large spec.
    /// </summary>
    public static ReadResult<FlinkDeploymentResource> Read(JsonNode? resource, Func<ObjectMetadata, bool>? specAccepted, int maxSpecBytes = MaxSpecBytes)
    {
        try
        {
            return ReadObject(resource, maxSpecBytes, specAccepted);
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return ReadResult<FlinkDeploymentResource>.Failure(UnreadableJson.Reason(ex));
        }
    }

    private static ReadResult<FlinkDeploymentResource> ReadObject(JsonNode? resource, int maxSpecBytes, Func<ObjectMetadata, bool>? specAccepted)
    {
        if (resource is not JsonObject root)
        {
            return ReadResult<FlinkDeploymentResource>.Failure("expected a FlinkDeployment object, found " + JsonScalars.Describe(resource));
        }
        var fields = new JsonFieldReader();
        var kind = fields.String(root, "", "kind");
        if (kind is not null && kind != Kind)
        {
            fields.Fail("kind", "expected " + Kind + ", found " + JsonPathText.Quote(kind));
        }
        fields.String(root, "", "apiVersion");
        var metadata = ObjectMetadata.Read(root, fields);
        var spec = fields.Object(root, "", "spec", required: true);
        if (spec is not null && fields.Error is null && specAccepted?.Invoke(metadata!) != true)
        {
            CheckSize(spec, maxSpecBytes, fields);
            CheckSpec(spec, fields);
        }
        var status = FlinkDeploymentStatusReader.Read(root, fields);
        return fields.Error is null
            ? ReadResult<FlinkDeploymentResource>.Success(new FlinkDeploymentResource(metadata!, spec!, status))
            : ReadResult<FlinkDeploymentResource>.Failure(fields.Error);
    }

    private static void CheckSize(JsonObject spec, int maxSpecBytes, JsonFieldReader fields)
    {
        var size = JsonSize.Measure(spec);
        if (size > maxSpecBytes)
        {
            fields.Fail("spec", string.Create(
                CultureInfo.InvariantCulture,
                $"too large: {size:N0} bytes of JSON, more than the limit of {maxSpecBytes:N0} bytes"));
        }
    }

    private static void CheckSpec(JsonObject spec, JsonFieldReader fields)
    {
        fields.String(spec, "spec", "flinkVersion");
        fields.String(spec, "spec", "image");
        fields.Object(spec, "spec", "flinkConfiguration");
        CheckPodTemplate(spec, "spec", fields);
        var job = fields.Object(spec, "spec", "job");
        fields.String(job, "spec.job", "upgradeMode");
        fields.String(job, "spec.job", "state");
        fields.Number(job, "spec.job", "parallelism");
        foreach (var component in (ReadOnlySpan<string>)["jobManager", "taskManager"])
        {
            var path = JsonPathText.Child("spec", component);
            CheckPodTemplate(fields.Object(spec, "spec", component), path, fields);
        }
    }

    private static void CheckPodTemplate(JsonObject? owner, string ownerPath, JsonFieldReader fields)
    {
        var template = fields.Object(owner, ownerPath, "podTemplate");
        var templatePath = JsonPathText.Child(ownerPath, "podTemplate");
        var metadata = fields.Object(template, templatePath, "metadata");
        var metadataPath = JsonPathText.Child(templatePath, "metadata");
        fields.StringMap(metadata, metadataPath, "annotations");
        fields.StringMap(metadata, metadataPath, "labels");
    }
}
