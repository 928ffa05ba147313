namespace Cmf.Dashboard.Model;

/// <summary>Facts about this running dashboard that the chrome shows, registered once at start-up.</summary>
/// <param name="RunsOnSimulator">The data comes from the built-in simulated cluster, not a real one.</param>
public sealed record DashboardRuntime(bool RunsOnSimulator);
