using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using static Cmf.Simulator.Operator.FlinkResources;
using static Cmf.Simulator.Operator.StatusConditions;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The shapes of the objects Flink's native Kubernetes integration and the cluster's controllers write:
/// labels, owner references, pod and Deployment specs with the API server's defaults, and the statuses the
/// Deployment controller and the kubelet write, carrying every field the Kubernetes API marks required.
/// Pure JSON builders, no store: the operator flow (NativeCluster) decides when each applies.
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

    /// <summary>A Deployment's spec as the API server stores it (apps/v1 SetDefaults_Deployment), Recreate as Flink's native mode asks.</summary>
    public static JsonObject DeploymentSpec(JsonObject labels, JsonObject template) => new()
    {
        ["replicas"] = 1,
        ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
        ["template"] = template,
        ["strategy"] = new JsonObject { ["type"] = "Recreate" },
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
            ["cpu"] = Cpu(spec, flinkComponent).ToString(CultureInfo.InvariantCulture),
            ["memory"] = $"{MemoryBytes(spec, flinkComponent) / (1024 * 1024)}Mi",
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
            ["restartPolicy"] = "Always",
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

    /// <summary>A pod bound to its node whose container is being created: what the kubelet reports first.</summary>
    public static JsonObject PendingPodStatus(JsonObject pod, DateTimeOffset now)
    {
        var current = pod["status"] as JsonObject;
        var hostIp = HostIp(pod.StringAt("spec", "nodeName"));
        return new JsonObject
        {
            ["phase"] = "Pending",
            ["conditions"] = PodConditions(current, sandboxReady: false, containersReady: false, now),
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["startTime"] = current?.StringAt("startTime") ?? KubernetesTime.Format(now),
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = MainContainer,
                ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
                ["lastState"] = new JsonObject(),
                ["ready"] = false,
                ["restartCount"] = 0,
                ["image"] = ContainerImage.Normalize(ImageOfPod(pod)),
                // Nothing has been pulled yet: the kubelet reports an empty imageID (the field is never omitted).
                ["imageID"] = "",
                ["started"] = false,
            }),
            ["qosClass"] = QosClass(pod),
        };
    }

    /// <summary>A pod whose container runs (<paramref name="ready"/>) or crash-loops, as the kubelet reports it; its IPs and start time stay those it had.</summary>
    public static JsonObject RunningPodStatus(JsonObject pod, DateTimeOffset now, bool ready, SimulatorRandom random)
    {
        var current = pod["status"] as JsonObject;
        var hostIp = HostIp(pod.StringAt("spec", "nodeName"));
        var podIp = current?.StringAt("podIP") ?? $"10.244.{random.Next(0, 255)}.{random.Next(2, 250)}";
        var startTime = current?.StringAt("startTime") ?? pod.StringAt("metadata", "creationTimestamp") ?? KubernetesTime.Format(now);
        return new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = PodConditions(current, sandboxReady: true, containersReady: ready, now),
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = startTime,
            ["containerStatuses"] = new JsonArray(ready ? RunningContainer(pod, now) : CrashLoopingContainer(pod, now)),
            ["qosClass"] = QosClass(pod),
        };
    }

    private static JsonObject RunningContainer(JsonObject pod, DateTimeOffset now)
    {
        var image = ImageOfPod(pod);
        var started = KubernetesTime.Format(now);
        return new JsonObject
        {
            ["name"] = MainContainer,
            ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = started } },
            ["lastState"] = new JsonObject(),
            ["ready"] = true,
            ["restartCount"] = 0,
            ["image"] = ContainerImage.Normalize(image),
            ["imageID"] = ContainerImage.ImageId(image),
            ["containerID"] = ContainerId(pod, restart: 0, started),
            ["started"] = true,
        };
    }

    // Three failed starts, the last one 10 seconds long: kubelet's back-off has reached 40s (10s doubling per restart).
    private static JsonObject CrashLoopingContainer(JsonObject pod, DateTimeOffset now)
    {
        const int restarts = 3;
        var image = ImageOfPod(pod);
        var lastStarted = KubernetesTime.Format(now.AddSeconds(-10));
        var containerId = ContainerId(pod, restarts, lastStarted);
        var podRef = $"{pod.StringAt("metadata", "name")}_{pod.StringAt("metadata", "namespace")}({pod.StringAt("metadata", "uid")})";
        return new JsonObject
        {
            ["name"] = MainContainer,
            ["state"] = new JsonObject
            {
                ["waiting"] = new JsonObject
                {
                    ["reason"] = "CrashLoopBackOff",
                    ["message"] = $"back-off 40s restarting failed container={MainContainer} pod={podRef}",
                },
            },
            ["lastState"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = 1,
                    ["reason"] = "Error",
                    ["startedAt"] = lastStarted,
                    ["finishedAt"] = KubernetesTime.Format(now),
                    ["containerID"] = containerId,
                },
            },
            ["ready"] = false,
            ["restartCount"] = restarts,
            ["image"] = ContainerImage.Normalize(image),
            ["imageID"] = ContainerImage.ImageId(image),
            ["containerID"] = containerId,
            ["started"] = false,
        };
    }

    // The kubelet's conditions since Kubernetes 1.29 (PodReadyToStartContainers), in the order it writes them.
    private static JsonArray PodConditions(JsonObject? current, bool sandboxReady, bool containersReady, DateTimeOffset now)
    {
        const string notReady = "ContainersNotReady";
        var unready = $"containers with unready status: [{MainContainer}]";
        return new JsonArray(
            PodCondition(current, "PodReadyToStartContainers", sandboxReady, now),
            PodCondition(current, "Initialized", true, now),
            PodCondition(current, "Ready", containersReady, now, containersReady ? null : notReady, containersReady ? null : unready),
            PodCondition(current, "ContainersReady", containersReady, now, containersReady ? null : notReady, containersReady ? null : unready),
            PodCondition(current, "PodScheduled", true, now));
    }

    private static JsonObject PodCondition(JsonObject? current, string type, bool value, DateTimeOffset now, string? reason = null, string? message = null)
    {
        var status = value ? "True" : "False";
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            // The kubelet never probes these; the API still writes the field, as null.
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = TransitionTime(current, type, status, now),
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }
        return condition;
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

    private static JsonArray Ports(string flinkComponent) => flinkComponent == "jobManager"
        ? new JsonArray(Port("rest", 8081), Port("jobmanager-rpc", 6123), Port("blobserver", 6124))
        : new JsonArray(Port("taskmanager-rpc", 6122));

    private static JsonObject Port(string name, int port) => new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };

    private static string ImageOf(JsonObject spec) => spec.StringAt("image") is { Length: > 0 } image ? image : "flink";

    private static string ImageOfPod(JsonObject pod) =>
        (pod.NodeAt("spec", "containers") as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?.StringAt("image") ?? "flink";

    // Requests equal to limits for every resource of every container: the Guaranteed class (pkg/apis/core/helper/qos).
    private static string QosClass(JsonObject pod)
    {
        var containers = (pod.NodeAt("spec", "containers") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (containers.All(c => c.ObjectAt("resources", "requests") is not { Count: > 0 } && c.ObjectAt("resources", "limits") is not { Count: > 0 }))
        {
            return "BestEffort";
        }
        var guaranteed = containers.All(c =>
            c.ObjectAt("resources", "limits") is { } limits
            && limits.ContainsKey("cpu") && limits.ContainsKey("memory")
            && (c.ObjectAt("resources", "requests") ?? limits).All(r => limits[r.Key]?.ToJsonString() == r.Value?.ToJsonString()));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    // A node's address is fixed, so every pod on it reports the same hostIP.
    private static string HostIp(string? nodeName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(nodeName ?? ""));
        return $"10.0.0.{10 + (hash[0] % 240)}";
    }

    private static string ContainerId(JsonObject pod, int restart, string startedAt)
    {
        var key = $"{pod.StringAt("metadata", "namespace")}/{pod.StringAt("metadata", "name")}/{restart}/{startedAt}";
        return "containerd://" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
