using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using static Cmf.Simulator.Operator.ClusterObjects;
using static Cmf.Simulator.Operator.StatusConditions;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Pod statuses as the kubelet reports them (pkg/kubelet/status and kubelet_pods.go convertToAPIContainerStatuses):
/// conditions with transition times, the container's normalized image, imageID and containerID once it has run,
/// and the pod's IPs, start time and QoS class. Pure JSON builders; the operator flow decides when each applies.
/// </summary>
internal static class PodStatuses
{
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
