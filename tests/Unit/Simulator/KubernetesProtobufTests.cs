using System.Text.Json.Nodes;
using Cmf.Simulator.Api.Protobuf;
using Cmf.Simulator.Store;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Protobuf request bodies become the JSON a client would have sent; malformed ones are format errors, never a crash or a hang.</summary>
public sealed class KubernetesProtobufTests
{
    // What kubectl v1.32 sends for `kubectl create namespace x` (captured with -v=8): gogo writes empty strings and zeros too.
    private static readonly byte[] KubectlCreateNamespaceX = Convert.FromHexString(
        "6b387300" + "0a0f0a02763112094e616d657370616365" + "12190a110a017812001a0022002a00320038004200" + "12001a020a00" + "1a002200");

    [Fact]
    public void The_namespace_kubectl_create_sends_decodes_to_its_name_alone()
    {
        var obj = KubernetesProtobuf.Decode(KubectlCreateNamespaceX, ResourceTypes.Namespaces);

        Assert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"}}""", obj.ToJsonString());
    }

    [Fact]
    public void Metadata_maps_lists_owner_references_and_spec_finalizers_decode_to_their_json_fields()
    {
        var metadata = new ProtobufWriter()
            .String(1, "team-a")
            .MapEntry(11, "environment", "prod")
            .MapEntry(11, "tier", "")
            .MapEntry(12, "note", "héllo")
            .Message(13, new ProtobufWriter().String(1, "Tenant").String(3, "acme").String(4, "uid-1").String(5, "example.com/v1").Varint(6, 1).Varint(7, 0))
            .String(14, "example.com/cleanup");
        var ns = new ProtobufWriter()
            .Message(1, metadata)
            .Message(2, new ProtobufWriter().String(1, "kubernetes").String(1, "example.com/other"));

        var obj = KubernetesProtobuf.Decode(ProtobufWriter.KubernetesEnvelope("v1", "Namespace", ns), ResourceTypes.Namespaces);

        var expected = JsonNode.Parse("""
            {
              "apiVersion": "v1", "kind": "Namespace",
              "metadata": {
                "name": "team-a",
                "labels": { "environment": "prod", "tier": "" },
                "annotations": { "note": "héllo" },
                "ownerReferences": [ { "kind": "Tenant", "name": "acme", "uid": "uid-1", "apiVersion": "example.com/v1", "controller": true, "blockOwnerDeletion": false } ],
                "finalizers": [ "example.com/cleanup" ]
              },
              "spec": { "finalizers": [ "kubernetes", "example.com/other" ] }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, obj), obj.ToJsonString());
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped()
    {
        var metadata = new ProtobufWriter()
            .Varint(99, 12345)
            .String(4, "/api/v1/namespaces/x")
            .Fixed32(98, 7)
            .Tag(97, 1).Raw(1, 2, 3, 4, 5, 6, 7, 8)
            .Message(17, new ProtobufWriter().String(1, "kubectl"))
            .String(1, "x");
        var ns = new ProtobufWriter().Message(1, metadata).String(50, "future field");

        var obj = KubernetesProtobuf.Decode(ProtobufWriter.KubernetesEnvelope("v1", "Namespace", ns), ResourceTypes.Namespaces);

        Assert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"}}""", obj.ToJsonString());
    }

    [Fact]
    public void A_creation_timestamp_becomes_rfc_3339()
    {
        var metadata = new ProtobufWriter().String(1, "x").Message(8, new ProtobufWriter().Varint(1, 1_748_779_200));

        var obj = KubernetesProtobuf.Decode(ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter().Message(1, metadata)), ResourceTypes.Namespaces);

        Assert.Equal("2025-06-01T12:00:00Z", obj["metadata"]!["creationTimestamp"]!.GetValue<string>());
    }

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "JSON sent with the protobuf content type", """{"apiVersion":"v1","kind":"Namespace"}"""u8.ToArray() },
        { "no envelope", new ProtobufWriter().String(1, "x").ToArray() },
        { "an envelope cut short", KubectlCreateNamespaceX[..20] },
        { "a name that is a varint", ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter().Message(1, new ProtobufWriter().Varint(1, 5))) },
        { "a name that is not UTF-8", ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter().Message(1, new ProtobufWriter().Bytes(1, [0xC3, 0x28]))) },
        { "a label entry whose value is a varint", ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter().Message(1, new ProtobufWriter().Message(11, new ProtobufWriter().String(1, "k").Varint(2, 1)))) },
        { "a timestamp past the year 9999", ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter().Message(1, new ProtobufWriter().Message(8, new ProtobufWriter().Varint(1, 300_000_000_000)))) },
        { "a gzip content encoding", [.. "k8s\0"u8.ToArray(), .. new ProtobufWriter().String(3, "gzip").ToArray()] },
        { "a typeMeta that is a varint", [.. "k8s\0"u8.ToArray(), .. new ProtobufWriter().Varint(1, 1).ToArray()] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void A_malformed_body_is_a_format_error(string what, byte[] body)
    {
        var error = Record.Exception(() => KubernetesProtobuf.Decode(body, ResourceTypes.Namespaces));

        Assert.True(error is ProtobufFormatException, $"{what}: expected a ProtobufFormatException, got {error?.GetType().Name ?? "none"}");
    }

    [Fact]
    public void Random_and_mutated_bodies_only_ever_end_in_a_result_or_a_format_error()
    {
        var random = new Random(42);
        var valid = ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(1, "x").MapEntry(11, "a", "b").Message(8, new ProtobufWriter().Varint(1, 1_748_779_200)))
            .Message(2, new ProtobufWriter().String(1, "kubernetes")));
        var unexpected = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var body = i % 2 == 0 ? Mutate(valid, random) : [.. "k8s\0"u8.ToArray(), .. RandomBytes(random)];
            var error = Record.Exception(() => KubernetesProtobuf.Decode(body, ResourceTypes.Namespaces));
            if (error is not (null or ProtobufFormatException))
            {
                unexpected.Add($"{Convert.ToHexString(body)}: {error.GetType().Name}: {error.Message}");
            }
        }

        Assert.Empty(unexpected);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var copy = (byte[])valid.Clone();
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            copy[random.Next(4, copy.Length)] = (byte)random.Next(256);
        }
        return copy[..random.Next(4, copy.Length + 1)];
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }
}
