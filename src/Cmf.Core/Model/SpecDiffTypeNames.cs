namespace Cmf.Core.Model;

/// <summary>FKO's own spelling of each <see cref="SpecDiffType"/> (its <c>DiffType</c> enum constants), both ways.</summary>
public static class SpecDiffTypeNames
{
    private static readonly (SpecDiffType Type, string Name)[] Names =
    [
        (SpecDiffType.Ignore, "IGNORE"),
        (SpecDiffType.Scale, "SCALE"),
        (SpecDiffType.Upgrade, "UPGRADE"),
        (SpecDiffType.SavepointRedeploy, "SAVEPOINT_REDEPLOY"),
    ];

    /// <summary>IGNORE, SCALE, UPGRADE or SAVEPOINT_REDEPLOY; null for null.</summary>
    public static string? OperatorName(SpecDiffType? diffType) =>
        diffType is { } type ? Array.Find(Names, n => n.Type == type).Name : null;

    /// <summary>The diff type FKO spells <paramref name="name"/>; null for any other word.</summary>
    public static SpecDiffType? Parse(string name)
    {
        foreach (var (type, spelled) in Names)
        {
            if (spelled == name)
            {
                return type;
            }
        }
        return null;
    }
}
