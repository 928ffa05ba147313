namespace Cmf.Core.Model;

/// <summary>
/// How the operator applies a spec change (FKO <c>DiffType</c>, least disruptive first): applied in place without a
/// restart, rescaled in place, upgraded by the job's upgrade mode, or redeployed from a savepoint.
/// </summary>
public enum SpecDiffType
{
    Ignore,
    Scale,
    Upgrade,
    SavepointRedeploy,
}
