using System.Net;

namespace Cmf.UnitTests.Telemetry;

public sealed class MetricsEndpointTests(MetricsScenario scenario) : IClassFixture<MetricsScenario>
{
    [Fact]
    public async Task The_scrape_counts_the_three_applications_and_five_instances_stored()
    {
        var scrape = await scenario.ScrapeAsync();

        Assert.Equal(3, scrape.Single("cmf_applications"));
        Assert.Equal(5, scrape.Single("cmf_instances"));
        Assert.Equal(0, scrape.Single("cmf_instances_pruned_total"));
    }

    [Fact]
    public async Task A_single_replica_leads_and_its_hub_broadcaster_is_the_one_feed_subscriber()
    {
        var scrape = await scenario.ScrapeAsync();

        Assert.Equal(1, scrape.Single("cmf_leader"));
        // No page is open and no hub client connected: the only subscriber is the hub's broadcaster, which subscribes at start.
        Assert.Equal(1, scrape.Single("cmf_feed_subscribers"));
        Assert.Equal(0, scrape.Single("cmf_circuits"));
        Assert.Equal(0, scrape.Single("cmf_hub_connections"));
        Assert.Equal(0, scrape.Single("cmf_ingest_commit_failures_total"));
    }

    [Fact]
    public async Task Watch_events_count_the_spec_changes_by_resource()
    {
        var scrape = await scenario.ScrapeAsync();

        // The three FlinkDeployments came in the first list, not as events, and the two spec changes as two MODIFIED events.
        // The simulated operator also writes status after each change, each write one more MODIFIED event, and how many
        // of those land before the scrape depends on its timing: so at least two, not exactly two.
        Assert.True(scrape.Single("cmf_watch_events_total", ("resource", "flinkdeployments")) >= MetricsScenario.Changed.Length);
        Assert.Contains(scrape.Samples, s => s.Name == "cmf_watch_events_total" && s.Labels.GetValueOrDefault("resource") == "deployments");
        Assert.Contains(scrape.Samples, s => s.Name == "cmf_watch_events_total" && s.Labels.GetValueOrDefault("resource") == "pods");
    }

    [Fact]
    public async Task Each_watch_reports_its_lag_and_the_pipeline_its_batches()
    {
        var scrape = await scenario.ScrapeAsync();

        var lags = scrape.Samples.Where(s => s.Name == "cmf_watch_lag_seconds").ToList();
        // The event and snapshot watches report a lag once they have seen an object, which depends on the operator's timing.
        var watches = lags.Select(s => s.Labels["watch"]).ToList();
        Assert.Subset(watches.ToHashSet(), new HashSet<string> { "FlinkDeployment/*", "JobManagerDeployment/*", "JobManagerPod/*" });
        Assert.Subset(Enum.GetNames<Cmf.Core.Kubernetes.ResourceKind>().Select(k => k + "/*").ToHashSet(), watches.ToHashSet());
        Assert.Equal(watches.Count, watches.Distinct().Count());
        Assert.All(lags, s => Assert.True(s.Value >= 0));
        // The spec changes were committed after the dashboard started, so after the exporter listened: at least one batch each
        // (the first lists may have been committed before it listened, and the operator's status writes add batches).
        Assert.True(scrape.Single("cmf_ingest_batch_size_count") >= MetricsScenario.Changed.Length);
        Assert.True(scrape.Single("cmf_ingest_commit_duration_seconds_count") >= MetricsScenario.Changed.Length);
        Assert.Equal(0, scrape.Single("cmf_ingest_queue_depth"));
    }

    [Fact]
    public async Task AspNet_cores_own_request_metrics_are_exported()
    {
        (await scenario.Dashboard.GetAsync("/healthz")).Dispose();

        var scrape = await scenario.ScrapeAsync();

        Assert.Contains("http_server_request_duration_seconds_count", scrape.Names);
    }

    [Fact]
    public async Task The_dashboards_own_port_does_not_serve_metrics()
    {
        using var answer = await scenario.Dashboard.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task The_metrics_port_serves_nothing_but_metrics()
    {
        using var answer = await scenario.Metrics.GetAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
