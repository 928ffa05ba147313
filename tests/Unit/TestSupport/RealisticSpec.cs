using System.Text.Json.Nodes;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.TestSupport;

/// <summary>
/// A FlinkDeployment spec shaped like the operator's examples, with one secret (<see cref="Password"/>) in its
/// Flink configuration, turned into a <see cref="SpecVersion"/> by the real <see cref="SpecVersionFactory"/>.
/// </summary>
public sealed class RealisticSpec
{
    public const string Password = "hunter2-do-not-show";

    private int _parallelism = 2;
    private string _password = Password;
    private JsonObject? _defaults;

    public static RealisticSpec Basic() => new();

    /// <summary>Environment defaults with a secret of their own, as <c>Cmf:Environments:N:FlinkApplicationDefaults</c> gives them.</summary>
    public static JsonObject Defaults() => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["team"] = "streaming" } },
        ["spec"] = new JsonObject
        {
            ["flinkConfiguration"] = new JsonObject
            {
                ["execution.checkpointing.interval"] = "60s",
                ["s3.secret-key"] = "defaults-secret-do-not-show",
            },
        },
    };

    public RealisticSpec WithParallelism(int parallelism)
    {
        _parallelism = parallelism;
        return this;
    }

    public RealisticSpec WithPassword(string password)
    {
        _password = password;
        return this;
    }

    /// <summary>The spec as CMF writes it for an environment with <see cref="Defaults"/>: the defaults merged in.</summary>
    public RealisticSpec WithEnvironmentDefaults()
    {
        _defaults = Defaults();
        return this;
    }

    public SpecVersion Build() => SpecVersionFactory.Create(MergeUnder(_defaults?["spec"] as JsonObject, Spec()));

    private static JsonObject MergeUnder(JsonObject? defaults, JsonObject spec)
    {
        foreach (var (key, value) in defaults ?? [])
        {
            if (spec[key] is JsonObject own && value is JsonObject fallback)
            {
                MergeUnder(fallback, own);
            }
            else if (!spec.ContainsKey(key))
            {
                spec[key] = value?.DeepClone();
            }
        }
        return spec;
    }

    private JsonObject Spec() => new()
    {
        ["image"] = "flink:1.20",
        ["flinkVersion"] = "v1_20",
        ["serviceAccount"] = "flink",
        ["flinkConfiguration"] = new JsonObject
        {
            ["taskmanager.numberOfTaskSlots"] = "2",
            ["security.ssl.rest.keystore-password"] = _password,
        },
        ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
        ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
        ["job"] = new JsonObject
        {
            ["jarURI"] = "local:///opt/flink/examples/streaming/StateMachineExample.jar",
            ["parallelism"] = _parallelism,
            ["upgradeMode"] = "savepoint",
        },
    };
}
