namespace Cmf.Core.Model;

/// <summary>An application is one FlinkDeployment name inside one environment.</summary>
public readonly record struct ApplicationKey(string Environment, string Name)
{
    public override string ToString() => $"{Environment}/{Name}";
}
