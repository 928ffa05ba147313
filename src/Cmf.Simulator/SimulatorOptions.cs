using Cmf.Simulator.Operator;

namespace Cmf.Simulator;

/// <summary>How to start a simulated cluster.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Loopback address to listen on.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 lets the operating system choose a free port.</summary>
    public int Port { get; set; }

    /// <summary><c>demo</c> (environments prod and staging with a dozen applications and ongoing changes) or <c>empty</c>.</summary>
    public string Scenario { get; set; } = SimulatorScenarios.Demo;

    /// <summary>Seeds every random choice (UIDs, job ids, pod names, demo changes) so runs repeat.</summary>
    public int Seed { get; set; }

    /// <summary>Simulated seconds per real second (ignored with <see cref="ManualClock"/>).</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>Time moves only through <see cref="SimulatorClock.AdvanceAsync"/>.</summary>
    public bool ManualClock { get; set; }

    /// <summary>The simulated time at start; defaults to the real time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Watch events kept per resource type; resuming a watch from an older version answers 410 Expired.</summary>
    public int RetainedVersions { get; set; } = 10_000;

    /// <summary>How an expired watch resume is signalled (a real API server sends an ERROR event).</summary>
    public WatchExpirySignal WatchExpiry { get; set; } = WatchExpirySignal.ErrorEvent;

    /// <summary>Real time between bookmarks on quiet watches that asked for them.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Real time after which a watch without timeoutSeconds ends.</summary>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Turn the simulated Flink operator off to use the server as a plain API store (load tests that write statuses themselves).</summary>
    public bool OperatorEnabled { get; set; } = true;

    /// <summary>Simulated durations of the operator's and Flink's steps.</summary>
    public OperatorTimings Timings { get; set; } = new();

    /// <summary>
    /// Which operator release's status shapes to write: 1.15 (the default) or 1.9, whose <c>lastReconciledSpec</c> and
    /// <c>lastStableSpec</c> carry the generation and keep flinkConfiguration as strings, and which writes no conditions.
    /// </summary>
    public OperatorRelease OperatorRelease { get; set; } = OperatorRelease.V1_15;
}
