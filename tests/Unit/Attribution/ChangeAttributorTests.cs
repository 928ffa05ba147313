using System.Text.Json.Nodes;
using Cmf.Core.Attribution;
using Cmf.Core.Model;
using Cmf.UnitTests.Specs;

namespace Cmf.UnitTests.Attribution;

public sealed class ChangeAttributorTests
{
    private static readonly JsonObject Spec = Json.Object("""
        {"image":"flink:1.20","job":{"parallelism":4,"upgradeMode":"savepoint"},"jobManager":{"resource":{"cpu":1,"memory":"2048m"}}}
        """);

    [Fact]
    public void The_manager_owning_the_changed_field_is_the_writer_even_when_another_manager_wrote_later()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("kubectl-client-side-apply", "2026-01-01T10:00:00Z", "image", "job.upgradeMode", "jobManager.resource.cpu")
            .Entry("kubectl-patch", "2026-01-01T11:00:00Z", "job.parallelism")
            .Entry("ops-script", "2026-01-01T12:00:00Z", "jobManager.resource.memory")
            .Metadata();
        var previous = Json.Object("""{"image":"flink:1.20","job":{"parallelism":2,"upgradeMode":"savepoint"},"jobManager":{"resource":{"cpu":1,"memory":"2048m"}}}""");

        var attribution = Attribute(metadata, previous);

        Assert.Equal(("kubectl-patch", (DateTimeOffset?)DateTimeOffset.Parse("2026-01-01T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture)),
            (attribution?.ChangedBy, attribution?.ChangedAt));
    }

    [Fact]
    public void Without_a_previous_spec_the_latest_manager_owning_spec_fields_is_the_writer()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("kubectl-create", "2026-01-01T10:00:00Z", "image", "job.parallelism")
            .Entry("kubectl-edit", "2026-01-01T10:05:00Z", "image")
            .StatusEntry("fabric8-kubernetes-client", "2026-01-01T10:06:00Z")
            .Metadata();

        Assert.Equal("kubectl-edit", Attribute(metadata, previous: null)?.ChangedBy);
    }

    [Fact]
    public void Status_subresource_writes_never_count_as_spec_changes()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("helm", "2026-01-01T10:00:00Z", "image")
            .StatusEntry("fabric8-kubernetes-client", "2026-01-01T11:00:00Z")
            .Metadata();

        Assert.Equal("helm", Attribute(metadata, previous: null)?.ChangedBy);
    }

    [Fact]
    public void A_number_written_differently_by_the_operators_dump_is_no_change()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("kubectl-client-side-apply", "2026-01-01T10:00:00Z", "image")
            .Entry("kubectl-patch", "2026-01-01T11:30:00Z", "jobManager.resource.cpu")
            .Entry("ops-script", "2026-01-01T11:00:00Z", "job.upgradeMode")
            .Metadata();
        var previous = Json.Object("""{"image":"flink:1.19","entryClass":null,"job":{"parallelism":4,"upgradeMode":"savepoint"},"jobManager":{"resource":{"cpu":1.0,"memory":"2048m"}}}""");

        Assert.Equal("kubectl-client-side-apply", Attribute(metadata, previous)?.ChangedBy);
    }

    [Fact]
    public void A_removed_field_has_no_owner_so_the_latest_spec_writer_is_named()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("kubectl-client-side-apply", "2026-01-01T10:00:00Z", "image", "job.parallelism")
            .Entry("kubectl-edit", "2026-01-01T10:30:00Z", "job.upgradeMode")
            .Metadata();
        var previous = Spec.DeepClone().AsObject();
        previous["serviceAccount"] = "flink";

        Assert.Equal("kubectl-edit", Attribute(metadata, previous)?.ChangedBy);
    }

    [Fact]
    public void Of_two_writes_in_the_same_second_the_one_owning_more_of_the_spec_is_the_writer()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("OpenAPI-Generator", "2022-09-25T16:47:16Z", "image", "job.parallelism", "job.upgradeMode")
            .Entry("okhttp", "2022-09-25T16:47:16Z", "job.args")
            .Metadata();

        Assert.Equal("OpenAPI-Generator", Attribute(metadata, previous: null)?.ChangedBy);
    }

    [Fact]
    public void A_list_is_owned_whole()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("argocd-controller", "2026-01-01T10:00:00Z", "job.args")
            .Entry("kubectl-patch", "2026-01-01T11:00:00Z", "image")
            .Metadata();
        var previous = Json.Object("""{"image":"flink:1.20","job":{"args":["--a"]}}""");
        var spec = Json.Object("""{"image":"flink:1.20","job":{"args":["--a","--b"]}}""");

        Assert.Equal("argocd-controller", ChangeAttributor.Attribute(metadata, ManagedFieldsBuilder.Read(metadata), spec, previous, managedByCmf: false)?.ChangedBy);
    }

    [Fact]
    public void An_object_without_managed_fields_or_tracking_marks_has_no_attribution()
    {
        var metadata = new JsonObject { ["name"] = "orders" };

        Assert.Null(ChangeAttributor.Attribute(metadata, ManagedFieldsBuilder.Read(metadata), Spec, previousSpec: null, managedByCmf: false));
    }

    [Fact]
    public void A_hostile_manager_name_is_stored_inert_and_bounded()
    {
        var hostile = "<script>alert(1)</script>\u202E\u0000" + new string('x', 500);
        var metadata = ManagedFieldsBuilder.New().Entry(hostile, "2026-01-01T10:00:00Z", "image").Metadata();

        var changedBy = Attribute(metadata, previous: null)?.ChangedBy;

        Assert.NotNull(changedBy);
        Assert.StartsWith("<script>alert(1)</script>\uFFFD\uFFFD", changedBy, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', changedBy);
        Assert.True(changedBy.Length <= 129, $"{changedBy.Length} characters");
    }

    [Fact]
    public void Malformed_managed_fields_are_left_out_without_failing()
    {
        var metadata = Json.Object("""
            {"name":"orders","managedFields":[17,{"manager":5},{"manager":"a","fieldsV1":[]},{"manager":"b","time":"yesterday","fieldsV1":{"f:spec":{"f:image":{}}}}]}
            """);

        var attribution = Attribute(metadata, previous: null);

        Assert.Equal(("b", (DateTimeOffset?)null), (attribution?.ChangedBy, attribution?.ChangedAt));
    }

    [Fact]
    public void The_origin_comes_with_the_manager()
    {
        var metadata = ManagedFieldsBuilder.New()
            .Entry("argocd-controller", "2026-01-01T10:00:00Z", "image")
            .Metadata(annotations: new Dictionary<string, string> { [MetadataKeys.ArgoCdTrackingId] = "payments:flink.apache.org/FlinkDeployment:team-a/orders" });

        var attribution = Attribute(metadata, previous: null);

        Assert.Equal(("argocd-controller", "Argo CD application payments"), (attribution?.ChangedBy, attribution?.ChangeOrigin));
    }

    private static ChangeAttribution? Attribute(JsonObject metadata, JsonObject? previous) =>
        ChangeAttributor.Attribute(metadata, ManagedFieldsBuilder.Read(metadata), Spec, previous, managedByCmf: false);
}
