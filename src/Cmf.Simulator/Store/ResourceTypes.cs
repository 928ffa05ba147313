namespace Cmf.Simulator.Store;

/// <summary>The resources this simulated cluster serves, grouped the way discovery shows them.</summary>
internal static class ResourceTypes
{
    public const string FlinkGroup = "flink.apache.org";
    public const string FlinkVersion = "v1beta1";

    public static readonly ResourceType Namespaces = new(
        "", "v1", "Namespace", "namespaces", "namespace",
        Namespaced: false, HasStatusSubresource: true, HasGeneration: false, RequiresResourceVersionOnUpdate: false,
        ShortNames: ["ns"], Categories: []);

    public static readonly ResourceType Pods = new(
        "", "v1", "Pod", "pods", "pod",
        Namespaced: true, HasStatusSubresource: true, HasGeneration: false, RequiresResourceVersionOnUpdate: false,
        ShortNames: ["po"], Categories: ["all"]);

    public static readonly ResourceType Events = new(
        "", "v1", "Event", "events", "event",
        Namespaced: true, HasStatusSubresource: false, HasGeneration: false, RequiresResourceVersionOnUpdate: false,
        ShortNames: ["ev"], Categories: []);

    public static readonly ResourceType Deployments = new(
        "apps", "v1", "Deployment", "deployments", "deployment",
        Namespaced: true, HasStatusSubresource: true, HasGeneration: true, RequiresResourceVersionOnUpdate: false,
        ShortNames: ["deploy"], Categories: ["all"]);

    // Custom resources refuse unconditional updates, unlike most built-in types.
    public static readonly ResourceType FlinkDeployments = new(
        FlinkGroup, FlinkVersion, "FlinkDeployment", "flinkdeployments", "flinkdeployment",
        Namespaced: true, HasStatusSubresource: true, HasGeneration: true, RequiresResourceVersionOnUpdate: true,
        ShortNames: ["flinkdep"], Categories: []);

    // ../shared/reference/flinkstatesnapshots.flink.apache.org-v1.yml: namespaced, status subresource, short name flinksnp.
    public static readonly ResourceType FlinkStateSnapshots = new(
        FlinkGroup, FlinkVersion, "FlinkStateSnapshot", "flinkstatesnapshots", "flinkstatesnapshot",
        Namespaced: true, HasStatusSubresource: true, HasGeneration: true, RequiresResourceVersionOnUpdate: true,
        ShortNames: ["flinksnp"], Categories: []);

    // k8s.io/kubernetes pkg/registry/coordination/lease/strategy.go: AllowUnconditionalUpdate false, AllowCreateOnUpdate true.
    public static readonly ResourceType Leases = new(
        "coordination.k8s.io", "v1", "Lease", "leases", "lease",
        Namespaced: true, HasStatusSubresource: false, HasGeneration: false, RequiresResourceVersionOnUpdate: true,
        ShortNames: [], Categories: [])
    {
        CreatesOnUpdate = true,
    };

    public static IReadOnlyList<ResourceType> All { get; } = [Namespaces, Pods, Events, Deployments, FlinkDeployments, FlinkStateSnapshots, Leases];

    public static IEnumerable<(string Group, string Version)> GroupVersions =>
        All.Select(t => (t.Group, t.Version)).Distinct();

    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Matches(group, version) && t.Plural == plural);
}
