using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>Why a cluster is said to run the instance it runs (DESIGN 3.2 rule 2), in words for the cluster table.</summary>
public static class ClusterOwnerReason
{
    public static string Of(ClusterOwnerSource source) => source switch
    {
        ClusterOwnerSource.InstanceAnnotation => "named by the pods' instance annotation",
        ClusterOwnerSource.Rollback => "runs lastStableSpec during a rollback",
        ClusterOwnerSource.GenerationAnnotation => "by the Deployment's generation annotation",
        ClusterOwnerSource.ObservedGeneration => "redeployed by the operator for the generation it had reconciled",
        _ => "the latest instance when the cluster appeared",
    };

    extension(ClusterState cluster)
    {
        /// <summary>How the owner was decided, in words.</summary>
        public string OwnerReason => Of(cluster.OwnerSource);
    }
}
