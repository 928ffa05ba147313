namespace Cmf.Simulator.Api.Protobuf;

/// <summary>How a field's protobuf value becomes JSON.</summary>
internal enum ProtobufFieldKind
{
    String,
    Int64,
    Int32,
    Bool,
    Message,

    /// <summary><c>map&lt;string, string&gt;</c>: repeated entries {key = 1, value = 2}, a JSON object.</summary>
    StringMap,

    /// <summary>meta/v1 Time {seconds = 1, nanos = 2}, RFC 3339 in JSON.</summary>
    Time,
}

/// <summary>One field of a message: its number on the wire and its name in the JSON the store keeps.</summary>
internal sealed record ProtobufField(int Number, string JsonName, ProtobufFieldKind Kind, bool Repeated = false, ProtobufMessage? Message = null);

/// <summary>The fields of a protobuf message that the simulator maps to JSON; others are skipped as unknown.</summary>
internal sealed class ProtobufMessage(string name, params ProtobufField[] fields)
{
    private readonly Dictionary<int, ProtobufField> _byNumber = fields.ToDictionary(f => f.Number);

    public string Name { get; } = name;

    public ProtobufField? Find(int number) => _byNumber.GetValueOrDefault(number);
}
