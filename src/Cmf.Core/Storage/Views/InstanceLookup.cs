using Cmf.Core.Model;

namespace Cmf.Core.Storage.Views;

/// <summary>What an instance UID alone resolves to: a retained instance, a pruned one (410) or nothing (404).</summary>
public abstract record InstanceLookup(string Uid)
{
    public sealed record Found(string Uid, ApplicationKey Application, int Sequence) : InstanceLookup(Uid);

    public sealed record Pruned(string Uid, ApplicationKey Application, int Sequence, DateTimeOffset PrunedAt) : InstanceLookup(Uid);

    public sealed record Unknown(string Uid) : InstanceLookup(Uid);
}
