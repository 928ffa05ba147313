using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Bench.Micro;

/// <summary>
/// Big FlinkDeployment specs of the operator's shape: a long Flink configuration (some of it secret), a pod template
/// with sidecars, environment variables and volumes. <paramref name="variant"/> changes a few values, as an edit would.
/// </summary>
internal static class LargeSpec
{
    /// <summary>A spec whose canonical JSON is about <paramref name="targetBytes"/> long.</summary>
    public static JsonObject WithJsonBytes(int targetBytes, int variant = 0) =>
        Create(spec => spec.ToJsonString().Length >= targetBytes, variant);

    /// <summary>A spec whose canonical YAML has about <paramref name="lines"/> lines.</summary>
    public static JsonObject WithYamlLines(int lines, int variant = 0) =>
        Create(spec => CanonicalYaml.Render(spec).Count(c => c == '\n') >= lines, variant);

    private static JsonObject Create(Func<JsonObject, bool> bigEnough, int variant)
    {
        var configuration = new JsonObject
        {
            ["taskmanager.numberOfTaskSlots"] = "4",
            ["state.backend.type"] = "rocksdb",
            ["s3.secret-key"] = $"s3-secret-{variant}",
            ["kafka.sasl.jaas.config"] = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"bench\" password=\"hunter2\";",
        };
        var containers = new JsonArray();
        var spec = new JsonObject
        {
            ["image"] = "registry.example.com/streaming/orders:2.4." + variant,
            ["flinkVersion"] = "v1_20",
            ["serviceAccount"] = "flink",
            ["flinkConfiguration"] = configuration,
            ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
            ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "4096m", ["cpu"] = 2 } },
            ["podTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = containers } },
            ["job"] = new JsonObject
            {
                ["jarURI"] = "local:///opt/flink/usrlib/orders.jar",
                ["parallelism"] = 8,
                ["upgradeMode"] = "savepoint",
                ["state"] = "running",
            },
        };
        for (var i = 0; i % 10 != 0 || !bigEnough(spec); i++)
        {
            var changed = variant > 0 && i % 97 == variant % 97;
            configuration[$"pipeline.operator-{i:D4}.buffer-timeout"] = changed ? $"{variant}ms" : $"{i % 100}ms";
            configuration[$"metrics.reporter.r{i:D4}.interval"] = $"{10 + (i % 50)} s";
            if (i % 10 == 0)
            {
                containers.Add(Container(i, variant));
            }
        }
        return spec;
    }

    private static JsonObject Container(int index, int variant)
    {
        var env = new JsonArray();
        for (var e = 0; e < 8; e++)
        {
            var name = e == 0 ? "DATABASE_PASSWORD" : $"SIDECAR_{index}_SETTING_{e}";
            env.Add(new JsonObject { ["name"] = name, ["value"] = e == 0 ? $"pw-{variant}" : (index * e).ToString(CultureInfo.InvariantCulture) });
        }
        return new JsonObject
        {
            ["name"] = $"sidecar-{index:D4}",
            ["image"] = $"registry.example.com/sidecars/s{index}:1.{index % 7}",
            ["env"] = env,
            ["resources"] = new JsonObject { ["limits"] = new JsonObject { ["memory"] = "128Mi", ["cpu"] = "100m" } },
            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = $"data-{index}", ["mountPath"] = $"/data/{index}" }),
        };
    }
}
