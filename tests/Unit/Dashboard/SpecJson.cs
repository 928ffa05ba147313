using System.Text.Json.Nodes;
using Cmf.Core.Model;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Realistic submitted FlinkDeployment specs, with the few values a test changes.</summary>
internal static class SpecJson
{
    public static JsonObject Orders(string password = "s3cret", int parallelism = 2, string image = "flink:1.20", string? note = null,
        string? instanceAnnotation = null, string? arg = null)
    {
        var spec = new JsonObject
        {
            ["image"] = image,
            ["flinkVersion"] = "v1_20",
            ["serviceAccount"] = "flink",
            ["flinkConfiguration"] = new JsonObject
            {
                ["s3.access-key"] = "minio",
                ["s3.secret-key"] = password,
                ["state.checkpoints.dir"] = "s3://checkpoints/orders",
            },
            ["job"] = new JsonObject
            {
                ["jarURI"] = "local:///opt/flink/usrlib/orders.jar",
                ["parallelism"] = parallelism,
                ["upgradeMode"] = "savepoint",
            },
        };
        if (arg is not null)
        {
            spec["job"]!["args"] = new JsonArray(arg);
        }
        if (note is not null || instanceAnnotation is not null)
        {
            var metadata = new JsonObject();
            if (note is not null)
            {
                metadata["labels"] = new JsonObject { ["note"] = note };
            }
            if (instanceAnnotation is not null)
            {
                // What CMF writes on the pod template; the operator copies it to every pod.
                metadata["annotations"] = new JsonObject { [Cmf.Core.Model.MetadataKeys.InstanceAnnotation] = instanceAnnotation };
            }
            spec["podTemplate"] = new JsonObject { ["metadata"] = metadata };
        }
        return spec;
    }
}
