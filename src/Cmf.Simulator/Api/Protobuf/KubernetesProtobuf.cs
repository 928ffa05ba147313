using System.Text.Json.Nodes;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Api.Protobuf;

/// <summary>
/// Decodes <c>application/vnd.kubernetes.protobuf</c> request bodies: the magic <c>k8s\0</c>, then a
/// runtime.Unknown {typeMeta = 1, raw = 2, contentEncoding = 3, contentType = 4} whose raw bytes are the
/// object's own message (apimachinery's runtime/serializer/protobuf). kubectl's typed clients send Namespaces so.
/// </summary>
internal static class KubernetesProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    // Custom resources are JSON only, as on a real server; so are the built-in types no client sends as protobuf here.
    private static readonly Dictionary<ResourceType, ProtobufMessage> Messages = new()
    {
        [ResourceTypes.Namespaces] = CoreV1Messages.Namespace,
    };

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static bool Accepts(ResourceType type) => Messages.ContainsKey(type);

    /// <summary>The object as JSON with the envelope's apiVersion and kind; the caller checks they match the URL.</summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body, ResourceType type)
    {
        if (!body.StartsWith(Magic))
        {
            throw new ProtobufFormatException("the body does not start with the Kubernetes protobuf prefix \"k8s\\0\"");
        }
        var typeMeta = new JsonObject();
        ReadOnlySpan<byte> raw = default;
        var reader = new ProtobufWireReader(body[Magic.Length..]);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number is >= 1 and <= 4 && wireType != ProtobufWireType.LengthDelimited)
            {
                throw new ProtobufFormatException($"field {number} of runtime.Unknown has wire type {wireType}");
            }
            switch (number)
            {
                case 1:
                    typeMeta = ProtobufJson.ToObject(reader.ReadLengthDelimited(), CoreV1Messages.TypeMeta);
                    break;
                case 2:
                    raw = reader.ReadLengthDelimited();
                    break;
                case 3:
                    if (!reader.ReadLengthDelimited().IsEmpty)
                    {
                        throw new ProtobufFormatException("runtime.Unknown.contentEncoding must be empty");
                    }
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }
        var obj = new JsonObject
        {
            ["apiVersion"] = typeMeta["apiVersion"]?.DeepClone(),
            ["kind"] = typeMeta["kind"]?.DeepClone(),
        };
        foreach (var (key, value) in ProtobufJson.ToObject(raw, Messages[type]).ToList())
        {
            obj[key] = value?.DeepClone();
        }
        return obj;
    }
}
