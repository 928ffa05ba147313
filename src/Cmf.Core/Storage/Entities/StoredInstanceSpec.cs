namespace Cmf.Core.Storage.Entities;

/// <summary>
/// The fingerprinted effective spec of one instance, apart from <see cref="StoredInstance"/> so that list and
/// timeline queries never read it.
/// </summary>
internal sealed class StoredInstanceSpec
{
    public long InstanceId { get; set; }

    public required string EffectiveSpecJson { get; set; }
}
