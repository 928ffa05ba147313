using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Storage.Views;

namespace Cmf.Bench.Scale;

/// <summary>Reads the seeded store back through the product's own queries and fails unless it holds what the shape says.</summary>
public static class SeedCheck
{
    public static async Task VerifyAsync(string directory, ScaleShape shape, CancellationToken cancellationToken)
    {
        await using var provider = new SqliteStoreProvider(SqliteStoreOptions.InDirectory(directory));
        var queries = new StoreQueries(provider);
        var list = await queries.ListApplicationsAsync(new ApplicationListQuery { PageSize = 1 }, cancellationToken);
        Check(list.TotalCount == shape.Applications, $"{list.TotalCount} applications listed, {shape.Applications} seeded");
        var environments = await queries.ListEnvironmentsAsync(cancellationToken);
        Check(environments.Count == shape.Environments, $"{environments.Count} environments, {shape.Environments} seeded");

        var n = shape.InstancesPerApplication;
        foreach (var app in new[] { 0, shape.Applications / 2, shape.Applications - 1 }.Distinct())
        {
            var key = new ApplicationKey(StoreSeeder.Environment(app % shape.Environments), StoreSeeder.ApplicationName(app));
            var detail = await queries.GetApplicationAsync(key, cancellationToken);
            Check(detail is not null, $"{key} missing");
            var summary = detail!.Summary;
            Check(summary.InstanceCount == n, $"{key}: {summary.InstanceCount} instances, expected {n}");
            Check(summary.LatestInstance?.Sequence == n && summary.CurrentInstance?.Sequence == n, $"{key}: latest/current is not #{n}");
            Check(summary.JobState == JobState.Running && !summary.PendingUpgrade, $"{key}: not running the latest instance");
            var timeline = await queries.GetTimelineAsync(key, range: null, cancellationToken);
            Check(timeline!.Instances.Count == n && timeline.Clusters.Count == n, $"{key}: timeline has {timeline.Instances.Count} instances, {timeline.Clusters.Count} clusters");
            Check(timeline.Clusters.Count(c => c.EndedAt is null) == 1, $"{key}: not exactly one live cluster");
            var events = await queries.ListEventsAsync(key, 0, 1, cancellationToken);
            Check(events!.TotalCount is > 0 and <= 100, $"{key}: {events.TotalCount} events");
            var instance = await queries.GetInstanceAsync(key, summary.LatestInstance!.Uid, cancellationToken);
            Check(instance?.EffectiveSpecJson is { Length: > 0 } && instance.Clusters.Count == 1, $"{key}: latest instance lacks its spec or cluster");
            Check(instance!.Instance.Outcome?.Kind == Core.Tracking.InstanceOutcomeKind.Current, $"{key}: the latest instance's stored outcome is not current");
        }
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The seeded store is not what the product would have written: " + failure);
        }
    }
}
