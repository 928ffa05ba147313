using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>
/// How an operator says why a job was stopped. Only a savepoint stop records an <c>upgradeSavepointPath</c>:
/// stateless and last-state stops are never called savepoint stops.
/// </summary>
public static class StopWords
{
    public static string Of(InstanceStop stop, string? savepointPath) => (stop, savepointPath is not null) switch
    {
        (InstanceStop.Suspend, false) => "suspended",
        (InstanceStop.Suspend, true) => "suspended with a savepoint",
        (InstanceStop.Upgrade, true) => "stopped with a savepoint for an upgrade",
        (InstanceStop.Upgrade, false) => "stopped for an upgrade",
        _ => "",
    };
}
