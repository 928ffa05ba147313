using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Ingest;

/// <summary>What a store holds for one application, read the way the pages read it.</summary>
internal sealed class StoredHistory(StoreQueries queries)
{
    public async Task<ApplicationDetailView?> ApplicationAsync(string ns, string name) =>
        await queries.GetApplicationAsync(new ApplicationKey(ns, name), CancellationToken.None);

    public async Task<IReadOnlyList<InstanceState>> InstancesAsync(string ns, string name)
    {
        var page = await queries.ListInstancesAsync(
            new ApplicationKey(ns, name), new InstanceListQuery { Descending = false, PageSize = 500 }, CancellationToken.None);
        return page?.Items ?? [];
    }

    public async Task<IReadOnlyList<ClusterState>> ClustersAsync(string ns, string name)
    {
        var timeline = await queries.GetTimelineAsync(new ApplicationKey(ns, name), null, CancellationToken.None);
        return timeline?.Clusters ?? [];
    }
}
