using Cmf.Core.Model;

namespace Cmf.Dashboard.Model;

/// <summary>How the operator applied a spec change, in words (FKO's DiffType from the SpecChanged event).</summary>
public static class DiffTypeText
{
    public static string Describe(SpecDiffType? diffType) => diffType switch
    {
        SpecDiffType.Ignore => "applied in place",
        SpecDiffType.Scale => "rescaled",
        SpecDiffType.Upgrade => "redeployed",
        SpecDiffType.SavepointRedeploy => "redeployed from a savepoint",
        _ => "—",
    };
}
