using Cmf.Core.Attribution;
using Cmf.Core.Model;

namespace Cmf.UnitTests.Attribution;

public sealed class DeliveryTrackingTests
{
    private static readonly Dictionary<string, string> None = [];

    [Theory]
    [InlineData("payments:flink.apache.org/FlinkDeployment:team-a/orders", "Argo CD application payments")]
    [InlineData("apps_payments:flink.apache.org/FlinkDeployment:team-a/orders", "Argo CD application apps_payments")]
    [InlineData("payments", "Argo CD application payments")]
    public void Argo_cd_tracking_id_names_the_application(string trackingId, string expected)
    {
        var annotations = new Dictionary<string, string> { [MetadataKeys.ArgoCdTrackingId] = trackingId };

        Assert.Equal(expected, DeliveryTracking.Describe(None, annotations, manager: null, managedByCmf: false));
    }

    [Fact]
    public void An_empty_tracking_id_names_nothing()
    {
        var annotations = new Dictionary<string, string> { [MetadataKeys.ArgoCdTrackingId] = ":apps/Deployment:ns/x" };

        Assert.Null(DeliveryTracking.Describe(None, annotations, manager: null, managedByCmf: false));
    }

    [Fact]
    public void The_instance_label_names_an_argo_cd_application_only_when_argo_cd_wrote_the_change()
    {
        var labels = new Dictionary<string, string> { [MetadataKeys.InstanceLabel] = "payments" };

        Assert.Equal(
            ("Argo CD application payments", null),
            (DeliveryTracking.Describe(labels, None, DeliveryTracking.ArgoCdManager, managedByCmf: false),
             DeliveryTracking.Describe(labels, None, "helm", managedByCmf: false)));
    }

    [Fact]
    public void Flux_kustomization_labels_name_the_kustomization_with_its_namespace()
    {
        var labels = new Dictionary<string, string>
        {
            [MetadataKeys.FluxKustomizationName] = "apps",
            [MetadataKeys.FluxKustomizationNamespace] = "flux-system",
        };

        Assert.Equal("Flux Kustomization flux-system/apps", DeliveryTracking.Describe(labels, None, "kustomize-controller", managedByCmf: false));
    }

    [Fact]
    public void Flux_helm_release_labels_name_the_helm_release()
    {
        var labels = new Dictionary<string, string>
        {
            [MetadataKeys.FluxHelmReleaseName] = "orders",
            [MetadataKeys.FluxHelmReleaseNamespace] = "team-a",
        };

        Assert.Equal("Flux HelmRelease team-a/orders", DeliveryTracking.Describe(labels, None, "helm-controller", managedByCmf: false));
    }

    [Fact]
    public void Helm_annotations_name_the_release()
    {
        var annotations = new Dictionary<string, string>
        {
            [MetadataKeys.HelmReleaseName] = "orders",
            [MetadataKeys.HelmReleaseNamespace] = "team-a",
        };

        Assert.Equal("Helm release team-a/orders", DeliveryTracking.Describe(None, annotations, "helm", managedByCmf: false));
    }

    [Fact]
    public void A_cmf_managed_spec_without_other_marks_names_cmf()
    {
        Assert.Equal("Confluent Manager for Apache Flink", DeliveryTracking.Describe(None, None, manager: null, managedByCmf: true));
    }

    [Fact]
    public void An_object_without_marks_has_no_origin()
    {
        Assert.Null(DeliveryTracking.Describe(None, None, "kubectl-patch", managedByCmf: false));
    }

    [Fact]
    public void A_hostile_application_name_is_made_inert()
    {
        var annotations = new Dictionary<string, string> { [MetadataKeys.ArgoCdTrackingId] = "pay\u202Ements\u0007<b>:x" };

        Assert.Equal("Argo CD application pay\uFFFDments\uFFFD<b>", DeliveryTracking.Describe(None, annotations, manager: null, managedByCmf: false));
    }
}
