using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store.FieldManagement;

/// <summary>
/// The field manager of each write the simulated cluster makes itself, named as a real cluster's managedFields name
/// them: clients that send no <c>fieldManager</c> get the prefix of their user agent. The operator, and Flink's
/// resource manager creating its JobManager Deployment and TaskManager pods, talk through the fabric8 client
/// (<c>fabric8-kubernetes-client</c>: reference/realworld's FKO 1.12 FlinkDeployment shows it on the finalizer and
/// on the status subresource); kube-controller-manager creates pods of a Deployment and writes Deployment status;
/// the kubelet writes pod status.
/// </summary>
internal static class ClusterWriters
{
    public const string Fabric8 = "fabric8-kubernetes-client";
    public const string ControllerManager = "kube-controller-manager";
    public const string Kubelet = "kubelet";

    public static string For(ResourceType type, UpdateTarget target, JsonObject obj)
    {
        if (type == ResourceTypes.Pods)
        {
            return target == UpdateTarget.Status ? Kubelet
                : (obj["metadata"] as JsonObject)?.StringAt("labels", "component") == "taskmanager" ? Fabric8
                : ControllerManager;
        }
        if (type == ResourceTypes.Deployments)
        {
            return target == UpdateTarget.Status ? ControllerManager : Fabric8;
        }
        return type.Group == ResourceTypes.FlinkGroup || type == ResourceTypes.Events ? Fabric8 : ControllerManager;
    }
}
