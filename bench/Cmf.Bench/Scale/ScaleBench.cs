using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.E2ETests;

namespace Cmf.Bench.Scale;

/// <summary>
/// Part "scale": the product's reads and the matching API responses on a store of 1,000,000 instances
/// (10,000 applications x 100) next to the same reads on a store of 100 instances (1 application x 100).
/// </summary>
public static class ScaleBench
{
    private const string Part = "scale";
    private const double TargetP95Milliseconds = 100;
    private const double TargetRatio = 2;

    public static async Task RunAsync(BenchContext context)
    {
        var large = context.Quick
            ? new ScaleShape("large", Applications: 1_000, InstancesPerApplication: 10, Environments: 10, CommitBatchApplications: 20)
            : new ScaleShape("large", Applications: 10_000, InstancesPerApplication: 100, Environments: 10, CommitBatchApplications: 20);
        var small = new ScaleShape("small", Applications: 1, InstancesPerApplication: 100, Environments: 1, CommitBatchApplications: 20);
        var samples = context.Quick ? 50 : 200;
        var warmUp = context.Quick ? 10 : 30;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromHours(2));
        var cancellationToken = cancellation.Token;

        using var smallDirectory = context.Scratch("scale-small");
        using var largeDirectory = context.Scratch("scale-large");
        var figures = new List<Figure>();
        foreach (var (shape, directory) in new[] { (small, smallDirectory.Path), (large, largeDirectory.Path) })
        {
            Console.WriteLine($"scale: seeding {shape.Name} ({shape.Applications:N0} applications x {shape.InstancesPerApplication} instances) in {directory}");
            var report = await new StoreSeeder(shape).SeedAsync(directory, cancellationToken);
            Console.WriteLine($"scale: seeded {shape.Instances:N0} instances from {report.Observations:N0} observations in {report.Elapsed.TotalSeconds:0.0}s "
                + $"(specs + tracker {report.Tracking.TotalSeconds:0.0}s, writer {report.Committing.TotalSeconds:0.0}s), {report.DatabaseBytes / 1048576.0:0} MiB");
            await SeedCheck.VerifyAsync(directory, shape, cancellationToken);
            if (shape == large)
            {
                figures.Add(new Figure(Part, $"seed {shape.Instances:N0} instances through tracker and store writer", report.Elapsed.TotalSeconds, "s",
                    Note: $"{report.Observations:N0} observations, {report.DatabaseBytes / 1048576.0:N0} MiB"));
            }
        }

        var random = new Random(8);
        await using (var smallStore = new SqliteStoreProvider(SqliteStoreOptions.InDirectory(smallDirectory.Path)))
        await using (var largeStore = new SqliteStoreProvider(SqliteStoreOptions.InDirectory(largeDirectory.Path)))
        {
            var smallQueries = new StoreQueries(smallStore);
            var largeQueries = new StoreQueries(largeStore);
            var smallKeys = await ScaleKeys.PickAsync(smallQueries, small, samples, random, cancellationToken);
            var largeKeys = await ScaleKeys.PickAsync(largeQueries, large, samples, random, cancellationToken);
            figures.AddRange(await CompareAsync(
                ScaleOperations.Queries(smallQueries, cancellationToken), smallKeys,
                ScaleOperations.Queries(largeQueries, cancellationToken), largeKeys, warmUp, large));

            await using var smallDashboard = await StartDashboardAsync(smallDirectory.Path);
            await using var largeDashboard = await StartDashboardAsync(largeDirectory.Path);
            using var smallHttp = new HttpClient { BaseAddress = smallDashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            using var largeHttp = new HttpClient { BaseAddress = largeDashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            figures.AddRange(await CompareAsync(
                ScaleOperations.Http(smallHttp, cancellationToken), smallKeys,
                ScaleOperations.Http(largeHttp, cancellationToken), largeKeys, warmUp, large));
        }

        await ResultsFile.WriteAsync(context, Part, figures);
    }

    /// <summary>The dashboard in its own process serving the seeded database as it is (no cluster watched).</summary>
    private static Task<DashboardProcess> StartDashboardAsync(string dataDirectory) =>
        DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:DataDirectory"] = dataDirectory,
            ["Cmf:Cluster:Mode"] = "None",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        });

    private static async Task<IReadOnlyList<Figure>> CompareAsync(
        IReadOnlyList<ScaleOperation> smallOperations, IReadOnlyList<ScaleKey> smallKeys,
        IReadOnlyList<ScaleOperation> largeOperations, IReadOnlyList<ScaleKey> largeKeys, int warmUp, ScaleShape large)
    {
        var size = large.Instances >= 1_000_000 ? "1M" : $"{large.Instances:N0}";
        var figures = new List<Figure>();
        foreach (var (s, l) in smallOperations.Zip(largeOperations))
        {
            var (small, big) = await LatencySampler.SampleInTurnsAsync(l.Name, s.RunAsync, smallKeys, l.RunAsync, largeKeys, warmUp);
            Console.WriteLine($"scale: {l.Name}: p50 {big.P50:0.00} ms (small {small.P50:0.00}), p95 {big.P95:0.00} ms (small {small.P95:0.00})");
            var p50 = new Figure(Part, $"{l.Name} p50 at {size}", big.P50, "ms", small.P50, "100 instances", $"ratio <= {TargetRatio}");
            var p95 = new Figure(Part, $"{l.Name} p95 at {size}", big.P95, "ms", small.P95, "100 instances", $"<= {TargetP95Milliseconds} ms, ratio <= {TargetRatio}");
            figures.Add(p50 with { Met = p50.Ratio <= TargetRatio });
            figures.Add(p95 with { Met = big.P95 <= TargetP95Milliseconds && p95.Ratio <= TargetRatio });
        }
        return figures;
    }
}
