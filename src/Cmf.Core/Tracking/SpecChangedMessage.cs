using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>
/// Reads the diff type from the message of FKO's SpecChanged event: <c>"UPGRADE change(s) detected (Diff: ...), starting
/// reconciliation."</c> (AbstractFlinkResourceReconciler.reconcile formats it with the DiffType first).
/// </summary>
public static class SpecChangedMessage
{
    public const string Reason = "SpecChanged";

    public static SpecDiffType? DiffType(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOf(' ', StringComparison.Ordinal);
        var first = end < 0 ? message : message[..end];
        return SpecDiffTypeNames.Parse(first);
    }
}
