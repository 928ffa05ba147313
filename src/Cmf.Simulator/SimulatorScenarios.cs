namespace Cmf.Simulator;

/// <summary>Names of the built-in scenarios.</summary>
public static class SimulatorScenarios
{
    public const string Demo = "demo";
    public const string Empty = "empty";
}
