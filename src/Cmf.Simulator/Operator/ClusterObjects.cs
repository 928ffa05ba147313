using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using static Cmf.Simulator.Operator.FlinkResources;
using static Cmf.Simulator.Operator.StatusConditions;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The shapes of the objects Flink's native Kubernetes integration writes: labels, owner references, pod and
/// Deployment specs with the API server's defaults, and the Deployment controller's status, carrying every field
/// the Kubernetes API marks required (pod statuses are in <see cref="PodStatuses"/>).
/// Pure JSON builders, no store: the operator flow (NativeCluster) decides when each applies.
/// </summary>
internal static class ClusterObjects
{
    public const string NativeType = "flink-native-kubernetes";
    public const string MainContainer = "flink-main-container";

    public static JsonObject Labels(string name, string component) => new()
    {
        [SimulatorMetadataKeys.AppLabel] = name,
        [SimulatorMetadataKeys.ComponentLabel] = component,
        [SimulatorMetadataKeys.TypeLabel] = NativeType,
    };

    public static JsonObject WithPodTemplateHash(JsonObject labels, string hash)
    {
        var copy = labels.DeepClone().AsObject();
        copy[SimulatorMetadataKeys.PodTemplateHashLabel] = hash;
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

    /// <summary>An owner reference; blockOwnerDeletion is true as in FKO's owner reference and Kubernetes' controllers.</summary>
    public static JsonObject OwnerReference(string apiVersion, string kind, string name, string uid, bool controller) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = controller,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>
    /// The JobManager Deployment's spec: replicas, selector and template as Flink writes them
    /// (KubernetesJobManagerFactory.createJobManagerDeployment sets no strategy), with the API server's
    /// apps/v1 defaults (SetDefaults_Deployment: RollingUpdate 25%/25%, revisionHistoryLimit, progressDeadlineSeconds).
    /// </summary>
    public static JsonObject DeploymentSpec(JsonObject labels, JsonObject template) => new()
    {
        ["replicas"] = 1,
        ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
        ["template"] = template,
        ["strategy"] = new JsonObject
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
        },
        ["revisionHistoryLimit"] = 10,
        ["progressDeadlineSeconds"] = 600,
    };

    /// <summary>
    /// The pod spec of a JobManager or TaskManager (component "jobmanager" or "taskManager") with the defaults the API
    /// server fills in (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Container) and Flink's ports.
    /// </summary>
    public static JsonObject PodSpec(JsonObject spec, string component, string[] args)
    {
        var flinkComponent = component == "jobmanager" ? "jobManager" : component;
        var resources = new JsonObject
        {
            ["cpu"] = CpuQuantity(Cpu(spec, flinkComponent)),
            ["memory"] = MemoryQuantity(MemoryBytes(spec, flinkComponent)),
        };
        var serviceAccount = spec.StringAt("serviceAccount") ?? "default";
        return new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = MainContainer,
                ["image"] = ImageOf(spec),
                ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]),
                ["ports"] = Ports(flinkComponent),
                ["resources"] = new JsonObject { ["limits"] = resources.DeepClone(), ["requests"] = resources },
                ["terminationMessagePath"] = "/dev/termination-log",
                ["terminationMessagePolicy"] = "File",
                ["imagePullPolicy"] = spec.StringAt("imagePullPolicy") ?? "IfNotPresent",
            }),
            // Flink's ResourceManager replaces failed TaskManagers itself (InitTaskManagerDecorator sets Never); a Deployment's pods must be Always.
            ["restartPolicy"] = flinkComponent == "jobManager" ? "Always" : "Never",
            ["terminationGracePeriodSeconds"] = 30,
            ["dnsPolicy"] = "ClusterFirst",
            ["serviceAccountName"] = serviceAccount,
            ["serviceAccount"] = serviceAccount,
            ["securityContext"] = new JsonObject(),
            ["schedulerName"] = "default-scheduler",
            ["enableServiceLinks"] = true,
        };
    }

    /// <summary>
    /// The Deployment controller's status for a one-replica Deployment whose ReplicaSet is <paramref name="replicaSet"/>
    /// (pkg/controller/deployment: sync.go calculateStatus, progress.go's condition reasons and messages).
    /// </summary>
    public static JsonObject DeploymentStatus(JsonObject? deployment, string replicaSet, bool ready, DateTimeOffset now)
    {
        var current = deployment?["status"] as JsonObject;
        var status = new JsonObject
        {
            ["observedGeneration"] = deployment?.LongAt("metadata", "generation") ?? 1,
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
            DeploymentCondition(current, "Available", ready,
                ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                ready ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
            DeploymentCondition(current, "Progressing", true,
                ready ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                ready ? $"ReplicaSet \"{replicaSet}\" has successfully progressed." : $"ReplicaSet \"{replicaSet}\" is progressing.", now));
        return status;
    }

    private static JsonObject DeploymentCondition(JsonObject? current, string type, bool value, string reason, string message, DateTimeOffset now)
    {
        var status = value ? "True" : "False";
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = UpdateTime(current, type, status, reason, message, now),
            ["lastTransitionTime"] = TransitionTime(current, type, status, now),
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    // The API server stores quantities in canonical form (apimachinery resource.Quantity): 0.5 CPU is "500m", 2048Mi is "2Gi".
    private static string CpuQuantity(double cores)
    {
        var millicores = (long)Math.Round(cores * 1000);
        return millicores % 1000 == 0
            ? (millicores / 1000).ToString(CultureInfo.InvariantCulture)
            : $"{millicores.ToString(CultureInfo.InvariantCulture)}m";
    }

    private static string MemoryQuantity(long bytes)
    {
        var mebibytes = bytes / (1024 * 1024);
        return mebibytes % 1024 == 0
            ? $"{(mebibytes / 1024).ToString(CultureInfo.InvariantCulture)}Gi"
            : $"{mebibytes.ToString(CultureInfo.InvariantCulture)}Mi";
    }

    private static JsonArray Ports(string flinkComponent) => flinkComponent == "jobManager"
        ? new JsonArray(Port("rest", 8081), Port("jobmanager-rpc", 6123), Port("blobserver", 6124))
        : new JsonArray(Port("taskmanager-rpc", 6122));

    private static JsonObject Port(string name, int port) => new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };

    private static string ImageOf(JsonObject spec) => spec.StringAt("image") is { Length: > 0 } image ? image : "flink";
}
