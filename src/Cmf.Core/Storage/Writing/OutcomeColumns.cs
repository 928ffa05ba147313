using Cmf.Core.Storage.Entities;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>An instance's <see cref="InstanceOutcomeFacts"/> as the columns of its row.</summary>
internal static class OutcomeColumns
{
    public static InstanceOutcomeFacts? Read(StoredInstance row) =>
        row.Outcome is { } kind
            ? new InstanceOutcomeFacts(kind)
            {
                InstanceUid = row.OutcomeInstanceUid,
                InstanceSequence = row.OutcomeInstanceSequence,
                ClusterUid = row.OutcomeClusterUid,
                At = row.OutcomeAt,
            }
            : null;

    public static void Write(StoredInstance row, InstanceOutcomeFacts? outcome)
    {
        row.Outcome = outcome?.Kind;
        row.OutcomeInstanceUid = outcome?.InstanceUid;
        row.OutcomeInstanceSequence = outcome?.InstanceSequence;
        row.OutcomeClusterUid = outcome?.ClusterUid;
        row.OutcomeAt = outcome?.At;
    }
}
