using System.Text;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Writes protobuf wire format for tests: well-formed messages, and on purpose malformed ones.</summary>
internal sealed class ProtobufWriter
{
    private readonly List<byte> _bytes = [];

    public ProtobufWriter Varint(int field, ulong value)
    {
        Tag(field, 0);
        return RawVarint(value);
    }

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        RawVarint((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    /// <summary>A map&lt;string, string&gt; entry: key = 1, value = 2.</summary>
    public ProtobufWriter MapEntry(int field, string key, string value) =>
        Message(field, new ProtobufWriter().String(1, key).String(2, value));

    public ProtobufWriter Fixed32(int field, uint value)
    {
        Tag(field, 5);
        _bytes.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    public ProtobufWriter Tag(int field, int wireType) => RawVarint(((ulong)field << 3) | (uint)wireType);

    public ProtobufWriter RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _bytes.Add((byte)value);
        return this;
    }

    public ProtobufWriter Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>The Kubernetes protobuf envelope: "k8s\0" and a runtime.Unknown {typeMeta = 1, raw = 2}.</summary>
    public static byte[] KubernetesEnvelope(string apiVersion, string kind, ProtobufWriter raw)
    {
        var unknown = new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(1, apiVersion).String(2, kind))
            .Message(2, raw);
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToArray()];
    }
}
