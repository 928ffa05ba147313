using Cmf.Simulator;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Starts simulators for tests: loopback, OS-chosen port, fixed start time and seed, manual clock unless asked otherwise.</summary>
internal static class TestSimulator
{
    public static readonly DateTimeOffset StartTime = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Task<SimulatorServer> StartAsync(string scenario = SimulatorScenarios.Empty, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Scenario = scenario,
            Seed = 7,
            ManualClock = true,
            StartTime = StartTime,
            BookmarkInterval = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return SimulatorServer.StartAsync(options);
    }
}
