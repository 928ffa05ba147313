using Cmf.Simulator.Api.Protobuf;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The protobuf wire reader reads what is there and refuses, never overruns, what is malformed.</summary>
public sealed class ProtobufWireReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x01 }, 1UL)]
    [InlineData(new byte[] { 0xAC, 0x02 }, 300UL)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, ulong.MaxValue)]
    public void Reads_varints_of_one_to_ten_bytes(byte[] bytes, ulong expected)
    {
        var reader = new ProtobufWireReader(bytes);

        Assert.Equal(expected, reader.ReadVarint());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void Reads_a_tag_and_a_length_delimited_value()
    {
        var bytes = new ProtobufWriter().String(12, "flink").ToArray();
        var reader = new ProtobufWireReader(bytes);

        var (number, wireType) = reader.ReadTag();
        var value = reader.ReadLengthDelimited().ToArray();

        Assert.Equal((12, ProtobufWireType.LengthDelimited), (number, wireType));
        Assert.Equal("flink"u8.ToArray(), value);
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void Skips_every_wire_type_a_message_may_carry()
    {
        var bytes = new ProtobufWriter().Varint(1, 5).Fixed32(2, 7).Tag(3, 1).Raw(1, 2, 3, 4, 5, 6, 7, 8).String(4, "x").Varint(5, 9).ToArray();
        var reader = new ProtobufWireReader(bytes);

        for (var i = 0; i < 4; i++)
        {
            reader.Skip(reader.ReadTag().WireType);
        }

        Assert.Equal((5, ProtobufWireType.Varint), reader.ReadTag());
        Assert.Equal(9UL, reader.ReadVarint());
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 })]
    public void A_varint_cut_off_longer_than_ten_bytes_or_over_64_bits_is_a_format_error(byte[] bytes) =>
        Assert.Throws<ProtobufFormatException>(() => new ProtobufWireReader(bytes).ReadVarint());

    [Fact]
    public void A_length_running_past_the_end_is_a_format_error()
    {
        var bytes = new ProtobufWriter().Tag(1, 2).RawVarint(5).Raw((byte)'a').ToArray();

        Assert.Throws<ProtobufFormatException>(() =>
        {
            var reader = new ProtobufWireReader(bytes);
            reader.ReadTag();
            reader.ReadLengthDelimited();
        });
    }

    [Fact]
    public void A_length_of_two_to_the_63_is_refused_without_allocating_it()
    {
        var bytes = new ProtobufWriter().Tag(1, 2).RawVarint(1UL << 63).ToArray();

        Assert.Throws<ProtobufFormatException>(() =>
        {
            var reader = new ProtobufWireReader(bytes);
            reader.ReadTag();
            reader.ReadLengthDelimited();
        });
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(1, 4)]
    [InlineData(1, 6)]
    public void Field_number_zero_groups_and_unknown_wire_types_are_format_errors(int field, int wireType)
    {
        var bytes = new ProtobufWriter().Tag(field, wireType).RawVarint(0).ToArray();

        Assert.Throws<ProtobufFormatException>(() =>
        {
            var reader = new ProtobufWireReader(bytes);
            reader.Skip(reader.ReadTag().WireType);
        });
    }

    [Fact]
    public void A_fixed_width_value_cut_off_is_a_format_error()
    {
        var bytes = new ProtobufWriter().Tag(1, 1).Raw(1, 2, 3).ToArray();

        Assert.Throws<ProtobufFormatException>(() =>
        {
            var reader = new ProtobufWireReader(bytes);
            reader.Skip(reader.ReadTag().WireType);
        });
    }
}
