using System.Text;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class SpecHashTests
{
    [Fact]
    public void Hash_is_lowercase_hex_sha256_of_the_utf8_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SpecHash.Compute("abc"));
    }

    [Fact]
    public void Text_and_byte_overloads_agree()
    {
        const string Json = """{"image":"flink:2.2","name":"é😀"}""";

        Assert.Equal(SpecHash.Compute(Json), SpecHash.Compute(Encoding.UTF8.GetBytes(Json)));
    }

    [Fact]
    public void Equal_specs_in_another_key_order_hash_the_same()
    {
        var first = Hash("""{"job":{"parallelism":2,"upgradeMode":"savepoint"},"image":"flink:2.2"}""");
        var second = Hash("""{"image":"flink:2.2","job":{"upgradeMode":"savepoint","parallelism":2}}""");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("""{"job":{"parallelism":3}}""")]
    [InlineData("""{"job":{"parallelism":"2"}}""")]
    [InlineData("""{"job":{"parallelism":2.0}}""")]
    [InlineData("""{"job":{"Parallelism":2}}""")]
    [InlineData("""{"job":{"parallelism":2,"args":[]}}""")]
    [InlineData("""{"job":{"parallelism":2},"image":"flink:2.2 "}""")]
    public void Any_change_to_the_spec_changes_the_hash(string changed)
    {
        Assert.NotEqual(Hash("""{"job":{"parallelism":2}}"""), Hash(changed));
    }

    [Fact]
    public void Array_order_changes_the_hash()
    {
        Assert.NotEqual(Hash("""{"args":["a","b"]}"""), Hash("""{"args":["b","a"]}"""));
    }

    [Fact]
    public void A_null_member_does_not_change_the_hash()
    {
        Assert.Equal(Hash("""{"image":"flink"}"""), Hash("""{"image":"flink","podTemplate":null}"""));
    }

    private static string Hash(string json) => SpecHash.Compute(CanonicalJson.Serialize(Json.Node(json)));
}
