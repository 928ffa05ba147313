namespace Cmf.Simulator.Api.Protobuf;

/// <summary>
/// Reads the protobuf wire format (protobuf.dev/programming-guides/encoding): tags, varints, length-delimited
/// and fixed-width values. It never reads past its input and throws <see cref="ProtobufFormatException"/> on
/// any malformed sequence; every read consumes at least one byte, so a loop over the fields always ends.
/// </summary>
internal ref struct ProtobufWireReader
{
    // Field numbers are 29 bits wide; a varint carries at most 64 bits in 10 bytes.
    private const ulong MaxFieldNumber = (1 << 29) - 1;
    private const int MaxVarintBytes = 10;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtobufWireReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    public (int Number, ProtobufWireType WireType) ReadTag()
    {
        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > MaxFieldNumber)
        {
            throw new ProtobufFormatException($"invalid field number {number} at byte {_position}");
        }
        return ((int)number, (ProtobufWireType)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            if (AtEnd)
            {
                throw new ProtobufFormatException("the input ends inside a varint");
            }
            var b = _data[_position++];
            // The tenth byte holds only the 64th bit; anything more overflows 64 bits.
            if (i == MaxVarintBytes - 1 && b > 1)
            {
                throw new ProtobufFormatException("a varint overflows 64 bits");
            }
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new ProtobufFormatException("a varint is longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new ProtobufFormatException($"a length of {length} bytes runs past the end of the input");
        }
        var value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>Skips the value of a field this reader's caller does not know, as protobuf decoders must.</summary>
    public void Skip(ProtobufWireType wireType)
    {
        switch (wireType)
        {
            case ProtobufWireType.Varint:
                ReadVarint();
                break;
            case ProtobufWireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case ProtobufWireType.Fixed64:
                Advance(8);
                break;
            case ProtobufWireType.Fixed32:
                Advance(4);
                break;
            case ProtobufWireType.StartGroup or ProtobufWireType.EndGroup:
                // Groups are deprecated proto2 syntax that no Kubernetes message uses.
                throw new ProtobufFormatException("groups are not used by Kubernetes messages");
            default:
                throw new ProtobufFormatException($"unknown wire type {(int)wireType}");
        }
    }

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new ProtobufFormatException("the input ends inside a fixed-width value");
        }
        _position += count;
    }
}
