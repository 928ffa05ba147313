using static Cmf.Simulator.Validation.SchemaNode;

namespace Cmf.Simulator.Validation;

/// <summary>
/// The part of the FlinkDeployment CRD's openAPIV3Schema (flink.apache.org/v1beta1) that the simulated
/// API server enforces: every spec and status property with its type and enum. Pod templates are not
/// checked field by field (the real schema embeds the whole Pod schema there).
/// </summary>
internal static class FlinkDeploymentSchema
{
    public static readonly IReadOnlyList<string> FlinkVersions =
        ["v1_13", "v1_14", "v1_15", "v1_16", "v1_17", "v1_18", "v1_19", "v1_20", "v2_0", "v2_1", "v2_2", "v2_3", "v2_4"];

    public static readonly IReadOnlyList<string> JobStates =
        ["CANCELED", "CANCELLING", "CREATED", "FAILED", "FAILING", "FINISHED", "INITIALIZING", "RECONCILING", "RESTARTING", "RUNNING", "SUSPENDED"];

    public static readonly IReadOnlyList<string> LifecycleStates =
        ["CREATED", "DELETED", "DELETING", "DEPLOYED", "FAILED", "ROLLED_BACK", "ROLLING_BACK", "STABLE", "SUSPENDED", "UPGRADING"];

    public static readonly IReadOnlyList<string> JobManagerDeploymentStatuses =
        ["DEPLOYED_NOT_READY", "DEPLOYING", "ERROR", "MISSING", "READY"];

    public static readonly IReadOnlyList<string> ReconciliationStates = ["DEPLOYED", "ROLLED_BACK", "ROLLING_BACK", "UPGRADING"];

    private static readonly SchemaNode Resource = Object(("cpu", AnyNumber), ("ephemeralStorage", Text), ("memory", Text));

    private static readonly SchemaNode Resources = Object(
        ("claims", ArrayOf(Object(("name", Text), ("request", Text)))),
        ("limits", MapOf(IntOrStringValue)),
        ("requests", MapOf(IntOrStringValue)));

    private static readonly SchemaNode ComponentSpec = Object(
        ("podTemplate", AnyObject),
        ("replicas", WholeNumber),
        ("resource", Resource),
        ("resources", Resources));

    private static readonly SchemaNode Job = Object(
        ("allowNonRestoredState", Flag),
        ("args", ArrayOf(Text)),
        ("autoscalerResetNonce", WholeNumber),
        ("checkpointTriggerNonce", WholeNumber),
        ("entryClass", Text),
        ("initialSavepointPath", Text),
        ("jarURI", Text),
        ("parallelism", WholeNumber),
        ("savepointRedeployNonce", WholeNumber),
        ("savepointTriggerNonce", WholeNumber),
        ("state", OneOf("running", "suspended")),
        ("upgradeMode", OneOf("last-state", "savepoint", "stateless")));

    public static readonly SchemaNode Spec = Object(
        ("flinkConfiguration", Anything),
        ("flinkVersion", OneOf([.. FlinkVersions])),
        ("image", Text),
        ("imagePullPolicy", Text),
        ("ingress", Object(
            ("annotations", StringMap),
            ("className", Text),
            ("labels", StringMap),
            ("template", Text),
            ("tls", ArrayOf(Object(("hosts", ArrayOf(Text)), ("secretName", Text)))))),
        ("job", Job),
        ("jobManager", ComponentSpec),
        ("logConfiguration", StringMap),
        ("mode", OneOf("native", "standalone")),
        ("podTemplate", AnyObject),
        ("restartNonce", WholeNumber),
        ("serviceAccount", Text),
        ("taskManager", ComponentSpec));

    public static readonly SchemaNode Status = Object(
        ("clusterInfo", StringMap),
        ("conditions", ArrayOf(Object(
            ("lastTransitionTime", Text), ("message", Text), ("observedGeneration", WholeNumber),
            ("reason", Text), ("status", Text), ("type", Text)))),
        ("error", Text),
        ("jobManagerDeploymentStatus", OneOf([.. JobManagerDeploymentStatuses])),
        ("jobStatus", Object(
            ("checkpointInfo", AnyObject),
            ("jobId", Text),
            ("jobName", Text),
            ("savepointInfo", AnyObject),
            ("startTime", Text),
            ("state", OneOf([.. JobStates])),
            ("updateTime", Text),
            ("upgradeSavepointPath", Text))),
        ("lifecycleState", OneOf([.. LifecycleStates])),
        ("observedGeneration", WholeNumber),
        ("reconciliationStatus", Object(
            ("lastReconciledSpec", Text),
            ("lastStableSpec", Text),
            ("reconciliationTimestamp", WholeNumber),
            ("state", OneOf([.. ReconciliationStates])))),
        ("taskManager", Object(("labelSelector", Text), ("replicas", WholeNumber))));

    /// <summary>The whole object: apiVersion, kind and metadata are checked by the API server itself.</summary>
    public static readonly SchemaNode Root = Object(
        ("apiVersion", Text),
        ("kind", Text),
        ("metadata", AnyObject),
        ("spec", Spec),
        ("status", Status));
}
