using Cmf.Core.Model;

namespace Cmf.Core.Storage.Views;

/// <summary>
/// A page of the changes list, newest first, and the histories of the applications on it (their instances and clusters,
/// read in the same snapshot) from which each instance's outcome is told. <see cref="Next"/> is where the following
/// page starts; null at the end of the window.
/// </summary>
public sealed record ChangeList(
    IReadOnlyList<ChangeEntry> Entries,
    IReadOnlyDictionary<ApplicationKey, ChangedApplication> Applications,
    ChangeCursor? Next);

/// <summary>An application on a changes page, with its retained history.</summary>
public sealed record ChangedApplication(ApplicationSummary Application, ApplicationTimeline History);
