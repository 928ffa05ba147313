namespace Cmf.Core.Storage.Views;

/// <summary>The orders of an application's instance table.</summary>
public enum InstanceSort
{
    Sequence,
    CreatedAt,

    /// <summary>By UID (CMF's instance name): an order with no meaning but a stable one.</summary>
    Uid,
}

/// <summary>Sort and page of an application's instances; newest first unless told; <see cref="Page"/> counts from 0.</summary>
public sealed record InstanceListQuery
{
    public InstanceSort Sort { get; init; } = InstanceSort.Sequence;

    public bool Descending { get; init; } = true;

    public int Page { get; init; }

    public int PageSize { get; init; } = 50;
}
