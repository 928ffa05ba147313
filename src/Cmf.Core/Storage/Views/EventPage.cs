namespace Cmf.Core.Storage.Views;

/// <summary>One page of an application's events, newest first, and how many are retained.</summary>
public sealed record EventPage(IReadOnlyList<EventView> Items, int TotalCount);
