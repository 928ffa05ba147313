using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The one-time pass that brings rows written before data version 1 up to today's secret rules (DESIGN 3.2 rule 10):
/// those releases fingerprinted secrets by key only and stored <c>status.error</c> and event messages verbatim. Every stored
/// spec and environment's defaults are fingerprinted again (fingerprinting is idempotent: only what the old rules missed changes),
/// and every stored text that came from the cluster (errors, the error episode, event messages, job names, savepoint
/// paths) is scrubbed with the application's secrets: the values the new rules found in its specs, the values whose
/// fingerprint tokens its specs hold (a secret the old rules fingerprinted by key may still be quoted in an error), and the value
/// patterns. Applications are converted a chunk per transaction; the pass is idempotent, so one interrupted half-way
/// simply runs again.
/// </summary>
internal static class SecretFingerprintRefresh
{
    /// <summary>The data version the pass brings a store to.</summary>
    public const int DataVersion = 1;

    private const int ApplicationsPerTransaction = 50;

    public static async Task<FingerprintRefreshCounts> RunAsync(StoreProvider provider, CancellationToken cancellationToken)
    {
        var counts = await RefreshEnvironmentsAsync(provider, cancellationToken);
        var afterId = 0L;
        while (true)
        {
            await using var db = provider.CreateContext();
            await using var transaction = await provider.BeginWriteTransactionAsync(db, cancellationToken);
            var applications = await db.Applications
                .Where(a => a.Id > afterId)
                .OrderBy(a => a.Id)
                .Take(ApplicationsPerTransaction)
                .ToListAsync(cancellationToken);
            foreach (var application in applications)
            {
                counts += await RefreshApplicationAsync(db, application, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (applications.Count < ApplicationsPerTransaction)
            {
                return counts;
            }
            afterId = applications[^1].Id;
        }
    }

    private static async Task<FingerprintRefreshCounts> RefreshEnvironmentsAsync(StoreProvider provider, CancellationToken cancellationToken)
    {
        await using var db = provider.CreateContext();
        await using var transaction = await provider.BeginWriteTransactionAsync(db, cancellationToken);
        var (rows, changed) = (0, 0);
        foreach (var environment in await db.Environments.Where(e => e.DefaultsJson != null).ToListAsync(cancellationToken))
        {
            rows++;
            // Written as JsonNode.ToJsonString() writes them (IngestPipeline), not canonical.
            if (WithTodaysFingerprints(environment.DefaultsJson!, secrets: null, static node => node?.ToJsonString() ?? "null") is { } defaults)
            {
                environment.DefaultsJson = defaults;
                changed++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FingerprintRefreshCounts(rows, changed, 0);
    }

    private static async Task<FingerprintRefreshCounts> RefreshApplicationAsync(CmfDbContext db, StoredApplication application, CancellationToken cancellationToken)
    {
        var specs = await db.InstanceSpecs
            .Where(s => db.Instances.Any(i => i.Id == s.InstanceId && i.ApplicationId == application.Id))
            .ToListAsync(cancellationToken);
        var secrets = new List<string>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var specsChanged = 0;
        foreach (var spec in specs)
        {
            if (WithTodaysFingerprints(spec.EffectiveSpecJson, secrets, CanonicalJson.Serialize) is { } refreshed)
            {
                spec.EffectiveSpecJson = refreshed;
                specsChanged++;
            }
            tokens.UnionWith(SecretMasker.FingerprintTokens(spec.EffectiveSpecJson));
        }
        var scrubber = new SecretScrubber(secrets).WithTokens(tokens);
        var textsChanged = 0;

        textsChanged += Scrub(application.Error, scrubber, v => application.Error = v);
        textsChanged += Scrub(application.JobName, scrubber, v => application.JobName = v);
        textsChanged += Scrub(application.UpgradeSavepointPath, scrubber, v => application.UpgradeSavepointPath = v);
        if (TrackerMemoryJson.ReadErrorEpisode(application.ErrorEpisodeJson) is { } episode
            && scrubber.Scrub(episode.Message) is var message && message != episode.Message)
        {
            application.ErrorEpisodeJson = TrackerMemoryJson.WriteErrorEpisode(episode with { Message = message });
            textsChanged++;
        }
        foreach (var instance in await db.Instances.Where(i => i.ApplicationId == application.Id).ToListAsync(cancellationToken))
        {
            textsChanged += Scrub(instance.Error, scrubber, v => instance.Error = v);
            textsChanged += Scrub(instance.StopSavepointPath, scrubber, v => instance.StopSavepointPath = v);
        }
        foreach (var appEvent in await db.Events.Where(e => e.ApplicationId == application.Id).ToListAsync(cancellationToken))
        {
            textsChanged += Scrub(appEvent.Message, scrubber, v => appEvent.Message = v!);
        }
        return new FingerprintRefreshCounts(1, specsChanged, textsChanged);
    }

    /// <summary>The stored JSON fingerprinted by today's rules, or null when that changes nothing.</summary>
    private static string? WithTodaysFingerprints(string json, List<string>? secrets, Func<JsonNode?, string> serialize)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Not JSON: nothing we wrote. Leave it for whoever reads it to report.
            return null;
        }
        SecretMasker.FingerprintInPlace(node, secrets);
        var refreshed = serialize(node);
        return refreshed == json ? null : refreshed;
    }

    private static int Scrub(string? text, SecretScrubber scrubber, Action<string?> write)
    {
        var scrubbed = scrubber.Scrub(text);
        if (scrubbed == text)
        {
            return 0;
        }
        write(scrubbed);
        return 1;
    }
}

/// <summary>
/// What a <see cref="SecretFingerprintRefresh"/> pass saw (applications, and environments with defaults) and changed: specs and
/// defaults fingerprinted again, texts scrubbed.
/// </summary>
internal readonly record struct FingerprintRefreshCounts(int Rows, int Specs, int Texts)
{
    public static FingerprintRefreshCounts operator +(FingerprintRefreshCounts a, FingerprintRefreshCounts b) => new(a.Rows + b.Rows, a.Specs + b.Specs, a.Texts + b.Texts);
}
