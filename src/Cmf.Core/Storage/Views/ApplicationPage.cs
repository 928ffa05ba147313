namespace Cmf.Core.Storage.Views;

/// <summary>One page of the application list and how many applications match the filter.</summary>
public sealed record ApplicationPage(IReadOnlyList<ApplicationSummary> Items, int TotalCount);
