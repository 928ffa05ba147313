namespace Cmf.Core.Tracking;

/// <summary>
/// Why the operator stopped an instance's job (DESIGN 3.2 rule 4): it writes FINISHED or CANCELED while it
/// upgrades, rolls back or suspends. Only a new <c>upgradeSavepointPath</c> makes it a stop with a savepoint.
/// </summary>
public enum InstanceStop
{
    None,
    Upgrade,
    Suspend,
}
