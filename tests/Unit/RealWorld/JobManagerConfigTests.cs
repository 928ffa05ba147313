using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// The Flink configuration FKO generated for a cluster, as the Flink web UI showed it: the annotation and owner
/// reference it asks Flink to put on the JobManager Deployment. No real JobManager Deployment object was found
/// (realworld/README.md), so this is the only real evidence of that metadata.
/// </summary>
public sealed class JobManagerConfigTests
{
    public const string File = "jobmanager-fko-generated-config-annotations-ownerref.txt";

    private static IReadOnlyDictionary<string, string> Options => FlinkConfigTable.Read(RealWorldFile.Open(File).Body);

    [Fact]
    public void The_table_names_an_application_cluster_after_its_flink_deployment()
    {
        var options = Options;

        Assert.Equal(8, options.Count);
        Assert.Equal("work-xxa939", options["kubernetes.cluster-id"]);
        Assert.Equal("org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint", options["kubernetes.internal.jobmanager.entrypoint.class"]);
        Assert.Matches("^/tmp/flink_op_generated_podTemplate_[0-9]+\\.yaml$", options["kubernetes.pod-template-file.jobmanager"]);
    }

    [Fact]
    public void The_jobmanager_is_annotated_with_the_generation_under_the_key_the_watcher_reads()
    {
        var annotations = FlinkConfigTable.ReadMap(Options["kubernetes.jobmanager.annotations"]);

        var (key, value) = Assert.Single(annotations);

        Assert.Equal((MetadataKeys.GenerationAnnotation, "2"), (key, value));
    }

    [Fact]
    public void The_jobmanager_is_owned_by_its_flink_deployment_which_blocks_deletion_without_controlling_it()
    {
        var options = Options;
        var owner = FlinkConfigTable.ReadMap(options["kubernetes.jobmanager.owner.reference"]);

        Assert.Equal(
            [
                ("name", options["kubernetes.cluster-id"]),
                ("uid", "5aed40ed40c"),
                ("kind", FlinkDeploymentReader.Kind),
                ("apiVersion", "flink.apache.org/v1beta1"),
                ("blockOwnerDeletion", "true"),
                ("controller", "false"),
            ],
            owner.Select(o => (o.Key, o.Value)));
    }

    [Fact]
    public void A_jobmanager_deployment_carrying_that_metadata_is_mapped_to_generation_2_of_its_application()
    {
        var options = Options;
        var name = options["kubernetes.cluster-id"];
        var annotations = FlinkConfigTable.ReadMap(options["kubernetes.jobmanager.annotations"]);
        var owner = FlinkConfigTable.ReadMap(options["kubernetes.jobmanager.owner.reference"]);
        // Labels as FKO's native mode sets them (DESIGN 3.1); uid and namespace are the test's.
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = "flink",
                ["uid"] = "b0c6e1f2-5a1e-4f7e-9a57-0d3c3c1f0a11",
                ["labels"] = new JsonObject { ["app"] = name, ["component"] = "jobmanager", ["type"] = "flink-native-kubernetes" },
                ["annotations"] = new JsonObject([.. annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]),
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = owner["apiVersion"],
                    ["kind"] = owner["kind"],
                    ["name"] = owner["name"],
                    ["uid"] = owner["uid"],
                    ["blockOwnerDeletion"] = bool.Parse(owner["blockOwnerDeletion"]),
                    ["controller"] = bool.Parse(owner["controller"]),
                }),
            },
        };

        var observed = Assert.IsType<JobManagerDeploymentObserved>(
            ObservationMapper.MapJobManagerDeployment(new EnvironmentInfo("flink", "flink"), deployment));

        Assert.Equal((new ApplicationKey("flink", "work-xxa939"), 2L), (observed.Application, observed.Deployment.GenerationAnnotation));
        Assert.Equal("flink-native-kubernetes", observed.Deployment.DeploymentType);
    }
}
