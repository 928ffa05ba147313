using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>An instance's savepoint lineage: what it started from, what it stopped with, and its job's FlinkStateSnapshots.</summary>
public partial class SavepointLineageView
{
    [Parameter, EditorRequired]
    public required SavepointLineage Lineage { get; set; }

    private string OriginText => Lineage.StartedFromOrigin switch
    {
        SavepointOrigin.PreviousStop => $"stop savepoint of instance #{Lineage.StartedFromSequence}",
        SavepointOrigin.InitialSavepointPath => "spec.job.initialSavepointPath",
        _ => "",
    };

    /// <summary>"completed", "failed" or "running": a CSS modifier from the state, never the raw text.</summary>
    internal static string Tone(SnapshotView snapshot) =>
        snapshot.Completed ? "completed" : snapshot.Failed ? "failed" : "running";

    private static string Title(SnapshotView snapshot) =>
        $"{snapshot.SnapshotType} {snapshot.TriggerType} created {RelativeTimeText.Iso(snapshot.CreatedAt)}, {snapshot.Failures} failures";
}
