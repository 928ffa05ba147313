using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;
using static Cmf.Simulator.Operator.ClusterObjects;
using static Cmf.Simulator.Operator.FlinkResources;
using static Cmf.Simulator.Operator.PodStatuses;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Flink's native Kubernetes integration as the cluster sees it: a JobManager Deployment named after the FlinkDeployment
/// (labels app, component=jobmanager, type=flink-native-kubernetes, the generation annotation on the Deployment and its
/// pod template, the FlinkDeployment as owner), its pod, TaskManager pods <c>&lt;name&gt;-taskmanager-1-&lt;i&gt;</c> once the
/// job runs, and the job as Flink's REST API reports it.
/// </summary>
internal sealed class NativeCluster(ResourceStore store, SimulatorRandom random, GarbageCollector garbageCollector, OperatorTimings timings)
{
    private static readonly string[] Nodes = ["sim-worker-1", "sim-worker-2", "sim-worker-3"];

    /// <summary>
    /// Flink's ApplicationClusterDeployer as FKO calls it: the JobManager Deployment and its pod. The generation annotation
    /// comes from FKO's deploy config (FlinkConfigManager.getDeployConfig); a redeploy with the observe config (recovery,
    /// AbstractJobReconciler.resubmitJob) carries none, so <paramref name="generation"/> is null then.
    /// </summary>
    public FlinkCluster Create(JsonObject flinkDeployment, JsonObject runSpec, string jobId, long? generation, bool startupFails, DateTimeOffset now)
    {
        var metadata = flinkDeployment.Metadata();
        var name = metadata.StringAt("name")!;
        var ns = metadata.StringAt("namespace")!;
        var hash = random.NameSuffix(10);
        var labels = Labels(name, "jobmanager");
        var podAnnotations = PodTemplateAnnotations(runSpec, "jobManager");
        var deploymentAnnotations = new JsonObject { [SimulatorMetadataKeys.DeploymentRevisionAnnotation] = "1" };
        if (generation is { } made)
        {
            podAnnotations[SimulatorMetadataKeys.GenerationAnnotation] = made.ToString(CultureInfo.InvariantCulture);
            deploymentAnnotations[SimulatorMetadataKeys.GenerationAnnotation] = made.ToString(CultureInfo.InvariantCulture);
        }
        var template = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone(), ["annotations"] = podAnnotations.DeepClone() },
            ["spec"] = PodSpec(runSpec, "jobmanager", ["kubernetes-jobmanager.sh", "kubernetes-application"]),
        };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels.DeepClone(),
                ["annotations"] = deploymentAnnotations,
                ["ownerReferences"] = new JsonArray(OwnerReference("flink.apache.org/v1beta1", "FlinkDeployment", name, metadata.StringAt("uid")!, controller: false)),
            },
            ["spec"] = DeploymentSpec(labels, template),
            ["status"] = DeploymentStatus(null, $"{name}-{hash}", ready: false, now),
        };
        var stored = store.Create(ResourceTypes.Deployments, deployment, ChangeOrigin.Cluster);
        var podName = $"{name}-{hash}-{random.NameSuffix(5)}";
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = podName,
                ["namespace"] = ns,
                ["generateName"] = $"{name}-{hash}-",
                ["labels"] = WithPodTemplateHash(labels, hash),
                ["annotations"] = podAnnotations.DeepClone(),
                ["ownerReferences"] = new JsonArray(OwnerReference("apps/v1", "ReplicaSet", $"{name}-{hash}", random.NewUid(), controller: true)),
            },
            ["spec"] = template["spec"]!.DeepClone(),
        };
        pod.ObjectAt("spec")!["nodeName"] = random.Pick(Nodes);
        pod["status"] = PendingPodStatus(pod, now);
        store.Create(ResourceTypes.Pods, pod, ChangeOrigin.Cluster);
        return new FlinkCluster
        {
            DeploymentUid = stored.Uid,
            PodTemplateHash = hash,
            JobManagerPodName = podName,
            Spec = runSpec.DeepClone().AsObject(),
            JobId = jobId,
            HighAvailability = FlinkConfiguration.IsHighAvailabilityEnabled(runSpec),
            CreatedAt = now,
            PodsReadyAt = startupFails ? null : now + timings.JobManagerStartup,
        };
    }

    /// <summary>
    /// Moves the physical cluster on: pods become ready (or crash-loop), the job starts, a cancel completes, and the job
    /// finishes or fails when a knob says so. A job that ran with HA on leaves HA metadata and a checkpoint behind.
    /// </summary>
    public void Advance(ApplicationRuntime app, JsonObject flinkDeployment, DateTimeOffset now)
    {
        if (app.Cluster is not { } cluster)
        {
            return;
        }
        if (cluster.JobState == OperatorJobStates.Cancelling && cluster.CancelledAt is { } cancelled && now >= cancelled)
        {
            StopJob(app, cluster, OperatorJobStates.Canceled);
        }
        var ns = app.Key.Namespace;
        if (!cluster.PodsReady && cluster.PodsReadyAt is { } readyAt && now >= readyAt)
        {
            cluster.PodsReady = true;
            cluster.RestReadyAt = now + timings.RestApiReadyDelay;
            UpdateStatus(ResourceTypes.Deployments, new ObjectKey(ns, app.Key.Name), d => DeploymentStatus(d, $"{app.Key.Name}-{cluster.PodTemplateHash}", ready: true, now));
            UpdateStatus(ResourceTypes.Pods, new ObjectKey(ns, cluster.JobManagerPodName), pod => RunningPodStatus(pod, now, ready: true, random));
            cluster.JobState = OperatorJobStates.Running;
            cluster.JobStartedAt = now;
            CreateTaskManagers(app, cluster, now);
            app.HaMetadata |= cluster.HighAvailability;
            if (FlinkConfiguration.Get(cluster.Spec, FlinkConfiguration.CheckpointDirectory) is { } checkpoints)
            {
                app.LatestCheckpoint = $"{checkpoints.TrimEnd('/')}/{cluster.JobId}/chk-1";
            }
        }
        else if (cluster.PodsReadyAt is null && !cluster.ReportedCrashLoop && now >= cluster.CreatedAt + timings.JobManagerStartup)
        {
            cluster.ReportedCrashLoop = true;
            UpdateStatus(ResourceTypes.Pods, new ObjectKey(ns, cluster.JobManagerPodName), pod => RunningPodStatus(pod, now, ready: false, random));
        }
        if (cluster.JobState == OperatorJobStates.Running && cluster.JobStartedAt is { } started)
        {
            var fails = SimulatorKnobs.Seconds(flinkDeployment, SimulatorKnobs.FailAfterSeconds);
            var finishes = SimulatorKnobs.Seconds(flinkDeployment, SimulatorKnobs.FinishAfterSeconds);
            if (fails is { } failAfter && now >= started + failAfter)
            {
                StopJob(app, cluster, OperatorJobStates.Failed);
            }
            else if (finishes is { } finishAfter && now >= started + finishAfter)
            {
                StopJob(app, cluster, OperatorJobStates.Finished);
            }
        }
    }

    /// <summary>When the job will end on its own, if a knob says it will.</summary>
    public static DateTimeOffset? JobEndsAt(FlinkCluster cluster, JsonObject flinkDeployment)
    {
        if (cluster.JobState != OperatorJobStates.Running || cluster.JobStartedAt is not { } started)
        {
            return null;
        }
        var ends = new[] { SimulatorKnobs.Seconds(flinkDeployment, SimulatorKnobs.FailAfterSeconds), SimulatorKnobs.Seconds(flinkDeployment, SimulatorKnobs.FinishAfterSeconds) }
            .Where(s => s is not null)
            .Select(s => started + s!.Value)
            .ToList();
        return ends.Count == 0 ? null : ends.Min();
    }

    /// <summary>The job as Flink's REST API lists it (GET /jobs/overview); null when the REST API does not answer.</summary>
    public static RestJob? RestJobStatus(FlinkCluster? cluster, DateTimeOffset now)
    {
        if (cluster is null || cluster.RestReadyAt is not { } ready || now < ready)
        {
            return null;
        }
        return new RestJob(cluster.JobId, cluster.JobState == OperatorJobStates.Reconciling ? OperatorJobStates.Created : cluster.JobState, JobNameOf(cluster.Spec), cluster.JobStartedAt ?? cluster.CreatedAt);
    }

    /// <summary>The Deployment's replicas are available (FKO also checks the REST port; it opens with the pod).</summary>
    public static bool IsAvailable(FlinkCluster cluster) => cluster.PodsReady;

    /// <summary>FlinkUtils.jmPodNeverStarted: the Deployment never became available since it was created.</summary>
    public static bool NeverStarted(FlinkCluster cluster) => !cluster.PodsReady && cluster.PodsReadyAt is null;

    /// <summary>Cancels the job through the REST API: CANCELLING until the cancel completes.</summary>
    public void BeginCancel(FlinkCluster cluster, DateTimeOffset now)
    {
        cluster.JobState = OperatorJobStates.Cancelling;
        cluster.CancelledAt = now + timings.CancelDuration;
    }

    /// <summary>Stops the job with a savepoint; the JobManager stays up. Returns the savepoint's location.</summary>
    public string StopWithSavepoint(ApplicationRuntime app, JsonObject spec)
    {
        var cluster = app.Cluster!;
        StopJob(app, cluster, OperatorJobStates.Finished);
        var directory = FlinkConfiguration.Get(spec, FlinkConfiguration.SavepointDirectory) ?? "file:///flink-data/savepoints";
        return $"{directory.TrimEnd('/')}/savepoint-{random.Hex(6)}-{random.Hex(12)}";
    }

    /// <summary>
    /// POST /jobs/:id/savepoints (AbstractFlinkService.triggerSavepoint): the trigger id of a savepoint into
    /// <paramref name="directory"/> that ends after the savepoint duration, failing when the savepoint knob says so.
    /// </summary>
    public string TriggerSavepoint(ApplicationRuntime app, JsonObject flinkDeployment, string directory, DateTimeOffset now)
    {
        if (app.Cluster is not { } cluster || cluster.JobState != OperatorJobStates.Running)
        {
            throw new InvalidOperationException("org.apache.flink.runtime.rest.util.RestClientException: [Job is not running.]");
        }
        var triggerId = random.Hex(32);
        var fails = SimulatorKnobs.ShouldSavepointFail(flinkDeployment, app.FailedSavepoints);
        if (fails)
        {
            app.FailedSavepoints++;
        }
        cluster.Savepoints[triggerId] = new TriggeredSavepoint(
            now + timings.SavepointDuration,
            fails ? null : $"{directory.TrimEnd('/')}/savepoint-{cluster.JobId[..6]}-{random.Hex(12)}",
            fails ? "org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before completing." : null);
        return triggerId;
    }

    /// <summary>
    /// GET /jobs/:id/savepoints/:triggerId (AbstractFlinkService.fetchSavepointInfo L652-690): pending until the savepoint
    /// ends, then its location or its failure cause (SerializedThrowable.toString); an unknown trigger is a REST error.
    /// </summary>
    public static SavepointFetchResult FetchSavepoint(ApplicationRuntime? app, string triggerId, DateTimeOffset now)
    {
        if (app?.Cluster is not { } cluster || cluster.RestReadyAt is null || !cluster.Savepoints.TryGetValue(triggerId, out var savepoint))
        {
            return new SavepointFetchResult(false, null, $"org.apache.flink.runtime.rest.util.RestClientException: [Operation not found under key: {triggerId}]");
        }
        return now < savepoint.EndsAt ? new SavepointFetchResult(true, null, null) : new SavepointFetchResult(false, savepoint.Location, savepoint.FailureCause);
    }

    /// <summary>Deletes the JobManager Deployment; its pods and the TaskManagers go with it.</summary>
    public void Delete(ApplicationRuntime app)
    {
        if (app.Cluster is not { } cluster)
        {
            return;
        }
        app.Cluster = null;
        try
        {
            var deleted = store.Delete(ResourceTypes.Deployments, app.Key, new DeletePreconditions(cluster.DeploymentUid, null), ChangeOrigin.Cluster);
            garbageCollector.CollectAfterDeletion(deleted);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Already gone, or replaced by someone else's Deployment of the same name: not ours to delete.
        }
    }

    /// <summary>True when the cluster's Deployment is still the one the simulation created.</summary>
    public bool Exists(ApplicationRuntime app, FlinkCluster cluster) =>
        store.Get(ResourceTypes.Deployments, app.Key)?.Uid == cluster.DeploymentUid;

    public static JsonObject ClusterInfo(FlinkCluster cluster)
    {
        var spec = cluster.Spec;
        var taskManagers = Math.Max(1, cluster.TaskManagerPods.Count);
        var cpu = Cpu(spec, "jobManager") + (Cpu(spec, "taskManager") * taskManagers);
        var memory = MemoryBytes(spec, "jobManager") + (MemoryBytes(spec, "taskManager") * taskManagers);
        return new JsonObject
        {
            ["flink-revision"] = "a1b2c3d @ 2025-01-01T00:00:00+01:00",
            ["flink-version"] = FlinkVersionOf(spec),
            ["total-cpu"] = cpu.ToString("0.0", CultureInfo.InvariantCulture),
            ["total-memory"] = memory.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static string JobNameOf(JsonObject spec)
    {
        var entryClass = spec.StringAt("job", "entryClass");
        if (!string.IsNullOrEmpty(entryClass))
        {
            return entryClass[(entryClass.LastIndexOf('.') + 1)..];
        }
        var jar = spec.StringAt("job", "jarURI") ?? "job.jar";
        var file = jar[(jar.LastIndexOf('/') + 1)..];
        return file.EndsWith(".jar", StringComparison.Ordinal) ? file[..^4] : file;
    }

    private void StopJob(ApplicationRuntime app, FlinkCluster cluster, string finalState)
    {
        cluster.JobState = finalState;
        foreach (var pod in cluster.TaskManagerPods)
        {
            try
            {
                store.Delete(ResourceTypes.Pods, new ObjectKey(app.Key.Namespace, pod), null, ChangeOrigin.Cluster);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone.
            }
        }
        cluster.TaskManagerPods.Clear();
    }

    private void CreateTaskManagers(ApplicationRuntime app, FlinkCluster cluster, DateTimeOffset now)
    {
        var name = app.Key.Name;
        var annotations = PodTemplateAnnotations(cluster.Spec, "taskManager");
        for (var i = 1; i <= JobSpec.TaskManagerCount(cluster.Spec); i++)
        {
            var podName = $"{name}-taskmanager-1-{i}";
            var pod = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = new JsonObject
                {
                    ["name"] = podName,
                    ["namespace"] = app.Key.Namespace,
                    ["labels"] = Labels(name, "taskmanager"),
                    ["annotations"] = annotations.DeepClone(),
                    ["ownerReferences"] = new JsonArray(OwnerReference("apps/v1", "Deployment", name, cluster.DeploymentUid, controller: true)),
                },
                ["spec"] = PodSpec(cluster.Spec, "taskManager", ["kubernetes-taskmanager.sh"]),
            };
            pod.ObjectAt("spec")!["nodeName"] = random.Pick(Nodes);
            pod["status"] = RunningPodStatus(pod, now, ready: true, random);
            try
            {
                store.Create(ResourceTypes.Pods, pod, ChangeOrigin.Cluster);
                cluster.TaskManagerPods.Add(podName);
            }
            catch (ApiException e) when (e.Code is 404 or 409)
            {
                // The namespace is going away, or a leftover pod holds the name.
            }
        }
    }

    private void UpdateStatus(ResourceType type, ObjectKey key, Func<JsonObject, JsonObject> status)
    {
        if (store.Get(type, key) is not { } stored)
        {
            return;
        }
        var obj = stored.ToJsonObject();
        obj["status"] = status(obj);
        obj.Metadata().Remove("resourceVersion");
        store.Update(type, obj, UpdateTarget.Status, ChangeOrigin.Cluster);
    }

    private static string FlinkVersionOf(JsonObject spec) => spec.StringAt("flinkVersion") switch
    {
        "v1_17" => "1.17.2",
        "v1_18" => "1.18.1",
        "v1_19" => "1.19.2",
        "v1_20" => "1.20.1",
        "v2_0" => "2.0.0",
        "v2_1" => "2.1.0",
        "v2_2" => "2.2.0",
        { } other when other.StartsWith('v') => other[1..].Replace('_', '.') + ".0",
        _ => "1.20.1",
    };
}

/// <summary>One job of Flink's REST job overview.</summary>
internal sealed record RestJob(string JobId, string State, string Name, DateTimeOffset StartTime);
