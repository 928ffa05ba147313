using Cmf.Core.Model;

namespace Cmf.Dashboard.Hubs;

/// <summary>Something a hub client can watch: one application or one instance, each a SignalR group.</summary>
public readonly record struct HubTopic(ApplicationKey? Application, string? InstanceUid)
{
    public static HubTopic For(ApplicationKey application) => new(application, null);

    public static HubTopic For(string instanceUid) => new(null, instanceUid);

    public string Group => Application is { } application
        ? $"application:{application.Environment}/{application.Name}"
        : $"instance:{InstanceUid}";
}
