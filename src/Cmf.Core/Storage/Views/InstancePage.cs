using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>
/// One page of an application's instances, read in the same snapshot as the application row, so
/// <see cref="ApplicationSummary.InstanceCount"/> and <see cref="TotalCount"/> always agree.
/// </summary>
public sealed record InstancePage(ApplicationSummary Application, IReadOnlyList<InstanceState> Items, int TotalCount);
