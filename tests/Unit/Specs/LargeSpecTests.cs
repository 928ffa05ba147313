using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class LargeSpecTests
{
    private const int OneMegabyte = 1_000_000;

    [Fact]
    public void A_one_megabyte_spec_is_read_canonicalised_hashed_and_fingerprinted()
    {
        var resource = FlinkDeploymentBuilder.New().Set("spec.flinkConfiguration", Configuration(OneMegabyte)).Build();

        var read = FlinkDeploymentReader.Read(resource);
        var version = SpecVersionFactory.Create(read.Value!.Spec);

        Assert.True(read.IsValid, read.Error);
        Assert.InRange(read.Value.Spec.ToJsonString().Length, OneMegabyte, FlinkDeploymentReader.MaxSpecBytes);
        Assert.Matches("^[0-9a-f]{64}$", version.SpecHash);
        Assert.Contains("\"secret.0\":\"<sealed:", version.EffectiveSpecJson);
        Assert.DoesNotContain("\"secret.0\":\"value", version.EffectiveSpecJson);
    }

    [Fact]
    public void A_two_megabyte_spec_is_rejected_with_its_size_and_the_limit()
    {
        var resource = FlinkDeploymentBuilder.New().Set("spec.flinkConfiguration", Configuration(2 * OneMegabyte)).Build();

        var result = FlinkDeploymentReader.Read(resource);

        Assert.Matches(@"^spec: too large: [0-9,]+ bytes of JSON, more than the limit of 1,572,864 bytes$", result.Error);
    }

    [Fact]
    public void The_size_limit_can_be_lowered()
    {
        var resource = FlinkDeploymentBuilder.New().Build();

        var result = FlinkDeploymentReader.Read(resource, maxSpecBytes: 100);

        Assert.StartsWith("spec: too large: ", result.Error);
    }

    // A flinkConfiguration of a little over `bytes` bytes of JSON: ordinary keys, every tenth one a secret.
    private static JsonObject Configuration(int bytes)
    {
        var configuration = new JsonObject();
        var value = "value" + new string('v', 80);
        for (var (i, size) = (0, 0); size <= bytes; i++)
        {
            var key = i % 10 == 0 ? $"secret.{i}" : $"key.{i}";
            configuration[key] = value;
            size += key.Length + value.Length + 6;
        }
        return configuration;
    }
}
