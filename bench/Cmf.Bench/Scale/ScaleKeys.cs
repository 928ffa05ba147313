using Cmf.Core.Model;
using Cmf.Core.Storage;

namespace Cmf.Bench.Scale;

/// <summary>One randomised request: an application, two of its instances, and page numbers within its lists.</summary>
public sealed record ScaleKey(ApplicationKey Application, string InstanceUid, string OtherInstanceUid, int ApplicationPage, int InstancePage, int EventPage);

public static class ScaleKeys
{
    public const int PageSize = 20;

    /// <summary>Picks random applications of the shape and reads (untimed) two instance UIDs of each through the product's queries.</summary>
    public static async Task<IReadOnlyList<ScaleKey>> PickAsync(StoreQueries queries, ScaleShape shape, int count, Random random, CancellationToken cancellationToken)
    {
        var keys = new List<ScaleKey>(count);
        var applicationPages = Math.Max(1, shape.Applications / shape.Environments / PageSize);
        var listPages = Math.Max(1, shape.InstancesPerApplication / PageSize);
        for (var i = 0; i < count; i++)
        {
            var app = random.Next(shape.Applications);
            var application = new ApplicationKey(StoreSeeder.Environment(app % shape.Environments), StoreSeeder.ApplicationName(app));
            var timeline = await queries.GetTimelineAsync(application, range: null, cancellationToken)
                ?? throw new InvalidOperationException($"{application} is not in the seeded store.");
            var first = timeline.Instances[random.Next(timeline.Instances.Count)].Uid;
            var second = timeline.Instances[random.Next(timeline.Instances.Count)].Uid;
            keys.Add(new ScaleKey(application, first, second, random.Next(applicationPages), random.Next(listPages), random.Next(listPages)));
        }
        return keys;
    }
}
