using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using static Cmf.Simulator.Operator.FlinkResources;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The shapes of the objects Flink's native Kubernetes integration and the cluster's controllers write:
/// labels, owner references, pod specs, and Deployment and pod statuses. Pure JSON builders, no store.
/// </summary>
internal static class ClusterObjects
{
    public const string NativeType = "flink-native-kubernetes";
    public const string MainContainer = "flink-main-container";

    public static JsonObject Labels(string name, string component) => new()
    {
        ["app"] = name,
        ["component"] = component,
        ["type"] = NativeType,
    };

    public static JsonObject WithPodTemplateHash(JsonObject labels, string hash)
    {
        var copy = labels.DeepClone().AsObject();
        copy["pod-template-hash"] = hash;
        return copy;
    }

    /// <summary>spec.podTemplate's annotations overlaid with the component's own pod template annotations.</summary>
    public static JsonObject PodTemplateAnnotations(JsonObject spec, string component)
    {
        var merged = new JsonObject();
        foreach (var source in new[] { spec.ObjectAt("podTemplate", "metadata", "annotations"), spec.ObjectAt(component, "podTemplate", "metadata", "annotations") })
        {
            foreach (var (key, value) in source ?? [])
            {
                merged[key] = value?.DeepClone();
            }
        }
        return merged;
    }

    public static JsonObject OwnerReference(string apiVersion, string kind, string name, string uid, bool controller) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = controller,
        ["blockOwnerDeletion"] = true,
    };

    public static JsonObject PodSpec(JsonObject spec, string component, string[] args)
    {
        var cpu = Cpu(spec, component == "jobmanager" ? "jobManager" : component);
        var memoryMb = MemoryBytes(spec, component == "jobmanager" ? "jobManager" : component) / (1024 * 1024);
        var resources = new JsonObject
        {
            ["cpu"] = cpu.ToString(CultureInfo.InvariantCulture),
            ["memory"] = $"{memoryMb}Mi",
        };
        return new JsonObject
        {
            ["serviceAccountName"] = spec.StringAt("serviceAccount") ?? "default",
            ["restartPolicy"] = "Always",
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = MainContainer,
                ["image"] = spec.StringAt("image") ?? "flink",
                ["imagePullPolicy"] = spec.StringAt("imagePullPolicy") ?? "IfNotPresent",
                ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]),
                ["resources"] = new JsonObject { ["limits"] = resources.DeepClone(), ["requests"] = resources },
            }),
        };
    }

    public static JsonObject DeploymentStatus(bool ready)
    {
        var status = new JsonObject
        {
            ["observedGeneration"] = 1,
            ["replicas"] = 1,
            ["updatedReplicas"] = 1,
        };
        if (ready)
        {
            status["readyReplicas"] = 1;
            status["availableReplicas"] = 1;
        }
        else
        {
            status["unavailableReplicas"] = 1;
        }
        status["conditions"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "Available",
                ["status"] = ready ? "True" : "False",
                ["reason"] = ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            },
            new JsonObject
            {
                ["type"] = "Progressing",
                ["status"] = "True",
                ["reason"] = ready ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
            });
        return status;
    }

    public static JsonObject PendingPodStatus() => new()
    {
        ["phase"] = "Pending",
        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "PodScheduled", ["status"] = "True" }),
        ["containerStatuses"] = new JsonArray(new JsonObject
        {
            ["name"] = MainContainer,
            ["ready"] = false,
            ["restartCount"] = 0,
            ["started"] = false,
            ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
        }),
    };

    public static JsonObject RunningPodStatus(JsonObject pod, DateTimeOffset now, bool ready, SimulatorRandom random)
    {
        var started = KubernetesTime.Format(now);
        var state = ready
            ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = started } }
            : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = $"back-off restarting failed container {MainContainer}" } };
        var condition = ready ? "True" : "False";
        return new JsonObject
        {
            ["phase"] = "Running",
            ["hostIP"] = $"10.0.0.{random.Next(2, 250)}",
            ["podIP"] = $"10.244.{random.Next(0, 255)}.{random.Next(2, 250)}",
            ["startTime"] = pod.StringAt("metadata", "creationTimestamp") ?? started,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Initialized", ["status"] = "True" },
                new JsonObject { ["type"] = "Ready", ["status"] = condition },
                new JsonObject { ["type"] = "ContainersReady", ["status"] = condition },
                new JsonObject { ["type"] = "PodScheduled", ["status"] = "True" }),
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = MainContainer,
                ["image"] = (pod.NodeAt("spec", "containers") as JsonArray)?[0]?["image"]?.GetValue<string>() ?? "flink",
                ["ready"] = ready,
                ["restartCount"] = ready ? 0 : 3,
                ["started"] = ready,
                ["state"] = state,
            }),
        };
    }
}
