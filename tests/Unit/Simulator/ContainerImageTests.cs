using Cmf.Simulator.Operator;

namespace Cmf.UnitTests.Simulator;

/// <summary>Container statuses report images normalized as a container runtime does, with a stable repository digest.</summary>
public sealed class ContainerImageTests
{
    [Theory]
    [InlineData("flink", "docker.io/library/flink:latest")]
    [InlineData("flink:1.20", "docker.io/library/flink:1.20")]
    [InlineData("apache/flink:1.20-java17", "docker.io/apache/flink:1.20-java17")]
    [InlineData("ghcr.io/acme/jobs/orders:2.1", "ghcr.io/acme/jobs/orders:2.1")]
    [InlineData("registry.local:5000/orders", "registry.local:5000/orders:latest")]
    [InlineData("localhost/orders:dev", "localhost/orders:dev")]
    public void An_image_is_normalized_with_its_registry_and_tag(string image, string expected) =>
        Assert.Equal(expected, ContainerImage.Normalize(image));

    [Fact]
    public void The_image_id_is_the_repository_and_a_sha256_digest_the_same_for_the_same_image()
    {
        var id = ContainerImage.ImageId("flink:1.20");

        Assert.Matches("^docker\\.io/library/flink@sha256:[0-9a-f]{64}$", id);
        Assert.Equal(id, ContainerImage.ImageId("docker.io/library/flink:1.20"));
        Assert.NotEqual(id, ContainerImage.ImageId("flink:1.19"));
    }

    [Fact]
    public void An_image_pinned_by_digest_keeps_its_digest()
    {
        var digest = "sha256:" + new string('a', 64);

        Assert.Equal($"docker.io/library/flink@{digest}", ContainerImage.ImageId($"flink@{digest}"));
    }
}
