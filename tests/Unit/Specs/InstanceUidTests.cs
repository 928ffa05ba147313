using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class InstanceUidTests
{
    private const string ObjectUid = "87ef77ca-7bf0-4998-b275-06f459872e03";
    private const string Annotation = "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    // Expected values computed with Python's uuid.uuid5.
    [Theory]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    [InlineData("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://flink.apache.org", "04691eb2-35bb-5a0e-8a22-711bd202117b")]
    public void Name_based_uuids_match_rfc_4122_version_5(string @namespace, string name, string expected)
    {
        Assert.Equal(Guid.Parse(expected), InstanceUid.NameBased(Guid.Parse(@namespace), name));
    }

    [Fact]
    public void The_namespace_is_the_version_5_uuid_of_the_annotation_key_in_the_url_namespace()
    {
        Assert.Equal(InstanceUid.NameBased(InstanceUid.UrlNamespace, MetadataKeys.InstanceAnnotation), InstanceUid.Namespace);
    }

    [Theory]
    [InlineData(1, "059da650-a0fe-5c4c-8433-de1ef43ccc40")]
    [InlineData(2, "862fa7bd-53e7-5158-98fb-b67bddbbbf8b")]
    public void An_instance_without_annotation_gets_the_uuid_of_object_uid_and_generation(long generation, string expected)
    {
        Assert.Equal(expected, InstanceUid.FromObject(ObjectUid, generation));
    }

    [Fact]
    public void A_valid_annotation_is_preferred()
    {
        Assert.Equal(Annotation, InstanceUid.For(Annotation, ObjectUid, 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("{3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f}")]
    [InlineData(" 3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")]
    [InlineData("3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f ")]
    [InlineData("3f2c1d4e5a6b4c7d8e9f0a1b2c3d4e5f")]
    [InlineData("3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5g")]
    [InlineData("3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/../../admin")]
    [InlineData("<script>alert(1)</script>-aaaa-bbbb-cccc")]
    public void An_invalid_annotation_falls_back_to_the_derived_uid(string? annotation)
    {
        Assert.Equal(InstanceUid.FromObject(ObjectUid, 1), InstanceUid.For(annotation, ObjectUid, 1));
    }

    [Fact]
    public void An_overlong_annotation_is_not_a_valid_uid()
    {
        Assert.False(InstanceUid.IsValid(Annotation + new string('a', 10_000)));
    }

    [Theory]
    [InlineData("3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")]
    [InlineData("3F2C1D4E-5A6B-4C7D-8E9F-0A1B2C3D4E5F")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void A_uuid_in_its_canonical_spelling_is_a_valid_uid(string uid)
    {
        Assert.True(InstanceUid.IsValid(uid));
    }

    [Fact]
    public void Derived_uids_are_version_5_with_the_rfc_variant()
    {
        var uid = InstanceUid.FromObject(ObjectUid, 7);

        Assert.Equal('5', uid[14]);
        Assert.Contains(uid[19], "89ab");
    }

    [Fact]
    public void Each_generation_of_an_object_gets_its_own_uid()
    {
        Assert.NotEqual(InstanceUid.FromObject(ObjectUid, 1), InstanceUid.FromObject(ObjectUid, 2));
    }

    [Fact]
    public void A_recreated_object_with_a_new_uid_gets_new_instance_uids()
    {
        Assert.NotEqual(InstanceUid.FromObject(ObjectUid, 1), InstanceUid.FromObject("0d3c9b1e-2222-4333-8444-555566667777", 1));
    }
}
