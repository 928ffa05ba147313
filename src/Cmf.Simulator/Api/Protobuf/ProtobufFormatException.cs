namespace Cmf.Simulator.Api.Protobuf;

/// <summary>A request body that is not well-formed protobuf, or not the message it should be.</summary>
internal sealed class ProtobufFormatException(string message) : FormatException(message);
