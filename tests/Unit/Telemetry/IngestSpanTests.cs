using System.Collections.Concurrent;
using System.Diagnostics;
using Cmf.Core.Telemetry;
using Cmf.UnitTests.Ingest;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Telemetry;

public sealed class IngestSpanTests
{
    private const string TestSourceName = "Cmf.UnitTests.IngestSpans";

    [Fact]
    public async Task The_first_list_is_committed_in_a_span_that_names_its_batch_size_and_applications()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CmfActivities.SourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => spans.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(listener);
        using var testSource = new ActivitySource(TestSourceName);
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace("analytics");
        simulator.Api.CreateFlinkDeployment("analytics", FlinkDeploymentBuilder.Named("orders").Build());
        simulator.Api.CreateFlinkDeployment("analytics", FlinkDeploymentBuilder.Named("payments").Build());

        // The watcher's tasks inherit this span, so its commit spans are ours alone among the tests running alongside.
        using var test = testSource.StartActivity("test");
        Assert.NotNull(test);
        await using var cluster = await WatchedCluster.StartAsync(simulator);

        var commits = spans.Where(s => s.TraceId == test.TraceId && s.Source.Name == CmfActivities.SourceName).ToList();
        Assert.NotEmpty(commits);
        Assert.All(commits, s => Assert.Equal("cmf.ingest.commit", s.OperationName));
        // Both FlinkDeployments arrive in one list, and a list is one signal: one batch holds both applications.
        Assert.Contains(commits, s => Equals(s.GetTagItem("cmf.batch.applications"), 2) && (int)s.GetTagItem("cmf.batch.size")! >= 2);
    }
}
