using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Operator;

namespace Cmf.Simulator.Scenarios;

/// <summary>
/// Keeps the demo alive. Its first minutes tell DESIGN 3.3's story so a newcomer sees it at once: within a minute
/// prod/payments-fraud-detection has a blocked savepoint upgrade and a revert (its current instance older than two
/// newer ones), prod/ad-impressions-rollup an in-place change, staging/geo-fencing-alerts a broken upgrade rolled back,
/// prod/customer-360-cdc a savepoint suspend whose JobManager stays until the shutdown TTL, and
/// staging/recommendations-trainer an in-place rescale. Then specs keep changing every few minutes, batch jobs re-run
/// and the suspendable application is suspended and resumed, so the history grows.
/// </summary>
internal sealed class DemoChangeDriver(SimulatorApi api, OperatorScheduler scheduler, SimulatorClock clock, SimulatorRandom random, Func<bool> watched)
{
    private const string Prod = DemoApplications.Prod;
    private const string Staging = DemoApplications.Staging;
    private static readonly TimeSpan ScriptsEnd = TimeSpan.FromMinutes(10);

    private readonly DateTimeOffset _start = clock.Now;
    private int _batchRun;

    public void Start()
    {
        var payments = DemoApplications.FailingSavepointApp;
        // Each later step of a story follows the step before it, not the clock: when a slow start delays the first one
        // (the E2E runs the demo 20 times faster), an absolute time could play the ending before the beginning.
        WhenRunning("3.3-blocked", Prod, payments, TimeSpan.FromSeconds(30), () =>
        {
            Patch(Prod, payments, DemoChanges.Annotation(SimulatorKnobs.SavepointFails, "true"));
            Patch(Prod, payments, DemoChanges.Parallelism(4));
            After("3.3-revert", TimeSpan.FromSeconds(15), () =>
            {
                Patch(Prod, payments, DemoChanges.Parallelism(2));
                After("3.3-upgrade", TimeSpan.FromSeconds(195), () =>
                {
                    Patch(Prod, payments, DemoChanges.Annotation(SimulatorKnobs.SavepointFails, null));
                    Patch(Prod, payments, DemoChanges.Parallelism(3));
                    After("3.3-migrate", TimeSpan.FromMinutes(4), () => Patch(Prod, payments, DemoChanges.ParallelismAndUpgradeMode(5, JobSpecValues.Stateless)));
                });
            });
        });

        WhenRunning("in-place", Prod, DemoApplications.InPlaceApp, TimeSpan.FromSeconds(60), () =>
            Patch(Prod, DemoApplications.InPlaceApp, DemoChanges.Configuration("kubernetes.operator.savepoint.history.max.count", "10")));
        WhenRunning("rescale", Staging, DemoApplications.RescalableApp, TimeSpan.FromSeconds(90), () =>
            Patch(Staging, DemoApplications.RescalableApp, DemoChanges.Configuration("pipeline.jobvertex-parallelism-overrides", "bc764cd8ddf7a0cff126f51c16239658:6")));

        var geo = DemoApplications.RollbackApp;
        WhenRunning("rollback-break", Staging, geo, TimeSpan.FromSeconds(50), () =>
        {
            Patch(Staging, geo, DemoChanges.Annotation(SimulatorKnobs.StartupFails, "true"));
            Patch(Staging, geo, DemoChanges.Image("flink:1.20.2"));
            After("rollback-fix", TimeSpan.FromSeconds(310), () =>
            {
                Patch(Staging, geo, DemoChanges.Annotation(SimulatorKnobs.StartupFails, null));
                Patch(Staging, geo, DemoChanges.Image("flink:1.20.3"));
            });
        });

        WhenRunning("suspend", Prod, DemoApplications.SuspendableApp, TimeSpan.FromSeconds(75), () =>
        {
            ToggleSuspension();
            After("suspend-resume", TimeSpan.FromMinutes(4), ToggleSuspensionEvery4Minutes);
        });
        Every("billing-rerun", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), RerunBilling);
        Every("backfill-retry", TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(25), () =>
            Patch(Staging, DemoApplications.FailingBatchApp, DemoChanges.Parallelism(random.Next(2, 9))));
        ScheduleTuning(TimeSpan.FromMinutes(3));
    }

    private void ToggleSuspensionEvery4Minutes()
    {
        Guarded(ToggleSuspension);
        After("suspend-resume", TimeSpan.FromMinutes(4), ToggleSuspensionEvery4Minutes);
    }

    private void ToggleSuspension()
    {
        var app = api.GetFlinkDeployment(Prod, DemoApplications.SuspendableApp);
        var suspended = app?.StringAt("spec", "job", "state") == JobSpecValues.Suspended;
        Patch(Prod, DemoApplications.SuspendableApp, DemoChanges.JobState(suspended ? JobSpecValues.Running : JobSpecValues.Suspended));
    }

    private void RerunBilling()
    {
        _batchRun++;
        Patch(Prod, DemoApplications.BatchApp, DemoChanges.Arguments($"--date=2025-01-{Math.Min(28, 1 + _batchRun):00}"));
    }

    private void ScheduleTuning(TimeSpan after) =>
        scheduler.Schedule("demo:tuning", clock.Now + after, () =>
        {
            Tune();
            ScheduleTuning(TimeSpan.FromSeconds(random.Next(120, 300)));
        });

    private void Tune()
    {
        var scriptsRunning = clock.Now - _start < ScriptsEnd;
        var candidates = api.ListFlinkDeployments()
            .Where(fd => fd.StringAt("spec", "job", "state") != JobSpecValues.Suspended)
            .Where(fd => fd.StringAt("spec", "flinkConfiguration", "execution.runtime-mode") != "BATCH")
            .Where(fd => !scriptsRunning || fd.StringAt("metadata", "name") is not (DemoApplications.FailingSavepointApp or DemoApplications.RollbackApp or DemoApplications.SuspendableApp))
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var chosen = random.Pick(candidates);
        var ns = chosen.StringAt("metadata", "namespace")!;
        var name = chosen.StringAt("metadata", "name")!;
        var patch = DemoChanges.RandomTuning((JsonObject)chosen["spec"]!, random);
        if (name == DemoApplications.CmfManagedApp)
        {
            // CMF stamps every new instance of the applications it manages.
            DemoChanges.SetInstanceAnnotation(patch.GetOrAddObject("spec"), random.NewUid());
        }
        Patch(ns, name, patch);
    }

    private void After(string name, TimeSpan delay, Action action) =>
        scheduler.Schedule("demo:" + name, clock.Now + delay, () => Guarded(action));

    /// <summary>
    /// The scripted change at <paramref name="after"/>, or as soon as the job runs stable and somebody watches if not
    /// yet. On a busy machine the first deployment can still be coming up, and the operator would then upgrade a job
    /// that is not running another way (a savepoint upgrade falls back to last-state); and a dashboard that has not
    /// listed yet would first see the story's second generation and never the first. Neither is the story the demo tells.
    /// </summary>
    private void WhenRunning(string name, string ns, string app, TimeSpan after, Action action)
    {
        void Try()
        {
            var status = api.GetFlinkDeployment(ns, app);
            var stable = status?.StringAt("status", "lifecycleState") == "STABLE" && status.StringAt("status", "jobStatus", "state") == "RUNNING";
            if ((stable && watched()) || clock.Now - _start > ScriptsEnd)
            {
                Guarded(action);
                return;
            }
            scheduler.Schedule("demo:" + name, clock.Now + TimeSpan.FromSeconds(5), Try);
        }
        scheduler.Schedule("demo:" + name, _start + after, Try);
    }

    private void Every(string name, TimeSpan first, TimeSpan interval, Action action)
    {
        void Run()
        {
            Guarded(action);
            scheduler.Schedule("demo:" + name, clock.Now + interval, Run);
        }
        scheduler.Schedule("demo:" + name, _start + first, Run);
    }

    private void Patch(string ns, string name, JsonObject patch) => api.PatchFlinkDeployment(ns, name, patch);

    private static void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (SimulatorApiException)
        {
            // Someone deleted or broke the application by hand: the demo carries on without it.
        }
    }
}
