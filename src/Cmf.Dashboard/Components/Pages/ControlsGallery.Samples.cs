using Cmf.Core.Model;
using ApplicationSummary = Cmf.Core.Storage.Views.ApplicationSummary;
using InstanceReference = Cmf.Core.Storage.Views.InstanceReference;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Components.Pages;

public partial class ControlsGallery
{
    /// <summary>Sample data for the gallery: DESIGN 3.3, a long history, hostile names and a secret fingerprint token.</summary>
    private static class GallerySamples
    {
        public const string Environment = "demo";
        public const string Application = "orders";
        public const string FirstUid = "5f0c1b9e-3d7a-4c51-9a0e-1c2d3e4f5a61";
        private const string SampleObjectUid = "c0ffee00-1d2e-4f3a-8b4c-5d6e7f8a9b0c";
        public const string LogFilter = "platform.confluent.io/cmf-fa-instance == \"5f0c1b9e-3d7a-4c51-9a0e-1c2d3e4f5a61\"";
        public const string SavepointError =
            "{\"type\":\"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException\",\"message\":\"Savepoint failed: checkpoint coordinator is suspending\"}";
        public const string Script = "<script>alert(1)</script>";
        public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

        public static string SpecOfFirst => Spec(FirstUid, parallelism: 2, image: "flink:1.20", token: "<sealed:0123456789abcdef>");

        public static string SpecOfSecond => Spec("9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910", parallelism: 4, image: "flink:1.20.1", token: "<sealed:fedcba9876543210>");

        public static string HostileSpec => Spec(FirstUid, parallelism: 2, image: ImageOnError, token: "<sealed:0123456789abcdef>")
            + $"\n  podTemplate:\n    metadata:\n      labels:\n        note: \"{Script}\"\n        direction: \"evil\u202Etxt.exe\"\n        mood: \"🚀\"";

        public static IReadOnlyList<TimelineSample> Timelines(DateTimeOffset now)
        {
            DateTimeOffset At(int minutesAgo) => now.AddMinutes(-minutesAgo);

            var upgradeFirst = Instance(1, At(240), At(175), JobState.Finished, stop: InstanceStop.Upgrade, savepoint: true);
            var upgradeSecond = Instance(2, At(180), null, JobState.Running);
            var upgrade = new TimelineSample(
                "Savepoint upgrade: #1 and #2 overlap while C1 takes the savepoint (DESIGN 3.3 steps 1-2)",
                [upgradeFirst, upgradeSecond],
                [Cluster("c1d2e3f4-0001", upgradeFirst, At(239), At(175)), Cluster("c1d2e3f4-0002", upgradeSecond, At(174), null)],
                upgradeSecond.Uid);

            var first = Instance(1, At(300), At(95), JobState.Finished, stop: InstanceStop.Upgrade, specHash: "spec-a");
            var second = Instance(2, At(240), At(180), null, specHash: "spec-b", reconciled: false);
            var third = Instance(3, At(180), At(100), null, specHash: "spec-a", reconciledAt: At(178));
            var fourth = Instance(4, At(100), null, JobState.Running);
            var reverted = new TimelineSample(
                "Failing savepoint: #2 never deployed, #3 reverts to #1's spec, #4 migrates off C1 with a stateless upgrade (steps 3-5)",
                [first, second, third, fourth],
                [Cluster("a7b8c9d0-0001", first, At(299), At(95)), Cluster("a7b8c9d0-0003", fourth, At(94), null)],
                fourth.Uid);

            var running = Instance(1, At(120), null, JobState.Running);
            var waiting = Instance(2, At(45), null, null, reconciled: false);
            var blocked = new TimelineSample(
                "Blocked upgrade: #2 pending while the savepoint keeps failing (step 3)",
                [running, waiting],
                [Cluster("b1c2d3e4-0001", running, At(119), null)],
                running.Uid)
            {
                PendingInstanceUid = waiting.Uid,
                ErrorEpisode = new ErrorEpisode { Message = SavepointError, PendingInstanceUid = waiting.Uid, FirstSeen = At(44), LastSeen = At(2), Count = 14 },
            };

            var ignored = Instance(1, At(200), At(150), JobState.Running);
            var scaled = Instance(2, At(150), At(60), JobState.Running);
            var latest = Instance(3, At(60), null, JobState.Running);
            var handedOver = new TimelineSample(
                "In place: an upgradeMode change (#2) and a rescale (#3) hand C1 over without a new JobManager",
                [ignored, scaled, latest],
                [Cluster("d4e5f6a7-0001", ignored, At(199), null, handOvers: [(scaled, At(149)), (latest, At(59))])],
                latest.Uid);

            var stable = Instance(1, At(150), null, JobState.Running);
            var broken = Instance(2, At(80), null, JobState.Reconciling);
            var rolledBack = new TimelineSample(
                "Rollback: #2's JobManager never starts; the operator rolls back to #1's spec on C3 (DESIGN 3.3 scenario 9)",
                [stable, broken],
                [
                    Cluster("e5f6a7b8-0001", stable, At(149), At(70)),
                    Cluster("e5f6a7b8-0002", broken, At(69), At(40)),
                    Cluster("e5f6a7b8-0003", stable, At(38), null) with { OwnerSource = ClusterOwnerSource.Rollback },
                ],
                stable.Uid);

            var suspendedJob = Instance(1, At(90), null, JobState.Finished, stop: InstanceStop.Suspend, savepoint: true);
            var suspendedSpec = Instance(2, At(30), null, null, lifecycle: LifecycleState.Suspended, reconciledAt: At(29));
            var suspended = new TimelineSample(
                "Suspended with a savepoint: C1 stays until the operator's shutdown TTL (DESIGN 3.3 scenario 7)",
                [suspendedJob, suspendedSpec],
                [Cluster("f6a7b8c9-0001", suspendedJob, At(89), null)],
                suspendedJob.Uid);

            var history = Enumerable.Range(1, 100)
                .Select(i => Instance(i, At(1000 - i * 10), i == 100 ? null : At(1000 - i * 10 - 12), i == 100 ? JobState.Running : JobState.Finished))
                .ToList();
            var historyClusters = history
                .Select(i => Cluster($"hist-{i.Sequence:000}", i, i.CreatedAt.AddMinutes(1), i.EndedAt, approximate: i.Sequence % 17 == 0))
                .ToList();
            var longHistory = new TimelineSample("A hundred finite jobs, a hundred instances and a hundred clusters", history, historyClusters, history[^1].Uid);

            return [upgrade, reverted, blocked, handedOver, rolledBack, suspended, longHistory];
        }

        public static IReadOnlyList<ApplicationSummary> Applications(DateTimeOffset now) =>
        [
            new ApplicationSummary
            {
                Key = new ApplicationKey(Environment, Application), Namespace = "flink-demo",
                JobState = JobState.Running, LifecycleState = LifecycleState.Stable,
                CurrentInstance = new InstanceReference("9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910", 2),
                LatestInstance = new InstanceReference("9b7e6d5c-4b3a-4291-8f7e-6d5c4b3a2910", 2),
                InstanceCount = 2, LastChangeAt = now.AddMinutes(-20),
            },
            new ApplicationSummary
            {
                Key = new ApplicationKey(Environment, "payments"), Namespace = "flink-demo",
                JobState = JobState.Running, LifecycleState = LifecycleState.Upgrading,
                CurrentInstance = new InstanceReference(FirstUid, 1),
                LatestInstance = new InstanceReference("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", 3),
                PendingUpgrade = true, Error = SavepointError, InstanceCount = 3, LastChangeAt = now.AddMinutes(-3),
                ErrorEpisode = new ErrorEpisode
                {
                    Message = SavepointError, PendingInstanceUid = "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                    FirstSeen = now.AddMinutes(-40), LastSeen = now.AddMinutes(-3), Count = 12,
                },
            },
            new ApplicationSummary
            {
                Key = new ApplicationKey(ImageOnError, Script), Namespace = "evil\u202Etxt.exe 🚀",
                JobState = JobState.Finished, StoppedForUpgrade = true, LifecycleState = LifecycleState.Upgrading,
                LatestInstance = new InstanceReference("de4d-b33f", 7), PendingUpgrade = true,
                Error = Script, InstanceCount = 7,
                ErrorEpisode = new ErrorEpisode { Message = Script, PendingInstanceUid = "de4d-b33f", FirstSeen = now.AddDays(-2), LastSeen = now },
            },
        ];

        private static InstanceState Instance(
            int sequence, DateTimeOffset created, DateTimeOffset? ended, JobState? state,
            InstanceStop stop = InstanceStop.None, bool savepoint = false, string? specHash = null,
            bool reconciled = true, DateTimeOffset? reconciledAt = null, LifecycleState? lifecycle = null) => new()
        {
            Uid = $"{sequence:00000000}-7a1e-4c0d-9b1f-{sequence:000000000000}",
            Sequence = sequence,
            ObjectUid = SampleObjectUid,
            Generation = sequence,
            SpecHash = specHash ?? $"spec-{sequence}",
            CreatedAt = created,
            EndedAt = ended,
            SupersededAt = ended,
            ReconciledAt = reconciled ? reconciledAt ?? created.AddSeconds(5) : null,
            JobState = state,
            LifecycleState = lifecycle,
            Stop = stop,
            StopSavepointPath = savepoint ? $"s3://savepoints/savepoint-{sequence:000000}" : null,
        };

        private static ClusterState Cluster(
            string uid, InstanceState owner, DateTimeOffset started, DateTimeOffset? ended, bool approximate = false,
            IReadOnlyList<(InstanceState To, DateTimeOffset At)>? handOvers = null) => new()
        {
            Uid = uid,
            Name = Application,
            OwnerInstanceUid = handOvers is { Count: > 0 } ? handOvers[^1].To.Uid : owner.Uid,
            Segments = [new ClusterSegment(owner.Uid, started), .. (handOvers ?? []).Select(h => new ClusterSegment(h.To.Uid, h.At))],
            OwnerSource = ClusterOwnerSource.GenerationAnnotation,
            StartedAt = started,
            EndedAt = ended,
            EndIsApproximate = approximate,
            Generation = owner.Sequence,
            DeploymentType = "flink-native-kubernetes",
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

        public sealed record TimelineSample(string Title, IReadOnlyList<InstanceState> Instances, IReadOnlyList<ClusterState> Clusters, string CurrentInstanceUid)
        {
            public string? PendingInstanceUid { get; init; }

            public ErrorEpisode? ErrorEpisode { get; init; }

            public ApplicationHistory History => new(Instances, Clusters, CurrentInstanceUid, PendingInstanceUid, ErrorEpisode);
        }
    }
}
