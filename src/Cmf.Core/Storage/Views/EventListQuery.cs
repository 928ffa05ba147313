namespace Cmf.Core.Storage.Views;

/// <summary>Filter, order and page of an application's events; <see cref="Page"/> counts from 0.</summary>
public sealed record EventListQuery
{
    /// <summary>Events of any of these CMF types; empty for all.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Events of none of these CMF types.</summary>
    public IReadOnlyList<string> ExcludedTypes { get; init; } = [];

    /// <summary>
    /// A test the store cannot put in SQL (a search of the message as it is shown, secrets masked): applied to the
    /// application's events in order while they are read, and counted, so a page and the total agree.
    /// </summary>
    public Func<EventView, bool>? Matches { get; init; }

    public bool OldestFirst { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 20;
}
