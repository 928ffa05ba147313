using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Bench.Micro;

/// <summary>
/// One step of the pure instance tracker on an application with a history of 50 instances and a live cluster:
/// newer status writes (the most frequent event; one that moves the job state, one that moves no outcome input) and a
/// spec change (a new instance).
/// </summary>
[MemoryDiagnoser]
public class TrackerBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly ApplicationKey Key = new("prod", "orders");

    private ApplicationState _state = null!;
    private Observation _specChange = null!;
    private Observation _jobStateWrite = null!;
    private Observation _errorWrite = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var state = ApplicationState.Empty(Key, "prod");
        var time = Start;
        for (var generation = 1; generation <= 50; generation++)
        {
            time = time.AddMinutes(10);
            state = Apply(state, Observed(generation, JobState.Running), time);
            state = Apply(state, new JobManagerDeploymentObserved(Key, "prod", new JobManagerDeploymentSnapshot
            {
                Uid = $"deployment-{generation}",
                Name = "orders",
                ResourceVersion = (generation * 100).ToString(CultureInfo.InvariantCulture),
                CreationTimestamp = time,
                GenerationAnnotation = generation,
                DeploymentType = "flink-native-kubernetes",
            }), time);
            if (generation > 1)
            {
                state = Apply(state, new JobManagerDeploymentDeleted(Key, "prod", new JobManagerDeploymentSnapshot
                {
                    Uid = $"deployment-{generation - 1}",
                    Name = "orders",
                    GenerationAnnotation = generation - 1,
                }), time);
            }
        }
        _state = state;
        _now = time.AddMinutes(1);
        _specChange = Observed(51, JobState.Running);
        _jobStateWrite = Observed(50, JobState.Restarting, resourceVersion: "5051");
        _errorWrite = Observed(50, JobState.Running, resourceVersion: "5051", error: "java.lang.RuntimeException: checkpoint declined");
    }

    [Benchmark(Description = "tracker step: a spec change (new instance) of an application with 50 instances")]
    public TrackerResult SpecChange() => InstanceTracker.Apply(_state, _specChange, _now);

    [Benchmark(Description = "tracker step: a newer status write that moves the job state, of an application with 50 instances")]
    public TrackerResult JobStateWrite() => InstanceTracker.Apply(_state, _jobStateWrite, _now);

    [Benchmark(Description = "tracker step: a newer status write that moves no outcome input (an error text), of an application with 50 instances")]
    public TrackerResult ErrorWrite() => InstanceTracker.Apply(_state, _errorWrite, _now);

    private static ApplicationState Apply(ApplicationState state, Observation observation, DateTimeOffset now) =>
        InstanceTracker.Apply(state, observation, now).State;

    private static FlinkDeploymentObserved Observed(int generation, JobState jobState, string? resourceVersion = null, string? error = null) => new(Key, "prod", new FlinkDeploymentSnapshot
    {
        ObjectUid = "3f1c2a4e-0000-4000-8000-000000000001",
        ResourceVersion = resourceVersion ?? (generation * 100 + 50).ToString(CultureInfo.InvariantCulture),
        Generation = generation,
        CreationTimestamp = Start,
        Spec = SpecVersionFactory.Create(new JsonObject
        {
            ["image"] = "flink:1.20",
            ["flinkVersion"] = "v1_20",
            ["job"] = new JsonObject { ["jarURI"] = "local:///opt/flink/usrlib/orders.jar", ["parallelism"] = generation, ["upgradeMode"] = "savepoint" },
        }),
        Status = new FlinkDeploymentStatusSnapshot
        {
            JobState = jobState,
            JobId = "a0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5",
            LifecycleState = LifecycleState.Stable,
            JobManagerDeploymentStatus = JobManagerDeploymentStatus.Ready,
            ReconciliationState = ReconciliationState.Deployed,
            ObservedGeneration = generation,
            Error = error,
        },
    });
}
