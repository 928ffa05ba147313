using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Api;

/// <summary>The instance resource of the extension API and the status hub: the instance and its environment's defaults.</summary>
public static class InstanceResources
{
    public static async Task<InstanceResource> ReadAsync(StoreQueries queries, InstanceDetailView detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(detail);
        var environments = await queries.ListEnvironmentsAsync(cancellationToken);
        var defaults = environments.FirstOrDefault(e => e.Name == detail.Application.Environment)?.DefaultsJson;
        return ExtensionMapping.Instance(detail, defaults);
    }
}
