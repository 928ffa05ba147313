using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Components.Pages;

public partial class ControlsGallery
{
    /// <summary>Sample data for the gallery: DESIGN 3.3, a long history, hostile names and a sealed secret.</summary>
    private static class GallerySamples
    {
        public const string Environment = "demo";
        public const string Application = "orders";
        public const string FirstUid = "5f0c1b9e-3d7a-4c51-9a0e-1c2d3e4f5a61";
        public const string LogFilter = "platform.confluent.io/cmf-fa-instance == \"5f0c1b9e-3d7a-4c51-9a0e-1c2d3e4f5a61\"";
        public const string SavepointError =
            "{\"type\":\"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException\",\"message\":\"Savepoint failed: checkpoint coordinator is suspending\"}";
        public const string Script = "<script>alert(1)</script>";
        public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

        public static string SpecOfFirst => Spec(FirstUid, parallelism: 2, image: "flink:1.20", token: "<sealed:0123456789abcdef>");

        public static string SpecOfSecond => Spec("9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910", parallelism: 4, image: "flink:1.20.1", token: "<sealed:fedcba9876543210>");

        public static string HostileSpec => Spec(FirstUid, parallelism: 2, image: ImageOnError, token: "<sealed:0123456789abcdef>")
            + $"\n  podTemplate:\n    metadata:\n      labels:\n        note: \"{Script}\"\n        direction: \"evil\u202Etxt.exe\"\n        mood: \"🚀\"";

        /// <summary>DESIGN 3.3 step 4: #1 still current, #3 the latest, the savepoint error set.</summary>
        public static IReadOnlyList<BadgeSample> Badges { get; } =
        [
            new("#1 (owns C1)", "uid-1", "uid-1", "uid-3", SavepointError),
            new("#2 (never deployed)", "uid-2", "uid-1", "uid-3", SavepointError),
            new("#3 (latest, blocked)", "uid-3", "uid-1", "uid-3", SavepointError),
            new("#3 (latest, no error yet)", "uid-3", "uid-1", "uid-3", null),
        ];

        public static IReadOnlyList<TimelineSample> Timelines(DateTimeOffset now)
        {
            DateTimeOffset At(int minutesAgo) => now.AddMinutes(-minutesAgo);

            var upgradeFirst = Instance(1, At(240), At(175), JobState.Finished, stoppedForUpgrade: true);
            var upgradeSecond = Instance(2, At(180), null, JobState.Running);
            var upgrade = new TimelineSample(
                "Savepoint upgrade: #1 and #2 overlap while C1 takes the savepoint (DESIGN 3.3 steps 1-2)",
                [upgradeFirst, upgradeSecond],
                [Cluster("c1d2e3f4-0001", upgradeFirst, At(239), At(175)), Cluster("c1d2e3f4-0002", upgradeSecond, At(174), null)],
                upgradeSecond.Uid);

            var first = Instance(1, At(300), At(95), JobState.Finished, stoppedForUpgrade: true);
            var second = Instance(2, At(240), At(180), null);
            var third = Instance(3, At(180), At(100), null);
            var fourth = Instance(4, At(100), null, JobState.Running);
            var blocked = new TimelineSample(
                "Failing savepoint: #2 never deployed, #3 reverts, #4 migrates off C1 (steps 3-5)",
                [first, second, third, fourth],
                [Cluster("a7b8c9d0-0001", first, At(299), At(95)), Cluster("a7b8c9d0-0003", fourth, At(94), null)],
                fourth.Uid);

            var history = Enumerable.Range(1, 100)
                .Select(i => Instance(i, At(1000 - i * 10), i == 100 ? null : At(1000 - i * 10 - 12), i == 100 ? JobState.Running : JobState.Finished))
                .ToList();
            var historyClusters = history
                .Select(i => Cluster($"hist-{i.Sequence:000}", i, i.CreatedAt.AddMinutes(1), i.EndedAt, approximate: i.Sequence % 17 == 0))
                .ToList();
            var longHistory = new TimelineSample("A hundred instances and a hundred clusters", history, historyClusters, history[^1].Uid);

            return [upgrade, blocked, longHistory];
        }

        public static IReadOnlyList<ApplicationSummary> Applications(DateTimeOffset now) =>
        [
            new ApplicationSummary
            {
                Environment = Environment, Name = Application, Namespace = "flink-demo",
                JobState = JobState.Running, LifecycleState = LifecycleState.Stable,
                CurrentInstance = new InstanceRef("9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910", 2),
                LatestInstance = new InstanceRef("9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910", 2),
                InstanceCount = 2, LastChangeAt = now.AddMinutes(-20),
            },
            new ApplicationSummary
            {
                Environment = Environment, Name = "payments", Namespace = "flink-demo",
                JobState = JobState.Running, LifecycleState = LifecycleState.Upgrading,
                CurrentInstance = new InstanceRef(FirstUid, 1),
                LatestInstance = new InstanceRef("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", 3),
                Error = SavepointError, InstanceCount = 3, LastChangeAt = now.AddMinutes(-3),
            },
            new ApplicationSummary
            {
                Environment = ImageOnError, Name = Script, Namespace = "evil\u202Etxt.exe 🚀",
                JobState = JobState.Finished, StoppedForUpgrade = true, LifecycleState = LifecycleState.Upgrading,
                LatestInstance = new InstanceRef("de4d-b33f", 7),
                Error = Script, InstanceCount = 7,
            },
        ];

        private static InstanceSummary Instance(int sequence, DateTimeOffset created, DateTimeOffset? ended, JobState? state, bool stoppedForUpgrade = false) => new()
        {
            Uid = $"{sequence:00000000}-7a1e-4c0d-9b1f-{sequence:000000000000}",
            Sequence = sequence,
            CreatedAt = created,
            EndedAt = ended,
            JobState = state,
            Stop = stoppedForUpgrade ? InstanceStop.Upgrade : InstanceStop.None,
            StopSavepointPath = stoppedForUpgrade ? $"s3://savepoints/savepoint-{sequence:000000}" : null,
        };

        private static ClusterSummary Cluster(string uid, InstanceSummary owner, DateTimeOffset started, DateTimeOffset? ended, bool approximate = false) => new()
        {
            Uid = uid,
            OwnerInstanceUid = owner.Uid,
            StartedAt = started,
            EndedAt = ended,
            EndIsApproximate = approximate,
        };

        private static string Spec(string instanceUid, int parallelism, string image, string token) => $"""
            metadata:
              annotations:
                platform.confluent.io/cmf-fa-instance: {instanceUid}
              labels:
                team: payments
            spec:
              flinkConfiguration:
                execution.checkpointing.interval: 10s
                s3.access-key: minio
                s3.secret-key: {token}
                state.backend.type: rocksdb
                state.checkpoints.dir: s3://checkpoints/orders
                state.savepoints.dir: s3://savepoints/orders
              flinkVersion: v1_20
              image: "{image}"
              job:
                jarURI: local:///opt/flink/usrlib/orders.jar
                parallelism: {parallelism}
                upgradeMode: savepoint
              jobManager:
                resource:
                  cpu: 1
                  memory: 2048m
              serviceAccount: flink
              taskManager:
                resource:
                  cpu: 2
                  memory: 4096m
            """;

        public sealed record BadgeSample(string Caption, string InstanceUid, string CurrentInstanceUid, string LatestInstanceUid, string? ApplicationError);

        public sealed record TimelineSample(string Title, IReadOnlyList<InstanceSummary> Instances, IReadOnlyList<ClusterSummary> Clusters, string CurrentInstanceUid);
    }
}
