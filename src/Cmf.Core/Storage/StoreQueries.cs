using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Reading;
using Cmf.Core.Storage.Views;
using Cmf.Core.Storage.Writing;
using Cmf.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage;

/// <summary>
/// The reads the pages and the API need. Each call uses a fresh context and one read snapshot, so
/// the statements of one call never see half a commit; every per-application statement is bounded
/// by the application's retained rows through an index, never by the total history.
/// </summary>
public sealed class StoreQueries(StoreProvider provider)
{
    public const int MaxPageSize = 500;

    /// <summary>Operator events an instance page shows; the application's event list has them all.</summary>
    public const int MaxInstanceOperatorEvents = 200;

    /// <summary>Failed savepoints a blocked upgrade shows, newest last.</summary>
    public const int MaxBlockingSnapshots = 5;

    private const string LikeEscape = "\\";

    public Task<ApplicationPage> ListApplicationsAsync(ApplicationListQuery query, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var filtered = Filter(db.Applications.AsNoTracking(), query);
            var total = await filtered.CountAsync(cancellationToken);
            var size = PageSize(query.PageSize);
            var rows = await ApplicationListOrdering.Apply(filtered, query.Sort, query.Descending, provider.SortsNullsHigh)
                .Skip(Math.Max(0, query.Page) * size)
                .Take(size)
                .ToListAsync(cancellationToken);
            return new ApplicationPage([.. rows.Select(ViewMapping.ToSummary)], total);
        }, cancellationToken);

    /// <summary>Applications changed by commits after <paramref name="afterCommit"/> (catch-up for the change feed).</summary>
    public Task<IReadOnlyList<ApplicationSummary>> ListApplicationsChangedAfterAsync(long afterCommit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ApplicationSummary>>(async db =>
        {
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.LastCommit > afterCommit)
                .OrderBy(a => a.LastCommit)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ViewMapping.ToSummary)];
        }, cancellationToken);

    public Task<ApplicationDetailView?> GetApplicationAsync(ApplicationKey key, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var application = await FindApplicationAsync(db, key, cancellationToken);
            return application is null ? null : ViewMapping.ToDetail(application);
        }, cancellationToken);

    public Task<IReadOnlyList<EnvironmentSummary>> ListEnvironmentsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<EnvironmentSummary>>(async db =>
        {
            var configured = await db.Environments.AsNoTracking().ToListAsync(cancellationToken);
            var counts = await db.Applications.AsNoTracking()
                .GroupBy(a => a.Environment)
                .Select(g => new { Environment = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Environment, g => g.Count, StringComparer.Ordinal, cancellationToken);
            var summaries = configured
                .Select(e => new EnvironmentSummary(e.Name, e.Namespace, e.DefaultsJson, counts.GetValueOrDefault(e.Name)))
                .ToList();
            var unconfigured = counts.Keys.Where(name => configured.All(e => e.Name != name));
            summaries.AddRange(unconfigured.Select(name => new EnvironmentSummary(name, name, null, counts[name])));
            return [.. summaries.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <summary>Resolves a UID alone (a deep link from an alert): found, pruned by retention, or unknown.</summary>
    public Task<InstanceLookup> FindInstanceAsync(string uid, CancellationToken cancellationToken) =>
        ReadAsync<InstanceLookup>(async db =>
        {
            var found = await db.Instances.AsNoTracking()
                .Where(i => i.Uid == uid)
                .Join(db.Applications, i => i.ApplicationId, a => a.Id, (i, a) => new { a.Environment, a.Name, i.Sequence })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is not null)
            {
                return new InstanceLookup.Found(uid, new ApplicationKey(found.Environment, found.Name), found.Sequence);
            }
            var pruned = await db.PrunedInstances.AsNoTracking().FirstOrDefaultAsync(p => p.Uid == uid, cancellationToken);
            return pruned is null
                ? new InstanceLookup.Unknown(uid)
                : new InstanceLookup.Pruned(uid, new ApplicationKey(pruned.Environment, pruned.ApplicationName), pruned.Sequence, pruned.PrunedAt);
        }, cancellationToken);

    public Task<InstanceDetailView?> GetInstanceAsync(ApplicationKey key, string uid, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var application = await FindApplicationAsync(db, key, cancellationToken);
            if (application is null)
            {
                return null;
            }
            var instance = await db.Instances.AsNoTracking()
                .FirstOrDefaultAsync(i => i.Uid == uid && i.ApplicationId == application.Id, cancellationToken);
            if (instance is null)
            {
                return null;
            }
            var spec = await db.InstanceSpecs.AsNoTracking()
                .FirstOrDefaultAsync(s => s.InstanceId == instance.Id, cancellationToken);
            // Hand-overs are rare and an application has few clusters: the segments are read here rather than indexed.
            var clusters = (await db.Clusters.AsNoTracking()
                .Where(c => c.ApplicationId == application.Id && (c.OwnerInstanceUid == uid || c.SegmentsJson != null))
                .OrderBy(c => c.StartedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken))
                .Select(ViewMapping.ToState)
                .Where(c => c.Segments.Any(s => s.InstanceUid == uid))
                .ToList();
            var previous = await db.Instances.AsNoTracking()
                .Where(i => i.ApplicationId == application.Id && i.Sequence < instance.Sequence)
                .OrderByDescending(i => i.Sequence)
                .Select(i => i.Uid)
                .FirstOrDefaultAsync(cancellationToken);
            var next = await db.Instances.AsNoTracking()
                .Where(i => i.ApplicationId == application.Id && i.Sequence > instance.Sequence)
                .OrderBy(i => i.Sequence)
                .Select(i => i.Uid)
                .FirstOrDefaultAsync(cancellationToken);
            return new InstanceDetailView
            {
                Application = key,
                Instance = ViewMapping.ToState(instance),
                EffectiveSpecJson = spec?.EffectiveSpecJson,
                Clusters = clusters,
                PreviousInstanceUid = previous,
                NextInstanceUid = next,
                IsCurrent = application.CurrentInstanceUid == uid,
                IsLatest = application.LatestInstanceUid == uid,
                Lineage = await LineageAsync(db, application, instance, spec?.EffectiveSpecJson, cancellationToken),
                OperatorEvents = await db.Events.AsNoTracking()
                    .Where(e => e.ApplicationId == application.Id && e.InstanceUid == uid && e.Kind == AppEventKind.OperatorEvent)
                    .OrderByDescending(e => e.Id)
                    .Take(MaxInstanceOperatorEvents)
                    .Select(e => ViewMapping.ToView(e))
                    .ToListAsync(cancellationToken),
            };
        }, cancellationToken);

    public Task<InstancePage?> ListInstancesAsync(ApplicationKey key, InstanceListQuery query, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var application = await FindApplicationAsync(db, key, cancellationToken);
            if (application is null)
            {
                return null;
            }
            var instances = db.Instances.AsNoTracking().Where(i => i.ApplicationId == application.Id);
            var total = await instances.CountAsync(cancellationToken);
            var ordered = (query.Sort, query.Descending) switch
            {
                (InstanceSort.CreatedAt, false) => instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
                (InstanceSort.CreatedAt, true) => instances.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
                (InstanceSort.Uid, false) => instances.OrderBy(i => i.Uid),
                (InstanceSort.Uid, true) => instances.OrderByDescending(i => i.Uid),
                (_, false) => instances.OrderBy(i => i.Sequence),
                (_, true) => instances.OrderByDescending(i => i.Sequence),
            };
            var size = PageSize(query.PageSize);
            var rows = await ordered.Skip(Math.Max(0, query.Page) * size).Take(size).ToListAsync(cancellationToken);
            return new InstancePage(ViewMapping.ToSummary(application), [.. rows.Select(ViewMapping.ToState)], total);
        }, cancellationToken);

    /// <summary>Newest first; <paramref name="page"/> counts from 0.</summary>
    public Task<EventPage?> ListEventsAsync(ApplicationKey key, int page, int pageSize, CancellationToken cancellationToken) =>
        ListEventsAsync(key, page, pageSize, oldestFirst: false, cancellationToken);

    /// <summary>Newest first unless <paramref name="oldestFirst"/>; <paramref name="page"/> counts from 0.</summary>
    public Task<EventPage?> ListEventsAsync(ApplicationKey key, int page, int pageSize, bool oldestFirst, CancellationToken cancellationToken) =>
        ListEventsAsync(key, new EventListQuery { Page = page, PageSize = pageSize, OldestFirst = oldestFirst }, cancellationToken);

    /// <summary>
    /// The page of an application's events that <paramref name="query"/> selects and how many it selects in all. The
    /// types are filtered in SQL; <see cref="EventListQuery.Matches"/> reads the application's events (bounded by
    /// retention) in order, in batches, through the (ApplicationId, Id) index.
    /// </summary>
    public Task<EventPage?> ListEventsAsync(ApplicationKey key, EventListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(async db =>
        {
            var application = await FindApplicationAsync(db, key, cancellationToken);
            if (application is null)
            {
                return null;
            }
            var events = db.Events.AsNoTracking().Where(e => e.ApplicationId == application.Id);
            if (query.Types.Count > 0)
            {
                var types = query.Types.ToList();
                events = events.Where(e => types.Contains(e.CmfType));
            }
            if (query.ExcludedTypes.Count > 0)
            {
                var excluded = query.ExcludedTypes.ToList();
                events = events.Where(e => !excluded.Contains(e.CmfType));
            }
            var size = PageSize(query.PageSize);
            var skip = (long)Math.Max(0, query.Page) * size;
            if (query.Matches is { } matches)
            {
                return await MatchingEventsAsync(events, query.OldestFirst, matches, skip, size, cancellationToken);
            }
            var total = await events.CountAsync(cancellationToken);
            var ordered = query.OldestFirst ? events.OrderBy(e => e.Id) : events.OrderByDescending(e => e.Id);
            var rows = await ordered.Skip((int)skip).Take(size).ToListAsync(cancellationToken);
            return new EventPage([.. rows.Select(ViewMapping.ToView)], total);
        }, cancellationToken);
    }

    private const int EventBatch = 500;

    /// <summary>Every event in order, a batch at a time after the last id read, tested, counted and the page kept.</summary>
    private static async Task<EventPage> MatchingEventsAsync(
        IQueryable<StoredEvent> events, bool oldestFirst, Func<EventView, bool> matches, long skip, int size, CancellationToken cancellationToken)
    {
        var page = new List<EventView>(size);
        var total = 0;
        long? after = null;
        while (true)
        {
            var batch = events;
            if (after is { } last)
            {
                batch = oldestFirst ? batch.Where(e => e.Id > last) : batch.Where(e => e.Id < last);
            }
            var rows = await (oldestFirst ? batch.OrderBy(e => e.Id) : batch.OrderByDescending(e => e.Id))
                .Take(EventBatch)
                .ToListAsync(cancellationToken);
            foreach (var view in rows.Select(ViewMapping.ToView).Where(matches))
            {
                if (total >= skip && page.Count < size)
                {
                    page.Add(view);
                }
                total++;
            }
            if (rows.Count < EventBatch)
            {
                return new EventPage(page, total);
            }
            after = rows[^1].Id;
        }
    }

    /// <summary>
    /// The fingerprinted spec texts of the given instances, by UID, in one statement (a page of the CMF API shows each
    /// instance's spec); UIDs that are not stored are left out.
    /// </summary>
    public Task<IReadOnlyDictionary<string, InstanceSpecTexts>> ListInstanceSpecsAsync(IReadOnlyCollection<string> instanceUids, CancellationToken cancellationToken) =>
        ReadSpecsAsync(instanceUids, (instance, spec) => new InstanceSpecTexts(instance.Uid, spec.EffectiveSpecJson), s => s.Uid, cancellationToken);

    /// <summary>
    /// The length in characters of the fingerprinted spec of each given instance, by UID, without reading the texts: a CMF list
    /// page decides from these which specs it can afford to read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> ListInstanceSpecLengthsAsync(IReadOnlyCollection<string> instanceUids, CancellationToken cancellationToken)
    {
        var lengths = await ReadSpecsAsync(instanceUids, (instance, spec) => new SpecLength(instance.Uid, spec.EffectiveSpecJson.Length), l => l.Uid, cancellationToken);
        return lengths.ToDictionary(l => l.Key, l => (long)l.Value.Length, StringComparer.Ordinal);
    }

    private sealed record SpecLength(string Uid, int Length);

    private Task<IReadOnlyDictionary<string, T>> ReadSpecsAsync<T>(IReadOnlyCollection<string> instanceUids,
        System.Linq.Expressions.Expression<Func<StoredInstance, StoredInstanceSpec, T>> select, Func<T, string> uidOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceUids);
        if (instanceUids.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, T>>(new Dictionary<string, T>());
        }
        var uids = instanceUids.Distinct(StringComparer.Ordinal).ToList();
        return ReadAsync<IReadOnlyDictionary<string, T>>(async db =>
        {
            var rows = await db.Instances.AsNoTracking()
                .Where(i => uids.Contains(i.Uid))
                .Join(db.InstanceSpecs, i => i.Id, s => s.InstanceId, select)
                .ToListAsync(cancellationToken);
            return rows.ToDictionary(uidOf, StringComparer.Ordinal);
        }, cancellationToken);
    }

    /// <summary>Instances and clusters of an application, oldest first; with a range, only those overlapping it.</summary>
    public Task<ApplicationTimeline?> GetTimelineAsync(ApplicationKey key, TimeRange? range, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var application = await FindApplicationAsync(db, key, cancellationToken);
            if (application is null)
            {
                return null;
            }
            var instances = db.Instances.AsNoTracking().Where(i => i.ApplicationId == application.Id);
            var clusters = db.Clusters.AsNoTracking().Where(c => c.ApplicationId == application.Id);
            if (range is not null)
            {
                instances = instances.Where(i => i.CreatedAt <= range.To && (i.EndedAt == null || i.EndedAt >= range.From));
                clusters = clusters.Where(c => c.StartedAt <= range.To && (c.EndedAt == null || c.EndedAt >= range.From));
            }
            var instanceBars = await instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
            var clusterBars = await clusters.OrderBy(c => c.StartedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            var snapshots = db.Snapshots.AsNoTracking().Where(s => s.ApplicationId == application.Id);
            if (range is not null)
            {
                snapshots = snapshots.Where(s => s.CreatedAt <= range.To && s.CreatedAt >= range.From);
            }
            var snapshotMarks = await snapshots.OrderBy(s => s.CreatedAt).ThenBy(s => s.Name).ToListAsync(cancellationToken);
            return new ApplicationTimeline(key, [.. instanceBars.Select(ViewMapping.ToState)], [.. clusterBars.Select(ViewMapping.ToState)])
            {
                Snapshots = [.. snapshotMarks.Select(ViewMapping.ToView)],
            };
        }, cancellationToken);

    /// <summary>
    /// Instances created in the query's window across all applications, newest first, in one statement per page through
    /// the (CreatedAt, Id) index (or an application's own, or a rare outcome's), so the first page costs the page, not
    /// the history. Each row carries its stored outcome, what its application says of now (current instance, error
    /// episode) and the kept instance before it, so the page needs no history.
    /// </summary>
    public Task<ChangeList> ListChangesAsync(ChangeListQuery query, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var instances = db.Instances.AsNoTracking().Where(i => i.CreatedAt >= query.From && i.CreatedAt < query.To);
            if (query.Environment is { } environment && query.Application is { } name)
            {
                var id = await db.Applications.AsNoTracking()
                    .Where(a => a.Environment == environment && a.Name == name)
                    .Select(a => (long?)a.Id)
                    .FirstOrDefaultAsync(cancellationToken);
                if (id is null)
                {
                    return new ChangeList([], null);
                }
                instances = instances.Where(i => i.ApplicationId == id.Value);
            }
            else if (query.Environment is { } environmentOnly)
            {
                instances = instances.Where(i => db.Applications.Any(a => a.Id == i.ApplicationId && a.Environment == environmentOnly));
            }
            else if (query.Application is { } nameOnly)
            {
                instances = instances.Where(i => db.Applications.Any(a => a.Id == i.ApplicationId && a.Name == nameOnly));
            }
            if (query.Before is { } before)
            {
                instances = instances.Where(i => i.CreatedAt < before.CreatedAt || (i.CreatedAt == before.CreatedAt && i.Id < before.Id));
            }
            if (query.Kinds != SpecChangeKinds.None)
            {
                var kinds = (int)query.Kinds;
                instances = instances.Where(i => (i.ChangeKinds & kinds) != 0);
            }
            if (!string.IsNullOrWhiteSpace(query.ConfigurationKey))
            {
                var pattern = "%" + EscapeLike(ChangeColumns.Separator + ChangeColumns.Normalize(query.ConfigurationKey) + ChangeColumns.Separator) + "%";
                instances = instances.Where(i => EF.Functions.Like(i.ChangedConfigurationKeys!, pattern, LikeEscape));
            }
            if (query.Outcomes is { Count: > 0 } outcomes)
            {
                instances = WhereOutcomeIn(instances, outcomes);
            }
            var limit = PageSize(query.Limit);
            var page = instances.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(limit + 1);
            var rows = await (
                from i in page
                join a in db.Applications on i.ApplicationId equals a.Id
                // The kept instance before it, the other side of its diff: one step back in (ApplicationId, Sequence),
                // found once and read through the unique (ApplicationId, Sequence) index.
                join p in db.Instances
                    on new { i.ApplicationId, Sequence = db.Instances.Where(q => q.ApplicationId == i.ApplicationId && q.Sequence < i.Sequence).Max(q => (int?)q.Sequence) }
                    equals new { p.ApplicationId, Sequence = (int?)p.Sequence } into earlier
                from p in earlier.DefaultIfEmpty()
                select new
                {
                    Instance = i,
                    a.Environment,
                    a.Name,
                    a.CurrentInstanceUid,
                    a.ErrorEpisodeJson,
                    PreviousUid = p == null ? null : p.Uid,
                    PreviousSequence = p == null ? (int?)null : p.Sequence,
                })
                .ToListAsync(cancellationToken);
            // The join keeps the page's rows, not necessarily their order: put the (at most limit + 1) rows back in it.
            var entries = rows.OrderByDescending(r => r.Instance.CreatedAt).ThenByDescending(r => r.Instance.Id).Take(limit).Select(r => new ChangeEntry
            {
                Application = new ApplicationKey(r.Environment, r.Name),
                Instance = ViewMapping.ToState(r.Instance),
                Summary = r.Instance.ChangeSummary,
                Kinds = (SpecChangeKinds)r.Instance.ChangeKinds,
                ConfigurationKeys = ChangeColumns.Keys(r.Instance.ChangedConfigurationKeys),
                Position = new ChangeCursor(r.Instance.CreatedAt, r.Instance.Id),
                Previous = r.PreviousUid is { } uid && r.PreviousSequence is { } sequence ? new InstanceReference(uid, sequence) : null,
                CurrentInstanceUid = r.CurrentInstanceUid,
                ErrorEpisode = TrackerMemoryJson.ReadErrorEpisode(r.ErrorEpisodeJson),
            }).ToList();
            var next = rows.Count > limit ? entries[^1].Position : null;
            return new ChangeList(entries, next);
        }, cancellationToken);

    /// <summary>
    /// A set of outcomes that holds most rows (deployed) is tested on the rows the (CreatedAt, Id) walk meets, as the
    /// complement it is (NOT IN cannot seek an index); a rare one seeks its rows in the (Outcome, CreatedAt, Id) index.
    /// </summary>
    private static IQueryable<StoredInstance> WhereOutcomeIn(IQueryable<StoredInstance> instances, IReadOnlyCollection<InstanceOutcomeKind> outcomes)
    {
        var wanted = outcomes.Distinct().ToList();
        var others = Enum.GetValues<InstanceOutcomeKind>().Except(wanted).ToList();
        if (others.Count < wanted.Count)
        {
            return instances.Where(i => i.Outcome != null && !others.Contains(i.Outcome.Value));
        }
        return wanted.Count == 1
            ? instances.Where(i => i.Outcome == wanted[0])
            : instances.Where(i => i.Outcome != null && wanted.Contains(i.Outcome.Value));
    }

    private static async Task<SavepointLineage> LineageAsync(
        CmfDbContext db, StoredApplication application, StoredInstance instance, string? effectiveSpecJson, CancellationToken cancellationToken)
    {
        var previous = await db.Instances.AsNoTracking()
            .Where(i => i.ApplicationId == application.Id && i.Sequence < instance.Sequence)
            .OrderByDescending(i => i.Sequence)
            .Select(i => new { i.Sequence, i.StopSavepointPath })
            .FirstOrDefaultAsync(cancellationToken);
        var snapshots = await db.Snapshots.AsNoTracking()
            .Where(s => s.ApplicationId == application.Id && s.InstanceUid == instance.Uid)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
        var pending = application.PendingUpgrade && application.LatestInstanceUid == instance.Uid;
        List<StoredSnapshot> blocking = [];
        if (pending)
        {
            // The running job's savepoints failing since its last good one: the upgrade cannot stop it with a savepoint.
            var recent = await db.Snapshots.AsNoTracking()
                .Where(s => s.ApplicationId == application.Id && s.SnapshotType == "SAVEPOINT")
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Name)
                .Take(MaxBlockingSnapshots)
                .ToListAsync(cancellationToken);
            blocking = [.. recent.TakeWhile(s => s.State is "FAILED" or "ABANDONED").Reverse()];
        }
        var initial = InitialSavepointPath.Read(effectiveSpecJson);
        // FKO restores an upgrade from the stop savepoint; initialSavepointPath only serves a first deployment.
        (string? StartedFrom, SavepointOrigin Origin) started = previous?.StopSavepointPath is { } stop
            ? (stop, SavepointOrigin.PreviousStop)
            : initial is not null ? (initial, SavepointOrigin.InitialSavepointPath) : (null, SavepointOrigin.None);
        var (startedFrom, origin) = started;
        return new SavepointLineage
        {
            StartedFrom = startedFrom,
            StartedFromOrigin = origin,
            StartedFromSequence = origin == SavepointOrigin.PreviousStop ? previous!.Sequence : null,
            StoppedWith = instance.StopSavepointPath,
            Snapshots = [.. snapshots.Select(ViewMapping.ToView)],
            BlockingSnapshots = [.. blocking.Select(ViewMapping.ToView)],
        };
    }

    private IQueryable<StoredApplication> Filter(IQueryable<StoredApplication> applications, ApplicationListQuery query)
    {
        if (query.Environment is { } environment)
        {
            applications = applications.Where(a => a.Environment == environment);
        }
        if (query.JobStates.Count > 0)
        {
            var states = query.JobStates.Select(s => (JobState?)s).ToList();
            applications = applications.Where(a => states.Contains(a.JobState));
        }
        if (query.ExcludedJobStates.Count > 0)
        {
            var excluded = query.ExcludedJobStates.Select(s => (JobState?)s).ToList();
            applications = applications.Where(a => a.JobState == null || !excluded.Contains(a.JobState));
        }
        foreach (var pattern in query.NamePatterns)
        {
            var like = EscapeLike(pattern).Replace('*', '%');
            applications = pattern.Contains('*', StringComparison.Ordinal)
                ? applications.Where(a => EF.Functions.Like(a.Name, like, LikeEscape))
                : applications.Where(a => a.Name == pattern);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = "%" + EscapeLike(query.Text.Trim()) + "%";
            applications = provider.WhereTextMatches(applications, pattern, LikeEscape);
        }
        return applications;
    }

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static int PageSize(int requested) => Math.Clamp(requested, 1, MaxPageSize);

    private static Task<StoredApplication?> FindApplicationAsync(CmfDbContext db, ApplicationKey key, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Environment == key.Environment && a.Name == key.Name, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<CmfDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = provider.CreateContext();
        await using var snapshot = await provider.BeginReadTransactionAsync(db, cancellationToken);
        return await read(db);
    }
}
