using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;

namespace Cmf.Simulator.Scenarios;

/// <summary>The demo's environments (namespaces prod and staging) and their applications.</summary>
internal static class DemoApplications
{
    public const string Prod = "prod";
    public const string Staging = "staging";

    /// <summary>Plays DESIGN 3.3: a savepoint that keeps failing, a revert, then an upgrade and a stateless migration.</summary>
    public const string FailingSavepointApp = "payments-fraud-detection";

    /// <summary>An IGNORE change (a kubernetes.operator.* key) applied in place on the running cluster.</summary>
    public const string InPlaceApp = "ad-impressions-rollup";

    /// <summary>A SCALE change: parallelism overrides rescale the adaptive scheduler's job in place.</summary>
    public const string RescalableApp = "recommendations-trainer";

    /// <summary>A change whose JobManager never starts, rolled back to the last stable spec.</summary>
    public const string RollbackApp = "geo-fencing-alerts";

    /// <summary>Managed through CMF: every spec carries a platform.confluent.io/cmf-fa-instance pod annotation.</summary>
    public const string CmfManagedApp = "orders-enrichment";

    public const string BatchApp = "nightly-billing-batch";
    public const string FailingBatchApp = "etl-backfill-2024";
    public const string SuspendableApp = "customer-360-cdc";

    /// <summary>kubernetes.operator.periodic.savepoint.interval of <see cref="FailingSavepointApp"/> in prod.</summary>
    public const string PeriodicSavepointInterval = "2m";

    private const string StateMachineJar = "local:///opt/flink/examples/streaming/StateMachineExample.jar";

    public static IReadOnlyList<DemoApplication> All(SimulatorRandom random) =>
    [
        new(Prod, CmfManagedApp,
            WithProdDefaults(WithInstanceAnnotation(FlinkSpecTemplates.Stateful("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/orders-enrichment-3.4.1.jar", "com.example.orders.EnrichmentJob", 4, JobSpecValues.Savepoint, CmfManagedApp), random.NewUid())),
            NoKnobs),
        // No last-state fallback (AbstractJobReconciler.getJobUpgrade): a change that meets the job between runs waits
        // for it to run and then takes the savepoint, which is what blocks #2; with the fallback, #2 could deploy from
        // the last checkpoint instead and the demo would not tell DESIGN 3.3. Periodic savepoints every 2 minutes give
        // its history FlinkStateSnapshots: FAILED ones while its savepoints fail, then COMPLETED ones beside the upgrade's.
        new(Prod, FailingSavepointApp,
            WithConfiguration(
                FlinkSpecTemplates.Stateful("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/fraud-detection-2.8.0.jar", "com.example.fraud.FraudDetectionJob", 2, JobSpecValues.Savepoint, FailingSavepointApp),
                ("kubernetes.operator.job.upgrade.last-state-fallback.enabled", "false"),
                (StateSnapshots.PeriodicSavepointInterval, PeriodicSavepointInterval)),
            NoKnobs),
        new(Prod, "clickstream-sessionizer",
            FlinkSpecTemplates.Stateful("flink:1.19.2", "v1_19", "local:///opt/flink/usrlib/clickstream-1.12.3.jar", "com.example.clicks.SessionizerJob", 6, JobSpecValues.LastState, "clickstream-sessionizer"),
            NoKnobs),
        new(Prod, "inventory-sync", FlinkSpecTemplates.Stateless("flink:1.20.1", "v1_20", StateMachineJar, 2), NoKnobs),
        new(Prod, BatchApp,
            FlinkSpecTemplates.Batch("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/billing-batch-5.0.2.jar", "com.example.billing.NightlyBillingJob", 8, "--date=2025-01-01"),
            new Dictionary<string, string> { [SimulatorKnobs.FinishAfterSeconds] = "90" }),
        new(Prod, SuspendableApp,
            WithConfiguration(FlinkSpecTemplates.Stateful("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/customer-360-0.9.1.jar", "com.example.customer.CdcJob", 2, JobSpecValues.Savepoint, SuspendableApp),
                (FlinkConfiguration.ShutdownTtl, "2 min")),
            NoKnobs),
        new(Prod, "ad-impressions-rollup",
            FlinkSpecTemplates.Stateful("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/ad-rollup-4.1.0.jar", "com.example.ads.RollupJob", 4, JobSpecValues.Savepoint, "ad-impressions-rollup"),
            NoKnobs),
        new(Staging, CmfManagedApp,
            WithInstanceAnnotation(FlinkSpecTemplates.Stateful("flink:2.2.0", "v2_2", "local:///opt/flink/usrlib/orders-enrichment-3.5.0-rc1.jar", "com.example.orders.EnrichmentJob", 2, JobSpecValues.Savepoint, CmfManagedApp), random.NewUid()),
            NoKnobs),
        new(Staging, FailingSavepointApp, FlinkSpecTemplates.Stateless("flink:2.2.0", "v2_2", "local:///opt/flink/usrlib/fraud-detection-2.9.0-SNAPSHOT.jar", 1), NoKnobs),
        new(Staging, FailingBatchApp,
            FlinkSpecTemplates.Batch("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/etl-backfill-1.0.0.jar", "com.example.etl.BackfillJob", 4, "--from=2024-01-01"),
            new Dictionary<string, string> { [SimulatorKnobs.FailAfterSeconds] = "120" }),
        new(Staging, RescalableApp,
            WithConfiguration(FlinkSpecTemplates.Stateful("flink:2.1.0", "v2_1", "local:///opt/flink/usrlib/recs-trainer-0.4.0.jar", "com.example.recs.TrainerJob", 4, JobSpecValues.Savepoint, RescalableApp),
                (FlinkConfiguration.Scheduler, "adaptive")),
            NoKnobs),
        new(Staging, "feature-flags-stream", FlinkSpecTemplates.Stateless("flink:2.2.0", "v2_2", StateMachineJar, 1), NoKnobs),
        new(Staging, RollbackApp, WithRollback(FlinkSpecTemplates.Stateful("flink:1.20.1", "v1_20", "local:///opt/flink/usrlib/geo-fencing-1.3.0.jar", "com.example.geo.AlertsJob", 2, JobSpecValues.Savepoint, RollbackApp)), NoKnobs),
    ];

    private static readonly Dictionary<string, string> NoKnobs = [];

    private static JsonObject WithInstanceAnnotation(JsonObject spec, string instance)
    {
        DemoChanges.SetInstanceAnnotation(spec, instance);
        return spec;
    }

    private static JsonObject WithRollback(JsonObject spec) =>
        WithConfiguration(spec, (FlinkConfiguration.RollbackEnabled, "true"), (FlinkConfiguration.ReadinessTimeout, "1 min"));

    private static JsonObject WithConfiguration(JsonObject spec, params (string Key, string Value)[] entries)
    {
        var configuration = (JsonObject)spec["flinkConfiguration"]!;
        foreach (var (key, value) in entries)
        {
            configuration[key] = value;
        }
        return spec;
    }

    /// <summary>CMF merges the environment's flinkApplicationDefaults into the specs it writes; the dashboard's demo prod has these.</summary>
    private static JsonObject WithProdDefaults(JsonObject spec)
    {
        spec["serviceAccount"] = "flink";
        return WithConfiguration(spec, ("execution.checkpointing.interval", "60s"), ("restart-strategy.type", "exponential-delay"));
    }
}
