namespace Cmf.UnitTests.Dashboard;

/// <summary>A clock whose now never moves; its timers are the system's, so a component's short delays still end.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
