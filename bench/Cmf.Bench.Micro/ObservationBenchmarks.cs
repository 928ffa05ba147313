using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Bench.Micro;

/// <summary>
/// The watcher's most frequent work: a FlinkDeployment watch event that only changes the status, parsed from the
/// wire and mapped to an observation, for an object whose 50 KB spec was seen before (the pipeline's cache is warm).
/// </summary>
[MemoryDiagnoser]
public class ObservationBenchmarks
{
    private static readonly EnvironmentInfo Environment = new("prod", "prod");
    private readonly SpecVersionCache _cache = new();
    private byte[] _statusUpdate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var resource = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkDeployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = "orders",
                ["namespace"] = "prod",
                ["uid"] = "3f1c2a4e-0000-4000-8000-000000000001",
                ["resourceVersion"] = "1234",
                ["generation"] = 7,
                ["creationTimestamp"] = "2026-01-05T09:00:00Z",
            },
            ["spec"] = LargeSpec.WithJsonBytes(50 * 1024),
            ["status"] = new JsonObject
            {
                ["jobStatus"] = new JsonObject { ["jobId"] = "a0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5", ["state"] = "RUNNING" },
                ["lifecycleState"] = "STABLE",
                ["jobManagerDeploymentStatus"] = "READY",
                ["observedGeneration"] = 7,
                ["reconciliationStatus"] = new JsonObject { ["state"] = "DEPLOYED" },
            },
        };
        _statusUpdate = Encoding.UTF8.GetBytes(resource.ToJsonString());
        if (Map() is not FlinkDeploymentObserved)
        {
            throw new InvalidOperationException("the benchmark's FlinkDeployment does not map to an observation");
        }
    }

    [Benchmark(Description = "watch event: parse and map a status-only FlinkDeployment update with a 50 KB spec")]
    public object? Map() => ObservationMapper.MapFlinkDeployment(Environment, JsonNode.Parse(_statusUpdate), cache: _cache);
}
