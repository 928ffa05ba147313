using System.Globalization;
using System.Net;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Bench.Scale;

/// <summary>A named read of one kind, for one key.</summary>
public sealed record ScaleOperation(string Name, Func<ScaleKey, Task> RunAsync);

/// <summary>The reads measured: the product's queries, and the API responses that serve them.</summary>
public static class ScaleOperations
{
    public static IReadOnlyList<ScaleOperation> Queries(StoreQueries queries, CancellationToken cancellationToken)
    {
        var size = ScaleKeys.PageSize;
        return
        [
            new("query: application list page", async k =>
                Expect(await queries.ListApplicationsAsync(new ApplicationListQuery { Page = k.ApplicationPage, PageSize = size }, cancellationToken))),
            new("query: instances page", async k =>
                Expect(await queries.ListInstancesAsync(k.Application, new InstanceListQuery { Page = k.InstancePage, PageSize = size }, cancellationToken))),
            new("query: instance by UID", async k =>
            {
                // As the deep link does: resolve the UID alone, then read the instance.
                var found = await queries.FindInstanceAsync(k.InstanceUid, cancellationToken) as InstanceLookup.Found
                    ?? throw new InvalidOperationException($"{k.InstanceUid} not found");
                Expect(await queries.GetInstanceAsync(found.Application, k.InstanceUid, cancellationToken));
            }),
            new("query: events page", async k =>
                Expect(await queries.ListEventsAsync(k.Application, k.EventPage, size, cancellationToken))),
            new("query: timeline items", async k =>
                Expect(await queries.GetTimelineAsync(k.Application, range: null, cancellationToken))),
            new("query: diff (both instances read)", async k =>
            {
                Expect(await queries.GetInstanceAsync(k.Application, k.InstanceUid, cancellationToken));
                Expect(await queries.GetInstanceAsync(k.Application, k.OtherInstanceUid, cancellationToken));
            }),
            // The changes list's first page over every seeded instance: one statement, each row with its stored outcome.
            new("query: changes first page", async _ =>
                ExpectRows(await queries.ListChangesAsync(new ChangeListQuery { From = ChangesFrom, To = ChangesTo, Limit = size }, cancellationToken))),
            new("query: changes first page of one environment", async k =>
                ExpectRows(await queries.ListChangesAsync(
                    new ChangeListQuery { From = ChangesFrom, To = ChangesTo, Environment = k.Application.Environment, Limit = size }, cancellationToken))),
        ];
    }

    public static IReadOnlyList<ScaleOperation> Http(HttpClient http, CancellationToken cancellationToken)
    {
        var size = ScaleKeys.PageSize.ToString(CultureInfo.InvariantCulture);
        static string App(ScaleKey k) => $"environments/{k.Application.Environment}/applications/{k.Application.Name}";
        Task Get(string path) => GetAsync(http, path, cancellationToken);
        return
        [
            new("GET CMF applications page", k => Get($"/cmf/api/v1/environments/{k.Application.Environment}/applications?page={k.ApplicationPage}&size={size}")),
            new("GET CMF instances page", k => Get($"/cmf/api/v1/{App(k)}/instances?page={k.InstancePage}&size={size}")),
            new("GET /api/v1/instances/{uid}", k => Get($"/api/v1/instances/{k.InstanceUid}")),
            new("GET CMF instance", k => Get($"/cmf/api/v1/{App(k)}/instances/{k.InstanceUid}")),
            new("GET CMF events page", k => Get($"/cmf/api/v1alpha1/{App(k)}/events?page={k.EventPage}&size={size}")),
            new("GET /api/v1 timeline", k => Get($"/api/v1/{App(k)}/timeline")),
            new("GET /api/v1 diff", k => Get($"/api/v1/{App(k)}/diff?from={k.InstanceUid}&to={k.OtherInstanceUid}")),
            new("GET /api/v1/changes first page", _ => Get($"/api/v1/changes?from={Iso(ChangesFrom)}&to={Iso(ChangesTo)}&size={size}")),
            // The pages themselves (server prerendered), the changes page beside the application list on the same store.
            new("GET /applications page", _ => Get("/applications")),
            new("GET /changes page", _ => Get($"/changes?from={Iso(ChangesFrom)}&to={Iso(ChangesTo)}")),
        ];
    }

    // Every seeded instance lies in this range (StoreSeeder: an application starts each minute, a generation each hour).
    private static readonly DateTimeOffset ChangesFrom = StoreSeeder.Epoch.AddDays(-1);
    private static readonly DateTimeOffset ChangesTo = StoreSeeder.Epoch.AddDays(30);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void ExpectRows(ChangeList list)
    {
        if (list.Entries.Count == 0 || list.Entries.Any(e => e.Summary is null || e.Instance.Outcome is null))
        {
            throw new InvalidOperationException("The seeded store's changes list is empty or has instances without a recorded change or outcome.");
        }
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} with {body.Length} bytes.");
        }
    }

    private static void Expect<T>(T? result)
    {
        if (result is null)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} the seeded store must hold was not found.");
        }
    }
}
