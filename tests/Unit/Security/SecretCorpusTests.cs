using System.Text;
using System.Text.Json.Nodes;
using Cmf.Dashboard;
using Cmf.Dashboard.Model;
using Cmf.UnitTests.Security.Support;

namespace Cmf.UnitTests.Security;

/// <summary>
/// DESIGN 3.2 rule 10 against the attack of issue 13: fifty secret shapes in realistic FlinkDeployments and operator
/// errors, ingested by the real dashboard, must leak on no surface (both APIs in JSON and YAML, every page, the diff,
/// the hub, the SQLite file and its log), while the text around each secret stays readable there.
/// </summary>
public sealed class SecretCorpusTests(SecretCorpusDashboard corpus) : IClassFixture<SecretCorpusDashboard>
{
    private const string Orders = SecretCorpusDashboard.Orders;
    private const string Payments = SecretCorpusDashboard.Payments;

    [Fact]
    public void The_corpus_holds_at_least_forty_distinct_shapes_each_with_its_own_marker()
    {
        Assert.True(SecretCorpus.Shapes.Count >= 40, $"only {SecretCorpus.Shapes.Count} shapes");
        Assert.Equal(SecretCorpus.Markers.Count, SecretCorpus.Markers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(SecretCorpus.Markers, a => Assert.DoesNotContain(SecretCorpus.Markers, b => b != a && b.Contains(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_simulated_cluster_served_every_marker_in_plain_text()
    {
        Assert.All(SecretCorpus.Markers, marker => Assert.Contains(marker, corpus.ServedObjects, StringComparison.Ordinal));
    }

    [Fact]
    public void No_marker_appears_on_any_surface()
    {
        var leaks = (
            from surface in corpus.Surfaces
            from marker in SecretCorpus.Markers
            where surface.Raw.Contains(marker, StringComparison.Ordinal) || surface.Readable.Contains(marker, StringComparison.Ordinal)
            select $"{marker} on {surface.Name}").ToList();

        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join('\n', leaks));
        Assert.True(corpus.Surfaces.Count > 60, $"only {corpus.Surfaces.Count} surfaces were read");
    }

    [Fact]
    public void Every_spec_shape_keeps_the_text_around_its_secret_on_every_surface_that_shows_the_spec()
    {
        var surfaces = corpus.SpecSurfacesOf(Orders, corpus.OrdersInstanceUids[0])
            .Concat(corpus.SpecSurfacesOf(Orders, corpus.OrdersInstanceUids[^1]))
            .Concat(corpus.SpecSurfacesOf(Payments, corpus.PaymentsInstanceUids[0]))
            .Append(corpus.Surface("page " + DashboardUrls.ApplicationUrl(SecretCorpusDashboard.Environment, Orders, ApplicationTab.Spec)))
            .ToList();

        AssertNeighboursOn(surfaces, shape => shape.SpecNeighbours);
    }

    [Fact]
    public void Every_status_shape_keeps_the_text_around_its_secret_on_every_surface_that_shows_the_error()
    {
        var first = corpus.OrdersInstanceUids[0];
        var application = $"/cmf/api/v1/environments/{SecretCorpusDashboard.Environment}/applications/{Orders}";
        var events = $"/cmf/api/v1alpha1/environments/{SecretCorpusDashboard.Environment}/applications/{Orders}/events?size=500";
        SurfaceText[] surfaces =
        [
            corpus.Surface("cmf json " + application),
            corpus.Surface("cmf yaml " + application),
            corpus.Surface("cmf json " + events),
            corpus.Surface("cmf yaml " + events),
            corpus.Surface($"api json /api/v1/instances/{first}"),
            corpus.Surface("page " + DashboardUrls.InstanceUrl(SecretCorpusDashboard.Environment, Orders, first)),
            corpus.Surface("page " + DashboardUrls.ApplicationUrl(SecretCorpusDashboard.Environment, Orders, ApplicationTab.Events)),
            corpus.Surface("hub pushes"),
        ];

        AssertNeighboursOn(surfaces, shape => shape.StatusNeighbours);
        Assert.Contains(SecretCorpus.Shapes, s => s.StatusNeighbours.Length > 0);
    }

    [Fact]
    public void The_database_file_and_its_log_hold_no_marker_but_hold_the_text_around_them()
    {
        var files = Directory.GetFiles(corpus.DataDirectory, "cmf.db*");
        var bytes = files.Select(File.ReadAllBytes).ToList();

        var leaks = (
            from marker in SecretCorpus.Markers
            from file in files.Zip(bytes)
            where file.Second.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0
            select $"{marker} in {Path.GetFileName(file.First)}").ToList();

        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join('\n', leaks));
        foreach (var stored in new[] { "@artifacts.example.com/orders.jar", "-Djavax.net.ssl.keyStorePassword=", "S3 refused credentials" })
        {
            Assert.True(bytes.Exists(b => b.AsSpan().IndexOf(Encoding.UTF8.GetBytes(stored)) >= 0), $"\"{stored}\" is in no file of the store: the check above read the wrong files");
        }
    }

    [Fact]
    public void The_diff_of_two_instances_differing_only_in_a_secret_says_that_secret_changed()
    {
        var diff = JsonNode.Parse(corpus.Surface("api json " + DashboardUrls.ApiDiffUrl(
            SecretCorpusDashboard.Environment, Orders, corpus.OrdersInstanceUids[0], corpus.OrdersInstanceUids[^1])).Raw)!;
        var changed = diff["hunks"]!.AsArray().SelectMany(h => h!["lines"]!.AsArray()).Where(l => l!["kind"]!.GetValue<string>() != "context").ToList();

        Assert.Equal((0, 0, 1), (diff["added"]!.GetValue<int>(), diff["removed"]!.GetValue<int>(), diff["changed"]!.GetValue<int>()));
        Assert.All(changed, line =>
        {
            Assert.True(line!["secretChanged"]!.GetValue<bool>());
            Assert.Contains("jarURI: https://ci:******@artifacts.example.com/orders.jar", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Equal(2, changed.Count);
        Assert.Contains("secret changed", corpus.Surface("page " + DashboardUrls.DiffUrl(
            SecretCorpusDashboard.Environment, Orders, corpus.OrdersInstanceUids[0], corpus.OrdersInstanceUids[^1])).Readable, StringComparison.Ordinal);
    }

    [Fact]
    public void A_savepoint_path_the_operator_wrote_under_a_directory_with_user_info_is_shown_masked()
    {
        var instance = JsonNode.Parse(corpus.Surface($"api json /api/v1/instances/{corpus.PaymentsInstanceUids[0]}").Raw)!;

        Assert.StartsWith("s3://AKIAEXAMPLE:******@flink-savepoints/payments/savepoint-", instance["stopSavepointPath"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static void AssertNeighboursOn(IEnumerable<SurfaceText> surfaces, Func<SecretShape, string[]> neighboursOf)
    {
        var missing = (
            from surface in surfaces
            from shape in SecretCorpus.Shapes
            from neighbour in neighboursOf(shape)
            where !surface.Readable.Contains(neighbour, StringComparison.Ordinal)
            select $"{shape}: \"{neighbour}\" missing on {surface.Name}").ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }
}
